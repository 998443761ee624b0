using Api.Data;
using Dapper;
using Npgsql;

namespace Api.Topics;

public sealed class TopicRepository(NpgsqlDataSource dataSource)
{
    public async Task<Page<TopicResponse>> ListAsync(TopicListQuery query, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT id, code, label_en, label_ar
            FROM topics
            WHERE @after::text IS NULL OR code > @after
            ORDER BY code
            LIMIT @take
            """;
        Cursor.TryDecode(query.Cursor, out var cursor);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = (await connection.QueryAsync<TopicResponse>(new CommandDefinition(
            sql, new { after = cursor?.Key, take = query.Limit + 1 }, cancellationToken: cancellationToken))).AsList();
        return Page<TopicResponse>.From(rows, query.Limit, t => new Cursor(t.Code, t.Id));
    }

    public async Task<TopicResponse?> GetAsync(string code, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT id, code, label_en, label_ar, version
            FROM topics
            WHERE code = @code
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<TopicResponse>(new CommandDefinition(sql, new { code }, cancellationToken: cancellationToken));
    }

    /// <summary>The id of the topic with this code, or null.</summary>
    public async Task<Guid?> IdOfAsync(string code, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT id FROM topics WHERE code = @code
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<Guid?>(new CommandDefinition(sql, new { code }, cancellationToken: cancellationToken));
    }

    public async Task<TopicResponse?> GetByIdAsync(Guid id, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT id, code, label_en, label_ar, version
            FROM topics
            WHERE id = @id
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<TopicResponse>(new CommandDefinition(sql, new { id }, cancellationToken: cancellationToken));
    }
}
