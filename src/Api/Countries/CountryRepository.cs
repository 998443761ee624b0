using Api.Data;
using Api.Data.Lists;

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
        Cursor.TryDecode(query.Cursor, out var cursor);
        await using var db = await database.ReadAsync();
        var rows = await db.QueryAsync<CountryResponse>(sql, new { after = cursor?.Key, take = query.Limit + 1 });
        // The code is the whole sort key; countries have no uuid to break ties with.
        return Page<CountryResponse>.From(rows, query.Limit, c => new Cursor(c.Code, Guid.Empty));
    }

    public async Task<CountryResponse?> GetAsync(string code)
    {
        const string sql = """
            SELECT code, alpha2, name_en, name_ar
            FROM countries
            WHERE code = @code
            """;
        await using var db = await database.ReadAsync();
        return await db.SingleOrDefaultAsync<CountryResponse>(sql, new { code });
    }
}
