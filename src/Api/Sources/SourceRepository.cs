using Dapper;
using Npgsql;

namespace Api.Sources;

public sealed class SourceRepository(NpgsqlDataSource dataSource)
{
    public async Task<SourceResponse?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT id, title, publisher, url, language, published_on, reference, notes, version
            FROM sources
            WHERE id = @id
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<SourceResponse>(new CommandDefinition(sql, new { id }, cancellationToken: cancellationToken));
    }
}
