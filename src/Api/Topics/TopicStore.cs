using Api.Search;

namespace Api.Topics;

/// <summary>Writes of topics, in a caller's transaction.</summary>
public sealed class TopicStore : IRecordStore<TopicRequest>
{
    public Resource Resource { get; } = new("topics", "topics", "topic");

    public async Task<TopicRequest> LoadAsync(DbSession db, Guid id)
    {
        const string sql = """
            SELECT code, label_en, label_ar FROM topics WHERE id = @id
            """;
        return (await db.SingleOrDefaultAsync<TopicRequest>(sql, new { id }))!;
    }

    public async Task WriteAsync(DbSession db, Guid id, TopicRequest t)
    {
        const string sql = """
            INSERT INTO topics AS x (id, code, label_en, label_ar)
            VALUES (@id, @Code, @LabelEn, @LabelAr)
            ON CONFLICT (id) DO UPDATE SET code = EXCLUDED.code, label_en = EXCLUDED.label_en, label_ar = EXCLUDED.label_ar
            """;
        await db.ExecuteAsync(sql, new { id, t.Code, t.LabelEn, t.LabelAr });
        await SearchDocuments.ForTopicAsync(db, id);
    }

    public async Task<IReadOnlyList<string>> ReferrersAsync(DbSession db, Guid id)
    {
        const string sql = """
            SELECT 'meeting ' || meeting_id FROM meeting_topics WHERE topic_id = @id ORDER BY meeting_id
            """;
        return await db.QueryAsync<string>(sql, new { id });
    }
}
