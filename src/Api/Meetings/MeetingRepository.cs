using Api.Agreements;
using Api.Delegations;
using Api.Infrastructure;
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

    public async Task<Page<MeetingSummary>> ListAsync(MeetingListQuery query, CancellationToken cancellationToken)
    {
        var where = new List<string>();
        var parameters = new DynamicParameters();
        if (query.From is { } from)
        {
            where.Add("m.period_end >= @from");
            parameters.Add("from", from);
        }
        if (query.To is { } to)
        {
            where.Add("m.start_date <= @to");
            parameters.Add("to", to);
        }
        if (query.Country is { } country)
        {
            where.Add("""
                (m.country_code = @country OR m.host_country_code = @country
                 OR EXISTS (SELECT 1 FROM delegations d WHERE d.meeting_id = m.id AND d.country_code = @country))
                """);
            parameters.Add("country", country);
        }
        if (query.Status is { } status)
        {
            where.Add("m.status = @status");
            parameters.Add("status", status);
        }
        if (Cursor.TryDecode(query.Cursor, out var cursor) && cursor!.KeyAsDate() is { } afterDate)
        {
            where.Add("(m.start_date, m.id) > (@afterDate, @afterId)");
            parameters.Add("afterDate", afterDate);
            parameters.Add("afterId", cursor.Id);
        }
        parameters.Add("take", query.Limit + 1);
        var sql = $"""
            SELECT {SummaryColumns}
            FROM meetings m
            {(where.Count > 0 ? "WHERE " + string.Join(" AND ", where) : "")}
            ORDER BY m.start_date, m.id
            LIMIT @take
            """;

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = (await connection.QueryAsync<MeetingSummary>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken))).AsList();
        return Page<MeetingSummary>.From(rows, query.Limit, m => new Cursor(m.StartDate.ToString("yyyy-MM-dd"), m.Id));
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
        var agreements = await AgreementRepository.LoadForMeetingAsync(connection, id, cancellationToken);
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
