using Dapper;

namespace Api.Data.Lists;

/// <summary>The SQL of a list's filters: the tables its rows come from and the conditions they meet, with their values as parameters.</summary>
public sealed record FilterSql(string From, string Where, DynamicParameters Parameters)
{
    /// <summary>
    /// The same condition, written so that a page does not go through a search index first (for a search's common
    /// word, whose matches are many): read in list order, it walks the order's index; null when <see cref="Where"/>
    /// is that already.
    /// </summary>
    public string? InListOrder { get; init; }

    /// <summary>
    /// When the list is led by a tiered sort field (a search's relevance), an ordering that an index reads nearest
    /// first and that agrees with the field's ranked value (the nearer, the higher it ranks): the ranked tier is then
    /// read in that order, up to a page and whatever ties with its last row, instead of ranking every row that meets
    /// the tier's condition. Null when there is none.
    /// </summary>
    public string? Nearest { get; init; }

    /// <summary>The condition every row meets.</summary>
    internal const string All = "true";

    /// <summary>No filter was given: every row of the table qualifies.</summary>
    public bool SelectsAll => Where == All;
}
