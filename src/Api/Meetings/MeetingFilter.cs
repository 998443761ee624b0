using Api.Search;

namespace Api.Meetings;

/// <summary>
/// The SQL of <see cref="MeetingFilters"/>: every filter is a fixed fragment over <c>meetings m</c> (and
/// <c>meeting_search s</c> when searching), its values parameters. Lists, exports, counts and statistics share it.
/// </summary>
public static class MeetingFilter
{
    /// <summary>What meeting lists can be sorted by; each sort field maps to a fixed SQL expression that is never null.</summary>
    public static readonly IReadOnlyDictionary<string, SortField> SortFields = new Dictionary<string, SortField>
    {
        // (start_date, id): ix_meetings_start_date_id_period_end.
        ["startDate"] = new("startDate", "m.start_date", "date") { Indexed = true },
        ["endDate"] = new("endDate", "m.period_end", "date"),
        ["title"] = new("title", "coalesce(m.title_en, m.title_ar)", "text"),
        ["status"] = new("status", "m.status", "text"),
        ["format"] = new("format", "m.format", "text"),
        ["country"] = new("country", "coalesce(m.country_code, '')", "text"),
        [ListQuery.Relevance] = TextSearch.Relevance,
    };

    /// <summary>By start date; a search, best match first, then newest.</summary>
    public static SortOrder DefaultOrder(MeetingFilters filters) => SortOrder.Parse(filters.Q is null ? "startDate" : "-relevance,-startDate", SortFields);

    /// <summary>The filter of <paramref name="f"/>, once it is decided how its q matches (<see cref="TextSearch.MatchAsync"/>).</summary>
    public static async Task<FilterSql> BuildAsync(DbSession db, MeetingFilters f) =>
        Build(f, f.Q is { } q ? await TextSearch.MatchAsync(db, SearchTable.Meetings, q) : null);

    private static FilterSql Build(MeetingFilters f, SearchMatch? match)
    {
        var filter = new FilterBuilder();

        if (f.From is { } from)
        {
            // The second bound changes no result (no meeting lasts longer than the longest one); it lets the
            // (start_date, id) index start its scan near `from` instead of at the first meeting ever.
            filter.Add("""
                m.period_end >= @from
                AND m.start_date >= @from - (SELECT coalesce(max(x.period_end - x.start_date), 0) FROM meetings x)
                """, "from", from);
        }
        if (f.To is { } to)
            filter.Add("m.start_date <= @to", "to", to);
        if (f.Country is { } country)
        {
            // Held there or taken part in (meeting_countries): a semi-join, so that the planner either walks the list
            // order probing each meeting's key (a common country) or starts from the country's meetings (a rare one).
            filter.Add("""
                EXISTS (SELECT 1 FROM meeting_countries c WHERE c.meeting_id = m.id AND c.country_code = @country)
                """, "country", country);
        }
        var codes = f.CountryList();
        for (var i = 0; i < codes.Count; i++)
        {
            // Every listed country took part, with a delegation or as the host (meeting_parties): one key lookup
            // per country and meeting, so the scan in list order stops as soon as the page is full.
            filter.Add($"""
                EXISTS (SELECT 1 FROM meeting_parties p WHERE p.meeting_id = m.id AND p.country_code = @country{i})
                """, $"country{i}", codes[i]);
        }
        if (f.Host is { } host)
            filter.Add("m.host_country_code = @host", "host", host);
        if (f.City is { } city)
            filter.Add("(fold(m.city_en) = fold(@city) OR fold(m.city_ar) = fold(@city))", "city", city.Trim());
        if (f.Person is { } person)
        {
            // The person's meetings are gathered first (through the person's index), then looked up and sorted:
            // a few thousand at most, whatever the order asked. Left as a semi-join, the planner walks the sort
            // order checking each meeting's delegations, and a person seen mostly in recent years costs a walk
            // through decades (0.5 s at 1M meetings against 0.1 s).
            filter.Add("""
                m.id = ANY (ARRAY(SELECT d.meeting_id FROM delegation_members dm JOIN delegations d ON d.id = dm.delegation_id WHERE dm.person_id = @person))
                """, "person", person);
        }
        if (f.Organization is { } organization)
            filter.Add("""
                EXISTS (SELECT 1 FROM delegations d
                        WHERE d.meeting_id = m.id
                          AND (d.organization_id = @organization
                               OR EXISTS (SELECT 1 FROM delegation_members dm WHERE dm.delegation_id = d.id AND dm.organization_id = @organization)))
                """, "organization", organization);
        if (f.Topic is { } topic)
            filter.Add("m.id IN (SELECT mt.meeting_id FROM meeting_topics mt JOIN topics t ON t.id = mt.topic_id WHERE t.code = @topic)", "topic", topic);
        if (f.Status is { } status)
            filter.Add("m.status = @status", "status", status);
        if (f.MeetingFormat() is { } format)
            filter.Add("m.format = @format", "format", format);
        if (f.Parent is { } parent)
            filter.Add("m.parent_meeting_id = @parent", "parent", parent);
        if (f.Agreement is { } agreement)
            filter.Add("m.id IN (SELECT am.meeting_id FROM agreement_meetings am WHERE am.agreement_id = @agreement)", "agreement", agreement);
        if (f.Q is { } q)
            TextSearch.AddTo(filter, q, match!);

        return filter.Build(f.Q is null ? "meetings m" : "meetings m JOIN meeting_search s ON s.meeting_id = m.id");
    }
}
