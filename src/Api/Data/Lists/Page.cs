namespace Api.Data.Lists;

/// <summary>What every page says besides its items.</summary>
public interface IPage
{
    string? NextCursor { get; }

    long? Total { get; }
}

/// <summary>One page of a list.</summary>
/// <typeparam name="T">The item type.</typeparam>
public sealed record Page<T> : IPage
{
    /// <summary>The items of this page, in list order.</summary>
    public required IReadOnlyList<T> Items { get; init; }

    /// <summary>Pass this as <c>cursor</c> to get the next page; null on the last page.</summary>
    /// <example>null</example>
    public string? NextCursor { get; init; }

    /// <summary>How many records match, when <c>count=exact</c> (a count) or <c>count=estimated</c> (the query planner's estimate) was asked; absent otherwise.</summary>
    /// <example>null</example>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public long? Total { get; init; }

    /// <summary>
    /// Cuts a result fetched with <c>limit + 1</c> rows down to the page and makes the next cursor
    /// from its last row when there was one more.
    /// </summary>
    public static Page<T> From(IReadOnlyList<T> rows, int limit, Func<T, Cursor> cursorOf)
    {
        if (rows.Count <= limit)
            return new Page<T> { Items = rows };
        var items = rows.Take(limit).ToList();
        return new Page<T> { Items = items, NextCursor = cursorOf(items[^1]).Encode() };
    }
}
