namespace Api.Data.Lists;

/// <summary>The id of a listed row, for lists that read a page of ids and then load those records whole.</summary>
public sealed record RowId
{
    public Guid Id { get; init; }
}
