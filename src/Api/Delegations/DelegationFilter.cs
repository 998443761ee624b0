namespace Api.Delegations;

/// <summary>The SQL of <see cref="DelegationFilters"/>: every filter is a fixed fragment over <c>delegations d</c>, its values parameters.</summary>
public static class DelegationFilter
{
    /// <summary>What a page of the list reads: the sort needs the meeting's start date, so it joins the meetings to what the filters select.</summary>
    public const string SortedFrom = "delegations d JOIN meetings m ON m.id = d.meeting_id";

    /// <summary>What delegation lists can be sorted by; each sort field maps to a fixed SQL expression that is never null.</summary>
    public static readonly IReadOnlyDictionary<string, SortField> SortFields = new Dictionary<string, SortField>
    {
        ["startDate"] = new("startDate", "m.start_date", "date"),
        // A delegation of an organisation alone has no country: '' sorts it first, and keeps the key non-null for cursors.
        ["country"] = new("country", "coalesce(d.country_code, '')", "text"),
        ["role"] = new("role", "d.role", "text"),
    };

    /// <summary>By the start date of their meeting.</summary>
    public static readonly SortOrder DefaultOrder = SortOrder.Parse("startDate", SortFields);

    public static FilterSql Build(DelegationFilters f)
    {
        var filter = new FilterBuilder();

        if (f.Meeting is { } meeting)
            filter.Add("d.meeting_id = @meeting", "meeting", meeting);
        if (f.Country is { } country)
            filter.Add("d.country_code = @country", "country", country);
        if (f.Person is { } person)
        {
            // The person's delegations first (a few thousand at most), as for meetings: a semi-join walked the
            // meetings in date order checking every delegation (1.6 s at 1M meetings).
            filter.Add("d.id = ANY (ARRAY(SELECT dm.delegation_id FROM delegation_members dm WHERE dm.person_id = @person))", "person", person);
        }

        return filter.Build("delegations d");
    }
}
