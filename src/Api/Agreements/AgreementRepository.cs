using Api.Data;
using Api.Data.Lists;
using Api.Meetings;
using Api.Organizations;
using Api.Sources;

namespace Api.Agreements;

public sealed class AgreementRepository(Database database)
{
    /// <summary>A page of agreements in <paramref name="order"/>, after the cursor, with the count if asked.</summary>
    public async Task<Page<AgreementResponse>> ListAsync(AgreementFilters filters, AgreementListOptions options, SortOrder order)
    {
        await using var db = await database.OpenAsync();
        var filter = await AgreementFilter.BuildAsync(db, filters);
        var keys = await ListQuery.PageAsync<RowId>(db, "a.id", filter.From, filter, order, "a.id", options, k => k.Id);
        var agreements = await LoadAsync(db, keys.Items.Select(k => k.Id).ToArray());
        return new Page<AgreementResponse> { Items = agreements, NextCursor = keys.NextCursor, Total = await ListQuery.TotalAsync(db, options.Count, filter) };
    }

    public async Task<AgreementResponse?> GetAsync(Guid id)
    {
        await using var db = await database.OpenAsync();
        return (await LoadAsync(db, [id])).SingleOrDefault();
    }

    /// <summary>The agreements linked to each of some meetings, each with how it is linked, oldest first.</summary>
    public static async Task<ILookup<Guid, MeetingAgreement>> LoadForMeetingsAsync(DbSession db, Guid[] meetingIds)
    {
        const string sql = """
            SELECT am.meeting_id, am.agreement_id, am.link_kind
            FROM agreement_meetings am
            JOIN agreements a ON a.id = am.agreement_id
            WHERE am.meeting_id = ANY(@meetingIds)
            ORDER BY a.date NULLS LAST, a.id, am.link_kind
            """;
        var links = await db.QueryAsync<(Guid MeetingId, Guid AgreementId, string LinkKind)>(sql, new { meetingIds });
        var agreements = (await LoadAsync(db, links.Select(l => l.AgreementId).Distinct().ToArray())).ToDictionary(a => a.Id);
        return links.ToLookup(l => l.MeetingId, l => new MeetingAgreement { LinkKind = l.LinkKind, Agreement = agreements[l.AgreementId] });
    }

    /// <summary>Whole agreements with parties, linked meetings and sources, in the order of <paramref name="ids"/>.</summary>
    public static async Task<IReadOnlyList<AgreementResponse>> LoadAsync(DbSession db, Guid[] ids)
    {
        if (ids.Length == 0)
            return [];
        const string agreementsSql = """
            SELECT id, title_en, title_ar, summary_en, summary_ar, kind, status, date, date_precision, version
            FROM agreements
            WHERE id = ANY(@ids)
            """;
        const string partiesSql = $"""
            SELECT ap.agreement_id, ap.role, ap.country_code, {OrganizationColumns.Select},
                   p.id AS person_id, p.name_en AS person_name_en, p.name_ar AS person_name_ar
            FROM agreement_parties ap
            LEFT JOIN organizations o ON o.id = ap.organization_id
            LEFT JOIN persons p ON p.id = ap.person_id
            WHERE ap.agreement_id = ANY(@ids)
            ORDER BY ap.agreement_id, ap.position
            """;
        const string meetingsSql = """
            SELECT am.agreement_id, am.link_kind, m.id AS meeting_id, m.title_en, m.title_ar,
                   m.start_date, m.start_date_precision, m.status
            FROM agreement_meetings am
            JOIN meetings m ON m.id = am.meeting_id
            WHERE am.agreement_id = ANY(@ids)
            ORDER BY am.agreement_id, m.start_date, m.id, am.link_kind
            """;
        var rows = (await db.QueryAsync<AgreementResponse>(agreementsSql, new { ids })).ToDictionary(a => a.Id);
        var parties = (await db.QueryAsync<PartyRow>(partiesSql, new { ids })).ToLookup(p => p.AgreementId, p => new AgreementParty
            {
                Role = p.Role,
                CountryCode = p.CountryCode,
                Organization = p.ToOrganizationRef(),
                Person = p.PersonId is { } personId ? new PersonRef { Id = personId, NameEn = p.PersonNameEn, NameAr = p.PersonNameAr } : null,
            });
        var meetings = (await db.QueryAsync<MeetingLinkRow>(meetingsSql, new { ids })).ToLookup(m => m.AgreementId, m => m.Link);
        var sources = await SourceRepository.LoadForAgreementsAsync(db, ids);

        return ids.Where(rows.ContainsKey).Select(id => rows[id] with
        {
            Parties = parties[id].ToList(),
            Meetings = meetings[id].ToList(),
            Sources = sources[id].ToList(),
        }).ToList();
    }

    private sealed record PartyRow : OrganizationColumns
    {
        public Guid AgreementId { get; init; }
        public string Role { get; init; } = "";
        public string? CountryCode { get; init; }
        public Guid? PersonId { get; init; }
        public string? PersonNameEn { get; init; }
        public string? PersonNameAr { get; init; }
    }

    private sealed record MeetingLinkRow
    {
        public Guid AgreementId { get; init; }
        public string LinkKind { get; init; } = "";
        public Guid MeetingId { get; init; }
        public string? TitleEn { get; init; }
        public string? TitleAr { get; init; }
        public DateOnly StartDate { get; init; }
        public string StartDatePrecision { get; init; } = "";
        public string Status { get; init; } = "";

        public AgreementMeetingLink Link => new()
        {
            LinkKind = LinkKind, MeetingId = MeetingId, TitleEn = TitleEn, TitleAr = TitleAr,
            StartDate = StartDate, StartDatePrecision = StartDatePrecision, Status = Status,
        };
    }
}
