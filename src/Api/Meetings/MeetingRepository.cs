using Api.Agreements;
using Api.Data;
using Api.Data.Lists;
using Api.Delegations;
using Api.Sources;
using Api.Topics;

namespace Api.Meetings;

public sealed class MeetingRepository(Database database)
{
    /// <summary>What a meeting list can embed in each meeting (<c>include=</c>).</summary>
    public static readonly string[] Includes = ["delegations", "agreements", "sources", "topics"];

    private const string SummaryColumns = """
        m.id, m.title_en, m.title_ar, m.start_date, m.start_date_precision, m.end_date, m.end_date_precision,
        m.status, m.format, m.city_en, m.city_ar, m.country_code, m.host_country_code, m.parent_meeting_id
        """;

    /// <summary>A page of meetings in <paramref name="order"/>, after the cursor, with what <c>include</c> asks for and the count if asked.</summary>
    public async Task<Page<MeetingListItem>> ListAsync(MeetingFilters filters, MeetingListOptions options, SortOrder order)
    {
        await using var db = await database.OpenAsync();
        var filter = await MeetingFilter.BuildAsync(db, filters);
        var page = await ListQuery.PageAsync<MeetingListItem>(db, SummaryColumns, filter.From, filter, order, "m.id", options, m => m.Id);
        var items = await IncludeAsync(db, page.Items, options.IncludeList());
        return page with { Items = items, Total = await ListQuery.TotalAsync(db, options.Count, filter) };
    }

    private static async Task<IReadOnlyList<MeetingListItem>> IncludeAsync(DbSession db, IReadOnlyList<MeetingListItem> items, IReadOnlyList<string> include)
    {
        if (include.Count == 0 || items.Count == 0)
            return items;
        var ids = items.Select(m => m.Id).ToArray();
        var delegations = include.Contains("delegations") ? await DelegationRepository.LoadForMeetingsAsync(db, ids) : null;
        var agreements = include.Contains("agreements") ? await AgreementRepository.LoadForMeetingsAsync(db, ids) : null;
        var sources = include.Contains("sources") ? await SourceRepository.LoadForMeetingsAsync(db, ids) : null;
        var topics = include.Contains("topics") ? await TopicRepository.LoadForMeetingsAsync(db, ids) : null;
        return items.Select(m => m with
        {
            Delegations = delegations?[m.Id].ToList(),
            Agreements = agreements?[m.Id].ToList(),
            Sources = sources?[m.Id].ToList(),
            Topics = topics?[m.Id].ToList(),
        }).ToList();
    }

    public async Task<MeetingResponse?> GetAsync(Guid id)
    {
        const string meetingSql = $"""
            SELECT {SummaryColumns}, m.summary_en, m.summary_ar, m.latitude, m.longitude, m.version
            FROM meetings m
            WHERE m.id = @id
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

        await using var db = await database.OpenAsync();
        var meeting = await db.SingleOrDefaultAsync<MeetingResponse>(meetingSql, new { id });
        if (meeting is null)
            return null;
        return meeting with
        {
            Topics = (await TopicRepository.LoadForMeetingsAsync(db, [id]))[id].ToList(),
            Parent = meeting.ParentMeetingId is { } parentId ? await db.SingleOrDefaultAsync<MeetingSummary>(parentSql, new { parentId }) : null,
            SideMeetings = await db.QueryAsync<MeetingSummary>(sideMeetingsSql, new { id }),
            Delegations = await DelegationRepository.LoadForMeetingAsync(db, id),
            Agreements = (await AgreementRepository.LoadForMeetingsAsync(db, [id]))[id].ToList(),
            Sources = (await SourceRepository.LoadForMeetingsAsync(db, [id]))[id].ToList(),
        };
    }

    /// <summary>The delegations of a meeting, or null when there is no such meeting (an empty list is a meeting without delegations).</summary>
    public async Task<IReadOnlyList<DelegationResponse>?> DelegationsAsync(Guid id)
    {
        const string existsSql = """
            SELECT EXISTS (SELECT 1 FROM meetings WHERE id = @id)
            """;
        await using var db = await database.OpenAsync();
        return await db.ScalarAsync<bool>(existsSql, new { id }) ? await DelegationRepository.LoadForMeetingAsync(db, id) : null;
    }
}
