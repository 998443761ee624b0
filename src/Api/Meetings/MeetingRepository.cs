using Api.Agreements;
using Api.Delegations;
using Api.Sources;
using Api.Topics;

namespace Api.Meetings;

public sealed class MeetingRepository(Database database) : IRecordReader<MeetingResponse>
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
        await using var db = await database.OpenAsync(search: filters.Q is not null);
        var filter = await MeetingFilter.BuildAsync(db, filters);
        var page = await ListQuery.PageAsync<MeetingListItem>(db, SummaryColumns, filter.From, filter, order, "m.id", options, m => m.Id);
        var items = await IncludeAsync(db, page.Items, options.IncludeList());
        return page with { Items = items, Total = await ListQuery.TotalAsync(db, options.Count, filter) };
    }

    /// <summary>The fields of meeting <c>m</c> that <see cref="MeetingSummary"/> shows, as pairs of <c>json_build_object</c>.</summary>
    private const string SummaryJsonFields = """
        'id', m.id, 'titleEn', m.title_en, 'titleAr', m.title_ar,
        'startDate', m.start_date, 'startDatePrecision', m.start_date_precision, 'endDate', m.end_date, 'endDatePrecision', m.end_date_precision,
        'status', m.status, 'format', m.format, 'cityEn', m.city_en, 'cityAr', m.city_ar,
        'countryCode', m.country_code, 'hostCountryCode', m.host_country_code, 'parentMeetingId', m.parent_meeting_id
        """;

    /// <summary>What each <see cref="Includes"/> embeds, as a JSON column over the meeting <c>m</c>.</summary>
    private static readonly Dictionary<string, string> IncludeColumns = new()
    {
        // Kept by an earlier read if it can be (KeptDocuments), else built, with what keeping it needs.
        ["delegations"] = $"""
            CASE WHEN kept.delegations IS NOT NULL THEN kept.delegations
                 ELSE {DbSession.Utf8(DelegationRepository.MeetingDelegationsJson)} END AS delegations,
            kept.delegations IS NOT NULL AS delegations_kept, {KeptDocuments.BuildColumns}
            """,
        ["agreements"] = $"{DbSession.Utf8(AgreementRepository.MeetingAgreementsJson)} AS agreements",
        ["sources"] = $"{DbSession.Utf8(SourceRepository.MeetingSourcesJson)} AS sources",
        ["topics"] = $"{DbSession.Utf8(TopicRepository.MeetingTopicsJson)} AS topics",
    };

    /// <summary>
    /// What <c>include</c> asks for, for every meeting of a page, in one statement; delegations kept by an earlier read
    /// where there are (<see cref="KeptDocuments"/>), and those built here kept for the next.
    /// </summary>
    private static async Task<IReadOnlyList<MeetingListItem>> IncludeAsync(DbSession db, IReadOnlyList<MeetingListItem> items, IReadOnlyList<string> include)
    {
        if (include.Count == 0 || items.Count == 0)
            return items;
        var delegations = include.Contains("delegations");
        // The columns come from the fixed IncludeColumns; the meetings are a parameter.
        var sql = $"""
            SELECT m.id, {string.Join(", ", include.Select(i => IncludeColumns[i]))}
            FROM meetings m {(delegations ? KeptDocuments.BuildJoin : "")}
            WHERE m.id = ANY(@ids)
            """;
        var rows = (await db.QueryAsync<IncludeRow>(sql, new { ids = items.Select(m => m.Id).ToArray() })).ToDictionary(r => r.Id);
        if (delegations)
            await KeptDocuments.KeepAsync(db, KeptDocuments.Delegations,
                rows.Values.Where(r => !r.DelegationsKept).Select(r => (r.Id, r.Generation, (long?)null, JsonBytes.Compact(r.Delegations).Utf8)).ToList());
        return items.Select(m =>
        {
            var row = rows[m.Id];
            return m with
            {
                Delegations = row.Delegations is { } d ? Documents.FromJson<List<DelegationResponse>>(d) : null,
                Agreements = row.Agreements is { } a ? Documents.FromJson<List<MeetingAgreement>>(a) : null,
                Sources = row.Sources is { } s ? Documents.FromJson<List<SourceResponse>>(s) : null,
                Topics = row.Topics is { } t ? Documents.FromJson<List<TopicResponse>>(t) : null,
            };
        }).ToList();
    }

    /// <summary>
    /// The meeting <c>m</c> with everything known about it, as JSON in the shape of <see cref="MeetingResponse"/>. The
    /// parent and the side meetings are summaries of other meetings: their subqueries name those <c>m</c> too (so that
    /// SummaryJsonFields serves them), and reach the meeting asked for as <c>doc</c> (see <see cref="GetAsync(Guid)"/>).
    /// </summary>
    private const string Json = $"""
        json_build_object(
            {SummaryJsonFields},
            'summaryEn', m.summary_en, 'summaryAr', m.summary_ar, 'latitude', m.latitude, 'longitude', m.longitude,
            'topics', {TopicRepository.MeetingTopicsJson},
            'parent', (SELECT json_build_object({SummaryJsonFields}) FROM meetings m WHERE m.id = doc.parent_meeting_id),
            'sideMeetings', (SELECT coalesce(json_agg(json_build_object({SummaryJsonFields}) ORDER BY m.start_date, m.id), '[]')
                             FROM meetings m WHERE m.parent_meeting_id = doc.id),
            'delegations', {DelegationRepository.MeetingDelegationsJson},
            'agreements', {AgreementRepository.MeetingAgreementsJson},
            'sources', {SourceRepository.MeetingSourcesJson},
            'warnings', {WarningsJson})
        """;

    /// <summary>The <see cref="RecordWarning"/>s of meeting <c>m</c>, as a JSON array.</summary>
    private const string WarningsJson = """
        CASE WHEN m.host_country_code IS NOT NULL
                  AND NOT EXISTS (SELECT 1 FROM delegations d WHERE d.meeting_id = m.id AND d.country_code = m.host_country_code)
             THEN json_build_array(json_build_object('code', 'host-without-delegation', 'field', 'hostCountryCode',
                  'message', 'The host country ' || m.host_country_code || ' sent no delegation to this meeting.'))
             ELSE '[]'::json END
        """;

    /// <summary>What <see cref="Json"/> reads from: the meeting <c>m</c>, also as <c>doc</c>.</summary>
    private const string JsonFrom = "meetings m CROSS JOIN LATERAL (SELECT m.id, m.parent_meeting_id) doc";

    /// <summary>A meeting with everything known about it, built by PostgreSQL in one statement; null when there is none.</summary>
    public Task<MeetingResponse?> GetAsync(Guid id) => database.ReadAsync(db => GetAsync(db, id));

    public Task<MeetingResponse?> GetAsync(DbSession db, Guid id) =>
        db.DocumentAsync<MeetingResponse>(JsonFrom, "m", Json, id, (r, version) => r with { Version = version });

    /// <summary>
    /// The <see cref="MeetingResponse"/> that <see cref="GetAsync(Guid)"/> reads, as the body to send; null when there is
    /// none. The body kept from an earlier read (<see cref="KeptDocuments"/>) while no write has changed it.
    /// </summary>
    public Task<JsonBytes?> GetJsonAsync(Guid id) => KeptAsync(KeptDocuments.Document, DocumentSql, id);

    /// <summary>
    /// The delegations of a meeting (a list of <see cref="DelegationResponse"/>) as the body to send, or null when there
    /// is no such meeting (an empty list is a meeting without delegations); kept as <see cref="GetJsonAsync"/>'s body is.
    /// </summary>
    public Task<JsonBytes?> DelegationsAsync(Guid id) => KeptAsync(KeptDocuments.Delegations, DelegationsSql, id);

    /// <summary>The kept <paramref name="part"/> of meeting <paramref name="id"/>, or else the one <paramref name="build"/> reads, kept for the next read.</summary>
    private async Task<JsonBytes?> KeptAsync(KeptDocuments.Part part, string build, Guid id)
    {
        await using var db = await database.OpenAsync();
        if (await db.SingleOrDefaultAsync<KeptDocuments.Row>(part.FindSql, new { id }) is { } kept)
            return JsonBytes.AsSent(kept.Document, kept.Version);
        if (await db.SingleOrDefaultAsync<KeptDocuments.Row>(build, new { id }) is not { } built)
            return null;
        var json = JsonBytes.Compact(built.Document, built.Version);
        await KeptDocuments.KeepAsync(db, part, [(id, built.Generation, built.Version, json.Utf8)]);
        return json;
    }

    private static readonly string DocumentSql = $"""
        SELECT m.version, {KeptDocuments.BuildColumns}, {DbSession.Utf8(Json)} AS document
        FROM {JsonFrom} {KeptDocuments.BuildJoin}
        WHERE m.id = @id
        """;

    private static readonly string DelegationsSql = $"""
        SELECT {KeptDocuments.BuildColumns}, {DbSession.Utf8(DelegationRepository.MeetingDelegationsJson)} AS document
        FROM meetings m {KeptDocuments.BuildJoin}
        WHERE m.id = @id
        """;

    private sealed record IncludeRow
    {
        public Guid Id { get; init; }
        public byte[]? Delegations { get; init; }
        public bool DelegationsKept { get; init; }
        public long Generation { get; init; }
        public byte[]? Agreements { get; init; }
        public byte[]? Sources { get; init; }
        public byte[]? Topics { get; init; }
    }
}
