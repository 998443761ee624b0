namespace Api.Sources;

public sealed class SourceRepository(Database database) : IRecordReader<SourceResponse>
{
    public Task<SourceResponse?> GetAsync(Guid id) => database.ReadAsync(db => GetAsync(db, id));

    public Task<SourceResponse?> GetAsync(DbSession db, Guid id)
    {
        const string sql = """
            SELECT id, title, publisher, url, language, published_on, reference, notes, version
            FROM sources
            WHERE id = @id
            """;
        return db.SingleOrDefaultAsync<SourceResponse>(sql, new { id });
    }

    /// <summary>The source <c>s</c> as JSON, in the shape of <see cref="SourceResponse"/>.</summary>
    private const string Json = """
        json_build_object('id', s.id, 'title', s.title, 'publisher', s.publisher, 'url', s.url, 'language', s.language,
                          'publishedOn', s.published_on, 'reference', s.reference, 'notes', s.notes)
        """;

    /// <summary>The sources meeting <c>m</c> rests on, oldest first, as a JSON array.</summary>
    public const string MeetingSourcesJson = $"""
        (SELECT coalesce(json_agg({Json} ORDER BY s.published_on NULLS LAST, s.id), '[]')
         FROM meeting_sources ms JOIN sources s ON s.id = ms.source_id
         WHERE ms.meeting_id = m.id)
        """;

    /// <summary>The sources agreement <c>a</c> rests on, oldest first, as a JSON array.</summary>
    public const string AgreementSourcesJson = $"""
        (SELECT coalesce(json_agg({Json} ORDER BY s.published_on NULLS LAST, s.id), '[]')
         FROM agreement_sources ags JOIN sources s ON s.id = ags.source_id
         WHERE ags.agreement_id = a.id)
        """;
}
