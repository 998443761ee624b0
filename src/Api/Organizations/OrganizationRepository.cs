namespace Api.Organizations;

public sealed class OrganizationRepository(Database database) : IRecordReader<OrganizationResponse>, IRecordList<OrganizationFilters, OrganizationListOptions, OrganizationListItem>
{
    /// <summary>
    /// The organisation <c>o</c> as JSON, in the shape of <see cref="OrganizationRef"/>; other documents embed it as
    /// <c>(SELECT {RefJson} FROM organizations o WHERE o.id = …)</c>, which is null when there is none.
    /// </summary>
    public const string RefJson =
        "json_build_object('id', o.id, 'nameEn', o.name_en, 'nameAr', o.name_ar, 'abbreviation', o.abbreviation, 'countryCode', o.country_code)";

    public IReadOnlyDictionary<string, SortField> SortFields => OrganizationFilter.SortFields;

    public SortOrder DefaultOrder(OrganizationFilters filters) => OrganizationFilter.DefaultOrder(filters);

    public bool Searches(OrganizationFilters filters) => filters.Q is not null;

    /// <summary>A page of organisations in <paramref name="order"/>, after the cursor, with the count if asked.</summary>
    public async Task<Page<OrganizationListItem>> ListAsync(OrganizationFilters filters, OrganizationListOptions options, SortOrder order)
    {
        const string columns = "o.id, o.name_en, o.name_ar, o.abbreviation, o.kind, o.country_code, o.parent_id";
        var filter = OrganizationFilter.Build(filters);
        await using var db = await database.OpenAsync();
        var page = await ListQuery.PageAsync<OrganizationListItem>(db, columns, filter.From, filter, order, "o.id", options, o => o.Id);
        return page with { Total = await ListQuery.TotalAsync(db, options.Count, filter) };
    }

    public Task<OrganizationResponse?> GetAsync(Guid id) => database.ReadAsync(db => GetAsync(db, id));

    public async Task<OrganizationResponse?> GetAsync(DbSession db, Guid id)
    {
        const string sql = $"""
            SELECT x.id, x.name_en, x.name_ar, x.abbreviation, x.kind, x.country_code, x.parent_id, x.version, {OrganizationColumns.Select}
            FROM organizations x
            LEFT JOIN organizations o ON o.id = x.parent_id
            WHERE x.id = @id
            """;
        const string childrenSql = """
            SELECT id, name_en, name_ar, abbreviation, country_code
            FROM organizations
            WHERE parent_id = @id
            ORDER BY name_en, id
            """;
        var row = await db.SingleOrDefaultAsync<OrganizationRow>(sql, new { id });
        if (row is null)
            return null;
        var children = await db.QueryAsync<OrganizationRef>(childrenSql, new { id });
        return new OrganizationResponse
        {
            Id = row.Id,
            NameEn = row.NameEn,
            NameAr = row.NameAr,
            Abbreviation = row.Abbreviation,
            Kind = row.Kind,
            CountryCode = row.CountryCode,
            Parent = row.ToOrganizationRef(),
            Children = children,
            Version = row.Version,
        };
    }

    private sealed record OrganizationRow : OrganizationColumns
    {
        public Guid Id { get; init; }
        public string? NameEn { get; init; }
        public string? NameAr { get; init; }
        public string? Abbreviation { get; init; }
        public string Kind { get; init; } = "";
        public string? CountryCode { get; init; }
        public long Version { get; init; }
    }
}
