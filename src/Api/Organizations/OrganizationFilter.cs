namespace Api.Organizations;

/// <summary>The SQL of <see cref="OrganizationFilters"/>: every filter is a fixed fragment over <c>organizations o</c>, its values parameters.</summary>
public static class OrganizationFilter
{
    /// <summary>What a search compares with: exactly the expression of the trigram index of migration 0009.</summary>
    private const string Names = "fold(coalesce(o.name_en, '') || ' ' || coalesce(o.name_ar, '') || ' ' || coalesce(o.abbreviation, ''))";

    /// <summary>What organisation lists can be sorted by; each sort field maps to a fixed SQL expression that is never null.</summary>
    public static readonly IReadOnlyDictionary<string, SortField> SortFields = new Dictionary<string, SortField>
    {
        ["name"] = new("name", "coalesce(o.name_en, o.name_ar)", "text"),
        // word_similarity is a real, and cursors compare it as one.
        [ListQuery.Relevance] = new(ListQuery.Relevance, $"word_similarity(fold(@q), {Names})", "real"),
    };

    /// <summary>By name; a search, best match first.</summary>
    public static SortOrder DefaultOrder(OrganizationFilters filters) => SortOrder.Parse(filters.Q is null ? "name" : "-relevance", SortFields);

    public static FilterSql Build(OrganizationFilters f)
    {
        var filter = new FilterBuilder();

        if (f.Q is { } q)
            filter.Add($"fold(@q) <% {Names}", "q", q.Trim());
        if (f.Country is { } country)
            filter.Add("o.country_code = @country", "country", country);
        if (f.Kind is { } kind)
            filter.Add("o.kind = @kind", "kind", kind);

        return filter.Build("organizations o");
    }
}
