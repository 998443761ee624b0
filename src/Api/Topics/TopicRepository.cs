namespace Api.Topics;

public sealed class TopicRepository(Database database) : IRecordReader<TopicResponse>
{
    public async Task<Page<TopicResponse>> ListAsync(TopicListQuery query)
    {
        const string sql = """
            SELECT id, code, label_en, label_ar
            FROM topics
            WHERE @after::text IS NULL OR code > @after
            ORDER BY code
            LIMIT @take
            """;
        await using var db = await database.OpenAsync();
        return await ListQuery.ByCodeAsync<TopicResponse>(db, sql, query, t => new Cursor(t.Code, t.Id));
    }

    /// <summary>The topic with this code, or null.</summary>
    public async Task<TopicResponse?> GetAsync(string code)
    {
        const string sql = """
            SELECT id, code, label_en, label_ar, version FROM topics WHERE code = @code
            """;
        await using var db = await database.OpenAsync();
        return await db.SingleOrDefaultAsync<TopicResponse>(sql, new { code });
    }

    /// <summary>The id of the topic with this code, or null.</summary>
    public async Task<Guid?> IdOfAsync(string code)
    {
        const string sql = """
            SELECT id FROM topics WHERE code = @code
            """;
        await using var db = await database.OpenAsync();
        return await db.ScalarAsync<Guid?>(sql, new { code });
    }

    /// <summary>The topic with this id, or null.</summary>
    public Task<TopicResponse?> GetAsync(Guid id) => database.ReadAsync(db => GetAsync(db, id));

    public Task<TopicResponse?> GetAsync(DbSession db, Guid id)
    {
        const string sql = """
            SELECT id, code, label_en, label_ar, version FROM topics WHERE id = @id
            """;
        return db.SingleOrDefaultAsync<TopicResponse>(sql, new { id });
    }

    /// <summary>The topics of meeting <c>m</c>, by code, as a JSON array of <see cref="TopicResponse"/>.</summary>
    public const string MeetingTopicsJson = """
        (SELECT coalesce(json_agg(json_build_object('id', t.id, 'code', t.code, 'labelEn', t.label_en, 'labelAr', t.label_ar) ORDER BY t.code), '[]')
         FROM meeting_topics mt JOIN topics t ON t.id = mt.topic_id
         WHERE mt.meeting_id = m.id)
        """;
}
