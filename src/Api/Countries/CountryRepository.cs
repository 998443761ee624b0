namespace Api.Countries;

public sealed class CountryRepository(Database database)
{
    public async Task<Page<CountryResponse>> ListAsync(CountryListQuery query)
    {
        const string sql = """
            SELECT code, alpha2, name_en, name_ar
            FROM countries
            WHERE @after::text IS NULL OR code > @after
            ORDER BY code
            LIMIT @take
            """;
        await using var db = await database.OpenAsync();
        // The code is the whole sort key; countries have no uuid to break ties with.
        return await ListQuery.ByCodeAsync<CountryResponse>(db, sql, query, c => new Cursor(c.Code, Guid.Empty));
    }

    public async Task<CountryResponse?> GetAsync(string code)
    {
        const string sql = """
            SELECT code, alpha2, name_en, name_ar
            FROM countries
            WHERE code = @code
            """;
        await using var db = await database.OpenAsync();
        return await db.SingleOrDefaultAsync<CountryResponse>(sql, new { code });
    }
}
