using Dapper;
using Npgsql;

namespace Api.Sources;

/// <summary>Loads the sources records rest on, for the resources that show them.</summary>
public static class SourceQueries
{
    public static async Task<ILookup<Guid, SourceResponse>> ForMeetingsAsync(NpgsqlConnection connection, Guid[] meetingIds, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT ms.meeting_id AS owner_id, s.id, s.title, s.publisher, s.url, s.language, s.published_on, s.reference, s.notes
            FROM meeting_sources ms
            JOIN sources s ON s.id = ms.source_id
            WHERE ms.meeting_id = ANY(@ids)
            ORDER BY s.published_on NULLS LAST, s.id
            """;
        return await QueryAsync(connection, sql, meetingIds, cancellationToken);
    }

    public static async Task<ILookup<Guid, SourceResponse>> ForAgreementsAsync(NpgsqlConnection connection, Guid[] agreementIds, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT ags.agreement_id AS owner_id, s.id, s.title, s.publisher, s.url, s.language, s.published_on, s.reference, s.notes
            FROM agreement_sources ags
            JOIN sources s ON s.id = ags.source_id
            WHERE ags.agreement_id = ANY(@ids)
            ORDER BY s.published_on NULLS LAST, s.id
            """;
        return await QueryAsync(connection, sql, agreementIds, cancellationToken);
    }

    private static async Task<ILookup<Guid, SourceResponse>> QueryAsync(NpgsqlConnection connection, string sql, Guid[] ids, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<SourceRow>(new CommandDefinition(sql, new { ids }, cancellationToken: cancellationToken));
        return rows.ToLookup(r => r.OwnerId, r => r.Source);
    }

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
