namespace Api.Data.Lists;

public static class Paging
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 500;
}

/// <summary>The paging parameters every list accepts.</summary>
public abstract record PagedQuery
{
    /// <summary>Page size, 1 to 500; default 50.</summary>
    /// <example>50</example>
    [FromQuery(Name = "limit")]
    public int Limit { get; init; } = Paging.DefaultLimit;

    /// <summary>The <c>nextCursor</c> of the previous page; omit for the first page.</summary>
    [FromQuery(Name = "cursor")]
    public string? Cursor { get; init; }
}
