namespace Api.Sources;

/// <summary>Writes of sources, in a caller's transaction.</summary>
public sealed class SourceStore : IRecordStore<SourceRequest>
{
    public Resource Resource { get; } = new("sources", "sources", "source");

    public async Task<SourceRequest> LoadAsync(DbSession db, Guid id)
    {
        const string sql = """
            SELECT title, publisher, url, language, published_on, reference, notes FROM sources WHERE id = @id
            """;
        return (await db.SingleOrDefaultAsync<SourceRequest>(sql, new { id }))!;
    }

    public Task WriteAsync(DbSession db, Guid id, SourceRequest s)
    {
        const string sql = """
            INSERT INTO sources AS x (id, title, publisher, url, language, published_on, reference, notes)
            VALUES (@id, @Title, @Publisher, @Url, @Language, @PublishedOn, @Reference, @Notes)
            ON CONFLICT (id) DO UPDATE SET title = EXCLUDED.title, publisher = EXCLUDED.publisher, url = EXCLUDED.url,
                language = EXCLUDED.language, published_on = EXCLUDED.published_on, reference = EXCLUDED.reference, notes = EXCLUDED.notes
            """;
        return db.ExecuteAsync(sql, new { id, s.Title, s.Publisher, s.Url, s.Language, s.PublishedOn, s.Reference, s.Notes });
    }

    public async Task<IReadOnlyList<string>> ReferrersAsync(DbSession db, Guid id)
    {
        const string sql = """
            SELECT 'meeting ' || meeting_id FROM meeting_sources WHERE source_id = @id
            UNION ALL
            SELECT 'agreement ' || agreement_id FROM agreement_sources WHERE source_id = @id
            """;
        return await db.QueryAsync<string>(sql, new { id });
    }
}
