using Api.Search;

namespace Api.Agreements;

/// <summary>
/// The SQL of <see cref="AgreementFilters"/>: every filter is a fixed fragment over <c>agreements a</c> (and
/// <c>agreement_search s</c> when searching), its values parameters.
/// </summary>
public static class AgreementFilter
{
    /// <summary>What agreement lists can be sorted by; each sort field maps to a fixed SQL expression that is never null.</summary>
    public static readonly IReadOnlyDictionary<string, SortField> SortFields = new Dictionary<string, SortField>
    {
        // Undated agreements sort after every date; the expression is never null, so a cursor can carry it (as 'infinity').
        ["date"] = new("date", "coalesce(a.date, 'infinity'::date)", "date"),
        ["title"] = new("title", "coalesce(a.title_en, a.title_ar)", "text"),
        ["kind"] = new("kind", "a.kind", "text"),
        ["status"] = new("status", "a.status", "text"),
        [ListQuery.Relevance] = TextSearch.Relevance,
    };

    /// <summary>By date, undated last; a search, best match first.</summary>
    public static SortOrder DefaultOrder(AgreementFilters filters) => SortOrder.Parse(filters.Q is null ? "date" : "-relevance", SortFields);

    /// <summary>The filter of <paramref name="f"/>, once it is decided how its q matches (<see cref="TextSearch.MatchAsync"/>).</summary>
    public static async Task<FilterSql> BuildAsync(DbSession db, AgreementFilters f) =>
        Build(f, f.Q is { } q ? await TextSearch.MatchAsync(db, SearchTable.Agreements, q) : null);

    private static FilterSql Build(AgreementFilters f, SearchMatch? match)
    {
        var filter = new FilterBuilder();

        if (f.Party is { } party)
            filter.Add("a.id IN (SELECT ap.agreement_id FROM agreement_parties ap WHERE ap.country_code = @party)", "party", party);
        var parties = f.PartyList();
        for (var i = 0; i < parties.Count; i++)
        {
            // Every listed country is among the parties: one key lookup per country and agreement, so that a scan in
            // list order stops when the page is full (grouping every party row of the countries took 0.3 s at 250,000
            // agreements).
            filter.Add($"""
                EXISTS (SELECT 1 FROM agreement_parties ap WHERE ap.agreement_id = a.id AND ap.country_code = @parties{i})
                """, $"parties{i}", parties[i]);
        }
        if (f.Kind is { } kind)
            filter.Add("a.kind = @kind", "kind", kind);
        if (f.Status is { } status)
            filter.Add("a.status = @status", "status", status);
        // An agreement's date is a period as long as its precision, [date, period_end]; undated ones meet neither bound.
        // Both bounds are also put on the date sort key, so its index reads just the range: no period is longer than a
        // year (366 days), so period_end >= from implies date >= from - 366; 'infinity' (undated) is never <= to.
        if (f.From is { } from)
            filter.Add("a.period_end >= @from AND coalesce(a.date, 'infinity'::date) >= @from - 366", "from", from);
        if (f.To is { } to)
            filter.Add("coalesce(a.date, 'infinity'::date) <= @to", "to", to);
        if (f.Meeting is { } meeting)
            filter.Add("a.id IN (SELECT am.agreement_id FROM agreement_meetings am WHERE am.meeting_id = @meeting)", "meeting", meeting);
        if (f.Q is { } q)
            TextSearch.AddTo(filter, q, match!);

        return filter.Build(f.Q is null ? "agreements a" : "agreements a JOIN agreement_search s ON s.agreement_id = a.id");
    }
}
