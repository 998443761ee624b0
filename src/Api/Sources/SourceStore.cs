namespace Api.Sources;

/// <summary>Writes of sources, in a caller's transaction.</summary>
public sealed class SourceStore : IRecordStore<SourceRequest>
{
    public Resource Resource { get; } = new("sources", "sources", "source", ["title", "publisher", "url", "language", "published_on", "reference", "notes"]);

    public Task WriteAsync(DbSession db, Guid id, SourceRequest s) =>
        db.ExecuteAsync(Resource.UpsertRowSql, new { id, s.Title, s.Publisher, s.Url, s.Language, s.PublishedOn, s.Reference, s.Notes });

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
