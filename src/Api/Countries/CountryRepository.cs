using Api.Data;
using Dapper;
using Npgsql;

namespace Api.Countries;

public sealed class CountryRepository(NpgsqlDataSource dataSource)
{
    public async Task<Page<CountryResponse>> ListAsync(CountryListQuery query, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT code, alpha2, name_en, name_ar
            FROM countries
            WHERE @after::text IS NULL OR code > @after
            ORDER BY code
            LIMIT @take
            """;
        Cursor.TryDecode(query.Cursor, out var cursor);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = (await connection.QueryAsync<CountryResponse>(new CommandDefinition(
            sql, new { after = cursor?.Key, take = query.Limit + 1 }, cancellationToken: cancellationToken))).AsList();
        // The code is the whole sort key; countries have no uuid to break ties with.
        return Page<CountryResponse>.From(rows, query.Limit, c => new Cursor(c.Code, Guid.Empty));
    }

    public async Task<CountryResponse?> GetAsync(string code, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT code, alpha2, name_en, name_ar
            FROM countries
            WHERE code = @code
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<CountryResponse>(
            new CommandDefinition(sql, new { code }, cancellationToken: cancellationToken));
    }
}
