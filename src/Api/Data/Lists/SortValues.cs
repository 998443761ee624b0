namespace Api.Data.Lists;

/// <summary>
/// The text of a listed row's sort values, selected beside its columns as <c>sort0</c>…<c>sort2</c>
/// (<see cref="SortOrder.SelectColumns"/>) and read apart from the row, for the next page's cursor.
/// </summary>
public sealed record SortValues
{
    public string? Sort0 { get; init; }

    public string? Sort1 { get; init; }

    public string? Sort2 { get; init; }

    public IEnumerable<string?> All => [Sort0, Sort1, Sort2];
}
