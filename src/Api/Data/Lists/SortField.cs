namespace Api.Data.Lists;

/// <summary>
/// A field a list can be sorted by: its name in <c>sort=</c>, its SQL (never null) and SQL type, and, for a field whose
/// value is one constant for most rows (a search's relevance), the <see cref="SortTiers"/> that its SQL is made of.
/// </summary>
public sealed record SortField(string Name, string Sql, string SqlType)
{
    public SortTiers? Tiers { get; init; }

    /// <summary>
    /// Whether an index reads the list's rows in this field's order (both ways), so that a page led by it can stop at the
    /// page's end: its filter is then written for list order (<see cref="FilterSql.InListOrder"/>).
    /// </summary>
    public bool Indexed { get; init; }
}

/// <summary>
/// A sort field whose SQL is <c>CASE WHEN Condition THEN Ranked ELSE Constant END</c>: when it leads the order, a page
/// reads the rows that meet <see cref="Condition"/> and the rest apart (<see cref="ListQuery.PageAsync{T}"/>). The rest
/// all share one value, so they come in the order of the following keys, which an index can give without reading
/// every row that matches.
/// </summary>
/// <param name="Constant">The value of the other rows, as SQL of the field's type.</param>
/// <param name="ConstantValue">The same value, to compare a cursor's with.</param>
public sealed record SortTiers(string Condition, string Ranked, string Constant, double ConstantValue)
{
    /// <summary>The field's SQL: the ranked value for the rows that meet the condition, the constant for the others.</summary>
    public string Sql => $"(CASE WHEN {Condition} THEN {Ranked} ELSE {Constant} END)";
}
