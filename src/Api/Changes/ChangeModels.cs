using System.Text.Json;

namespace Api.Changes;

/// <summary>One create, update or delete, as the change feed lists it.</summary>
public record ChangeSummary
{
    /// <summary>Position in the feed: changes are numbered in the order they were committed.</summary>
    /// <example>42</example>
    public required long Sequence { get; init; }

    /// <summary>meetings, agreements, persons, organizations, sources or topics. A change to a delegation is a change of its meeting.</summary>
    /// <example>meetings</example>
    public required string Resource { get; init; }

    /// <summary>Id of the record.</summary>
    /// <example>8993f035-d477-55a1-abb3-4b6776339b59</example>
    public required Guid Id { get; init; }

    /// <summary>created, updated or deleted (retired: gone from lists and reads, history kept).</summary>
    /// <example>updated</example>
    public required string Kind { get; init; }

    /// <summary>The record's version after the change (for a delete, one more than its last).</summary>
    /// <example>2</example>
    public required long Version { get; init; }

    /// <summary>Who made it: the name of the API key, or "seed import".</summary>
    /// <example>seed import</example>
    public required string Actor { get; init; }

    /// <summary>When it was made (UTC).</summary>
    public required DateTime ChangedAt { get; init; }
}

/// <summary>One change of a record with the record before and after it, each as the request body that would recreate it.</summary>
public sealed record ChangeResponse : ChangeSummary
{
    /// <summary>The record before the change; null for a create.</summary>
    public JsonElement? Before { get; init; }

    /// <summary>The record after the change; null for a delete.</summary>
    public JsonElement? After { get; init; }
}

/// <summary>A page of the change feed.</summary>
public sealed record ChangeFeedPage
{
    /// <summary>Changes in commit order.</summary>
    public required IReadOnlyList<ChangeSummary> Items { get; init; }

    /// <summary>Pass this as <c>after</c> next time, even when this page is empty: it is where this reader has got to.</summary>
    /// <example>eyJLZXkiOiI0MiIsIklkIjoiMDAwMDAwMDAtMDAwMC0wMDAwLTAwMDAtMDAwMDAwMDAwMDAwIn0</example>
    public required string Cursor { get; init; }

    /// <summary>True when more changes are waiting: ask again at once with <c>after=cursor</c>.</summary>
    public required bool HasMore { get; init; }
}

/// <summary>Query of the change feed.</summary>
public sealed record ChangeFeedQuery
{
    /// <summary>The <c>cursor</c> of the previous page; omit to start from the first change.</summary>
    [FromQuery(Name = "after")]
    public string? After { get; init; }

    /// <summary>Only changes of this resource: meetings, agreements, persons, organizations, sources or topics.</summary>
    /// <example>meetings</example>
    [FromQuery(Name = "resource")]
    public string? Resource { get; init; }

    /// <summary>Page size, 1 to 1000; default 100.</summary>
    /// <example>100</example>
    [FromQuery(Name = "limit")]
    public int Limit { get; init; } = 100;
}

/// <summary>Query of a record's history: oldest change first.</summary>
public sealed record HistoryQuery : PagedQuery
{
}

public static class ChangeValues
{
    public static string Cursor(long sequence) => new Cursor(sequence.ToString(System.Globalization.CultureInfo.InvariantCulture), Guid.Empty).Encode();

    public static long? SequenceOf(string? cursor) =>
        Data.Lists.Cursor.TryDecode(cursor, out var c) && long.TryParse(c!.Key, out var sequence) && sequence >= 0 ? sequence : null;
}
