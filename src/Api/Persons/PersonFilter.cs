namespace Api.Persons;

/// <summary>
/// The SQL of <see cref="PersonFilters"/> over <c>persons p</c>. A search joins <c>s</c>: the persons whose names
/// match, united with those one of whose aliases matches, each with the best score. Both sides go through the
/// trigram indexes of migration 0009, so their expressions must stay exactly the indexed ones.
/// </summary>
public static class PersonFilter
{
    /// <summary>What person lists can be sorted by; each sort field maps to a fixed SQL expression that is never null.</summary>
    public static readonly IReadOnlyDictionary<string, SortField> SortFields = new Dictionary<string, SortField>
    {
        ["name"] = new("name", "coalesce(p.name_en, p.name_ar)", "text"),
        // The best score among the names and aliases (see SearchFrom); a real, and compared as one by cursors.
        [ListQuery.Relevance] = new(ListQuery.Relevance, "s.score", "real"),
    };

    /// <summary>By name; a search, best match first.</summary>
    public static SortOrder DefaultOrder(PersonFilters filters) => SortOrder.Parse(filters.Q is null ? "name" : "-relevance", SortFields);

    private const string SearchFrom = """
        persons p
        JOIN (SELECT n.person_id, max(n.score) AS score
              FROM (SELECT x.id AS person_id, word_similarity(fold(@q), fold(coalesce(x.name_en, '') || ' ' || coalesce(x.name_ar, ''))) AS score
                    FROM persons x
                    WHERE fold(@q) <% fold(coalesce(x.name_en, '') || ' ' || coalesce(x.name_ar, ''))
                    UNION ALL
                    SELECT pa.person_id, word_similarity(fold(@q), fold(pa.alias))
                    FROM person_aliases pa
                    WHERE fold(@q) <% fold(pa.alias)) n
              GROUP BY n.person_id) s ON s.person_id = p.id
        """;

    public static FilterSql Build(PersonFilters f)
    {
        var filter = new FilterBuilder();
        if (f.Q is { } q)
            filter.Parameters.Add("q", q.Trim());
        if (f.Country is { } country)
        {
            // Sat in one of the country's delegations (person_countries): one key lookup per person in name order, or,
            // for a rare country, its persons first.
            filter.Add("EXISTS (SELECT 1 FROM person_countries pc WHERE pc.person_id = p.id AND pc.country_code = @country)", "country", country);
        }

        return filter.Build(f.Q is null ? "persons p" : SearchFrom);
    }
}
