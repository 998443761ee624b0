namespace Api.Data;

/// <summary>The id of a listed row and the text of its sort values, for lists that load their items by id afterwards.</summary>
public sealed record SortedKey : ISortedRow
{
    public Guid Id { get; init; }

    public string? Sort0 { get; init; }

    public string? Sort1 { get; init; }

    public string? Sort2 { get; init; }

    public IEnumerable<string?> SortValues => [Sort0, Sort1, Sort2];
}
