using Dapper;

namespace Api.Data.Lists;

/// <summary>The SQL of a list's filters: the tables its rows come from and the conditions they meet, with their values as parameters.</summary>
public sealed record FilterSql(string From, string Where, DynamicParameters Parameters)
{
    /// <summary>
    /// The same condition, written so that a page read in list order walks the order's index instead of going
    /// through a search index first (a search's common word); null when <see cref="Where"/> is that already.
    /// </summary>
    public string? InListOrder { get; init; }

    /// <summary>The condition every row meets.</summary>
    internal const string All = "true";

    /// <summary>No filter was given: every row of the table qualifies.</summary>
    public bool SelectsAll => Where == All;
}
