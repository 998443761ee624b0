using Api.Search;

namespace Api.Persons;

/// <summary>Writes of persons with their aliases, in a caller's transaction.</summary>
public sealed class PersonStore : IRecordStore<PersonRequest>
{
    public Resource Resource { get; } = new("persons", "persons", "person", ["name_en", "name_ar", "notes"]);

    public async Task<PersonRequest> LoadAsync(DbSession db, Guid id)
    {
        const string aliasesSql = """
            SELECT alias, language FROM person_aliases WHERE person_id = @id
            """;
        var person = await Resource.LoadRowAsync<PersonRequest>(db, id);
        return person with { Aliases = await db.QueryAsync<PersonAliasRequest>(aliasesSql, new { id }) };
    }

    public async Task WriteAsync(DbSession db, Guid id, PersonRequest p)
    {
        const string removeAliases = """
            DELETE FROM person_aliases WHERE person_id = @id AND NOT (alias = ANY(@aliases))
            """;
        const string upsertAlias = """
            INSERT INTO person_aliases AS x (person_id, alias, language) VALUES (@id, @Alias, @Language)
            ON CONFLICT (person_id, alias) DO UPDATE SET language = EXCLUDED.language
            WHERE x.language IS DISTINCT FROM EXCLUDED.language
            """;
        await db.ExecuteAsync(Resource.UpsertRowSql, new { id, p.NameEn, p.NameAr, p.Notes });
        await db.ExecuteAsync(removeAliases, new { id, aliases = p.Aliases.Select(a => a.Alias!).ToArray() });
        foreach (var a in p.Aliases)
            await db.ExecuteAsync(upsertAlias, new { id, a.Alias, a.Language });
        await SearchDocuments.ForPersonAsync(db, id);
    }

    public PersonRequest Canonical(PersonRequest doc) =>
        doc with { Aliases = doc.Aliases.OrderBy(a => a.Alias, StringComparer.Ordinal).ThenBy(a => a.Language, StringComparer.Ordinal).ToList() };

    public async Task<IReadOnlyList<string>> ReferrersAsync(DbSession db, Guid id)
    {
        const string sql = """
            SELECT 'meeting ' || d.meeting_id FROM delegation_members dm JOIN delegations d ON d.id = dm.delegation_id WHERE dm.person_id = @id
            UNION
            SELECT 'agreement ' || agreement_id FROM agreement_parties WHERE person_id = @id
            """;
        return await db.QueryAsync<string>(sql, new { id });
    }
}
