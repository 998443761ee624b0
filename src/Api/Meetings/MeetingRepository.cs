using Api.Agreements;
using Api.Data;
using Api.Delegations;
using Api.Sources;
using Api.Topics;
using Dapper;
using Npgsql;

namespace Api.Meetings;

public sealed class MeetingRepository(NpgsqlDataSource dataSource)
{
    private const string SummaryColumns = """
        m.id, m.title_en, m.title_ar, m.start_date, m.start_date_precision, m.end_date, m.end_date_precision,
        m.status, m.format, m.city_en, m.city_ar, m.country_code, m.host_country_code, m.parent_meeting_id
        """;

    /// <summary>A page of meetings in <paramref name="order"/>, after the cursor, with what <c>include</c> asks for and the count if asked.</summary>
    public async Task<Page<MeetingListItem>> ListAsync(MeetingFilters filters, MeetingListOptions options, SortOrder order, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        filters = await MeetingFilter.ResolveSearchAsync(connection, filters, cancellationToken);
        var filter = MeetingFilter.Build(filters);
        var page = await Lists.PageAsync<MeetingListItem>(connection, SummaryColumns, filter.From, filter, order, "m.id", options, m => m.Id, cancellationToken);
        var items = await IncludeAsync(connection, page.Items, options.IncludeList(), cancellationToken);
        var total = await Lists.TotalAsync(connection, options.Count, MeetingFilter.Build(filters), cancellationToken);
        return page with { Items = items, Total = total };
    }

    private static async Task<IReadOnlyList<MeetingListItem>> IncludeAsync(NpgsqlConnection connection, IReadOnlyList<MeetingListItem> items,
        IReadOnlyList<string> include, CancellationToken cancellationToken)
    {
        const string topicsSql = """
            SELECT mt.meeting_id AS owner_id, t.id, t.code, t.label_en, t.label_ar
            FROM meeting_topics mt
            JOIN topics t ON t.id = mt.topic_id
            WHERE mt.meeting_id = ANY(@ids)
            ORDER BY t.code
            """;
        if (include.Count == 0 || items.Count == 0)
            return items;
        var ids = items.Select(m => m.Id).ToArray();
        var delegations = include.Contains("delegations") ? await DelegationRepository.LoadForMeetingsAsync(connection, ids, cancellationToken) : null;
        var agreements = include.Contains("agreements") ? await AgreementRepository.LoadForMeetingsAsync(connection, ids, cancellationToken) : null;
        var sources = include.Contains("sources") ? await SourceQueries.ForMeetingsAsync(connection, ids, cancellationToken) : null;
        var topics = include.Contains("topics")
            ? (await connection.QueryAsync<TopicRow>(new CommandDefinition(topicsSql, new { ids }, cancellationToken: cancellationToken)))
                .ToLookup(t => t.OwnerId, t => new TopicResponse { Id = t.Id, Code = t.Code, LabelEn = t.LabelEn, LabelAr = t.LabelAr })
            : null;
        return items.Select(m => m with
        {
            Delegations = delegations?[m.Id].ToList(),
            Agreements = agreements?[m.Id].Select(a => new MeetingAgreement { LinkKind = a.LinkKind, Agreement = a.Agreement }).ToList(),
            Sources = sources?[m.Id].ToList(),
            Topics = topics?[m.Id].ToList(),
        }).ToList();
    }

    private sealed record TopicRow
    {
        public Guid OwnerId { get; init; }
        public Guid Id { get; init; }
        public string Code { get; init; } = "";
        public string LabelEn { get; init; } = "";
        public string LabelAr { get; init; } = "";
    }

    public async Task<MeetingResponse?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        const string meetingSql = $"""
            SELECT {SummaryColumns}, m.summary_en, m.summary_ar, m.latitude, m.longitude, m.version
            FROM meetings m
            WHERE m.id = @id
            """;
        const string topicsSql = """
            SELECT t.id, t.code, t.label_en, t.label_ar
            FROM meeting_topics mt
            JOIN topics t ON t.id = mt.topic_id
            WHERE mt.meeting_id = @id
            ORDER BY t.code
            """;
        const string sideMeetingsSql = $"""
            SELECT {SummaryColumns}
            FROM meetings m
            WHERE m.parent_meeting_id = @id
            ORDER BY m.start_date, m.id
            """;
        const string parentSql = $"""
            SELECT {SummaryColumns}
            FROM meetings m
            WHERE m.id = @parentId
            """;

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var meeting = await connection.QuerySingleOrDefaultAsync<MeetingResponse>(new CommandDefinition(meetingSql, new { id }, cancellationToken: cancellationToken));
        if (meeting is null)
            return null;

        var topics = await connection.QueryAsync<TopicResponse>(new CommandDefinition(topicsSql, new { id }, cancellationToken: cancellationToken));
        var parent = meeting.ParentMeetingId is { } parentId
            ? await connection.QuerySingleOrDefaultAsync<MeetingSummary>(new CommandDefinition(parentSql, new { parentId }, cancellationToken: cancellationToken))
            : null;
        var sideMeetings = await connection.QueryAsync<MeetingSummary>(new CommandDefinition(sideMeetingsSql, new { id }, cancellationToken: cancellationToken));
        var delegations = await DelegationRepository.LoadForMeetingAsync(connection, id, cancellationToken);
        var agreements = (await AgreementRepository.LoadForMeetingsAsync(connection, [id], cancellationToken))[id];
        var sources = await SourceQueries.ForMeetingsAsync(connection, [id], cancellationToken);

        return meeting with
        {
            Topics = topics.AsList(),
            Parent = parent,
            SideMeetings = sideMeetings.AsList(),
            Delegations = delegations,
            Agreements = agreements.Select(a => new MeetingAgreement { LinkKind = a.LinkKind, Agreement = a.Agreement }).ToList(),
            Sources = sources[id].ToList(),
        };
    }

    /// <summary>The delegations of a meeting, or null when there is no such meeting (an empty list is a meeting without delegations).</summary>
    public async Task<IReadOnlyList<DelegationResponse>?> DelegationsAsync(Guid id, CancellationToken cancellationToken)
    {
        const string existsSql = """
            SELECT EXISTS (SELECT 1 FROM meetings WHERE id = @id)
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        if (!await connection.ExecuteScalarAsync<bool>(new CommandDefinition(existsSql, new { id }, cancellationToken: cancellationToken)))
            return null;
        return await DelegationRepository.LoadForMeetingAsync(connection, id, cancellationToken);
    }
}
