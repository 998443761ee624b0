using Api.Data;

namespace Api.Sources;

public sealed class SourceRepository(Database database)
{
    public async Task<SourceResponse?> GetAsync(Guid id)
    {
        const string sql = """
            SELECT id, title, publisher, url, language, published_on, reference, notes, version
            FROM sources
            WHERE id = @id
            """;
        await using var db = await database.OpenAsync();
        return await db.SingleOrDefaultAsync<SourceResponse>(sql, new { id });
    }

    /// <summary>The sources each of some meetings rests on, oldest first.</summary>
    public static Task<ILookup<Guid, SourceResponse>> LoadForMeetingsAsync(DbSession db, Guid[] meetingIds) =>
        LoadForAsync(db, MeetingSourcesSql, meetingIds);

    /// <summary>The sources each of some agreements rests on, oldest first.</summary>
    public static Task<ILookup<Guid, SourceResponse>> LoadForAgreementsAsync(DbSession db, Guid[] agreementIds) =>
        LoadForAsync(db, AgreementSourcesSql, agreementIds);

    private const string MeetingSourcesSql = """
        SELECT ms.meeting_id AS owner_id, s.id, s.title, s.publisher, s.url, s.language, s.published_on, s.reference, s.notes
        FROM meeting_sources ms
        JOIN sources s ON s.id = ms.source_id
        WHERE ms.meeting_id = ANY(@ids)
        ORDER BY s.published_on NULLS LAST, s.id
        """;

    private const string AgreementSourcesSql = """
        SELECT ags.agreement_id AS owner_id, s.id, s.title, s.publisher, s.url, s.language, s.published_on, s.reference, s.notes
        FROM agreement_sources ags
        JOIN sources s ON s.id = ags.source_id
        WHERE ags.agreement_id = ANY(@ids)
        ORDER BY s.published_on NULLS LAST, s.id
        """;

    private static async Task<ILookup<Guid, SourceResponse>> LoadForAsync(DbSession db, string sql, Guid[] ids) =>
        (await db.QueryAsync<SourceRow>(sql, new { ids })).ToLookup(r => r.OwnerId, r => r.Source);

    private sealed record SourceRow
    {
        public Guid OwnerId { get; init; }
        public Guid Id { get; init; }
        public string? Title { get; init; }
        public string? Publisher { get; init; }
        public string? Url { get; init; }
        public string? Language { get; init; }
        public DateOnly? PublishedOn { get; init; }
        public string? Reference { get; init; }
        public string? Notes { get; init; }

        public SourceResponse Source => new()
        {
            Id = Id, Title = Title, Publisher = Publisher, Url = Url, Language = Language,
            PublishedOn = PublishedOn, Reference = Reference, Notes = Notes,
        };
    }
}
