using Api.Data;

namespace Api.Organizations;

/// <summary>What organisation lists can be sorted by; each sort field maps to a fixed SQL expression that is never null.</summary>
public static class OrganizationSorts
{
    /// <summary>What a search compares with: exactly the expression of the trigram index of migration 0009.</summary>
    private const string Names = "fold(coalesce(o.name_en, '') || ' ' || coalesce(o.name_ar, '') || ' ' || coalesce(o.abbreviation, ''))";

    public static readonly IReadOnlyDictionary<string, SortField> Fields = new Dictionary<string, SortField>
    {
        ["name"] = new("name", "coalesce(o.name_en, o.name_ar)", "text"),
        // word_similarity is a real, and cursors compare it as one.
        [Lists.Relevance] = new(Lists.Relevance, $"word_similarity(fold(@q), {Names})", "real"),
    };

    public static SortOrder Default(OrganizationFilters filters) =>
        SortOrder.TryParse(filters.Q is null ? "name" : "-relevance", Fields, out var order) ? order! : throw new InvalidOperationException();

    /// <summary>The condition of a search.</summary>
    public const string Matches = $"fold(@q) <% {Names}";
}

/// <summary>The SQL of <see cref="OrganizationFilters"/>: every filter is a fixed fragment over <c>organizations o</c>, its values parameters.</summary>
public static class OrganizationFilter
{
    public static FilterSql Build(OrganizationFilters f)
    {
        var filter = new FilterBuilder();

        if (f.Q is { } q)
            filter.Add(OrganizationSorts.Matches, "q", q.Trim());
        if (f.Country is { } country)
            filter.Add("o.country_code = @country", "country", country);
        if (f.Kind is { } kind)
            filter.Add("o.kind = @kind", "kind", kind);

        return filter.Build("organizations o");
    }
}
