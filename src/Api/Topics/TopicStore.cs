using Api.Search;

namespace Api.Topics;

/// <summary>Writes of topics, in a caller's transaction.</summary>
public sealed class TopicStore : IRecordStore<TopicRequest>
{
    public Resource Resource { get; } = new("topics", "topics", "topic", ["code", "label_en", "label_ar"]);

    public async Task WriteAsync(DbSession db, Guid id, TopicRequest t)
    {
        await db.ExecuteAsync(Resource.UpsertRowSql, new { id, t.Code, t.LabelEn, t.LabelAr });
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
