namespace Api.Persons;

public sealed class PersonRepository(Database database) : IRecordReader<PersonResponse>, IRecordList<PersonFilters, PersonListOptions, PersonListItem>
{
    /// <summary>
    /// The person <c>p</c> as JSON, in the shape of <see cref="Agreements.PersonRef"/>; other documents embed it as
    /// <c>(SELECT {RefJson} FROM persons p WHERE p.id = …)</c>.
    /// </summary>
    public const string RefJson = "json_build_object('id', p.id, 'nameEn', p.name_en, 'nameAr', p.name_ar)";

    public IReadOnlyDictionary<string, SortField> SortFields => PersonFilter.SortFields;

    public SortOrder DefaultOrder(PersonFilters filters) => PersonFilter.DefaultOrder(filters);

    public bool Searches(PersonFilters filters) => filters.Q is not null;

    /// <summary>A page of persons with their aliases in <paramref name="order"/>, after the cursor, with the count if asked.</summary>
    public async Task<Page<PersonListItem>> ListAsync(PersonFilters filters, PersonListOptions options, SortOrder order)
    {
        const string aliasesSql = """
            SELECT person_id, alias, language
            FROM person_aliases
            WHERE person_id = ANY(@ids)
            ORDER BY person_id, language, alias
            """;
        var filter = PersonFilter.Build(filters);
        await using var db = await database.OpenAsync();
        var page = await ListQuery.PageAsync<PersonListItem>(db, "p.id, p.name_en, p.name_ar", filter.From, filter, order, "p.id", options, p => p.Id);
        var aliases = (await db.QueryAsync<AliasRow>(aliasesSql, new { ids = page.Items.Select(p => p.Id).ToArray() })).ToLookup(a => a.PersonId);
        var total = await ListQuery.TotalAsync(db, options.Count, filter);
        return page with
        {
            Items = page.Items.Select(p => p with { Aliases = aliases[p.Id].Select(a => new PersonAlias { Alias = a.Alias, Language = a.Language }).ToList() }).ToList(),
            Total = total,
        };
    }

    private sealed record AliasRow
    {
        public Guid PersonId { get; init; }
        public string Alias { get; init; } = "";
        public string Language { get; init; } = "";
    }

    public Task<PersonResponse?> GetAsync(Guid id) => database.ReadAsync(db => GetAsync(db, id));

    public async Task<PersonResponse?> GetAsync(DbSession db, Guid id)
    {
        const string personSql = """
            SELECT id, name_en, name_ar, notes, version
            FROM persons
            WHERE id = @id
            """;
        const string aliasesSql = """
            SELECT alias, language
            FROM person_aliases
            WHERE person_id = @id
            ORDER BY language, alias
            """;
        const string meetingsSql = """
            SELECT m.id AS meeting_id, m.title_en AS meeting_title_en, m.title_ar AS meeting_title_ar, m.start_date, m.start_date_precision, m.status,
                   d.id AS delegation_id, d.role AS delegation_role, d.country_code AS delegation_country_code,
                   dm.is_head, dm.title_en, dm.title_ar
            FROM delegation_members dm
            JOIN delegations d ON d.id = dm.delegation_id
            JOIN meetings m ON m.id = d.meeting_id
            WHERE dm.person_id = @id
            ORDER BY m.start_date, m.id
            """;
        var person = await db.SingleOrDefaultAsync<PersonResponse>(personSql, new { id });
        return person is null
            ? null
            : person with { Aliases = await db.QueryAsync<PersonAlias>(aliasesSql, new { id }), Meetings = await db.QueryAsync<PersonMeeting>(meetingsSql, new { id }) };
    }
}
