using Api.Data;
using Api.Organizations;
using Api.Sources;
using Dapper;
using Npgsql;

namespace Api.Agreements;

public sealed class AgreementRepository(NpgsqlDataSource dataSource)
{
    /// <summary>A page of agreements in <paramref name="order"/>, after the cursor, with the count if asked.</summary>
    public async Task<Page<AgreementResponse>> ListAsync(AgreementFilters filters, AgreementListOptions options, SortOrder order, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        filters = await AgreementFilter.ResolveSearchAsync(connection, filters, cancellationToken);
        var filter = AgreementFilter.Build(filters);
        var keys = await Lists.PageAsync<SortedKey>(connection, "a.id", filter.From, filter, order, "a.id", options, k => k.Id, cancellationToken);
        var agreements = await LoadAsync(connection, keys.Items.Select(k => k.Id).ToArray(), cancellationToken);
        var total = await Lists.TotalAsync(connection, options.Count, AgreementFilter.Build(filters), cancellationToken);
        return new Page<AgreementResponse> { Items = agreements, NextCursor = keys.NextCursor, Total = total };
    }

    public async Task<AgreementResponse?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var found = await LoadAsync(connection, [id], cancellationToken);
        return found.Count == 1 ? found[0] : null;
    }

    /// <summary>The agreements linked to each of some meetings, each with how it is linked, oldest first.</summary>
    public static async Task<ILookup<Guid, (string LinkKind, AgreementResponse Agreement)>> LoadForMeetingsAsync(
        NpgsqlConnection connection, Guid[] meetingIds, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT am.meeting_id, am.agreement_id, am.link_kind
            FROM agreement_meetings am
            JOIN agreements a ON a.id = am.agreement_id
            WHERE am.meeting_id = ANY(@meetingIds)
            ORDER BY a.date NULLS LAST, a.id, am.link_kind
            """;
        var links = (await connection.QueryAsync<(Guid MeetingId, Guid AgreementId, string LinkKind)>(
            new CommandDefinition(sql, new { meetingIds }, cancellationToken: cancellationToken))).AsList();
        var agreements = (await LoadAsync(connection, links.Select(l => l.AgreementId).Distinct().ToArray(), cancellationToken))
            .ToDictionary(a => a.Id);
        return links.ToLookup(l => l.MeetingId, l => (l.LinkKind, agreements[l.AgreementId]));
    }

    /// <summary>Whole agreements with parties, linked meetings and sources, in the order of <paramref name="ids"/>.</summary>
    public static async Task<IReadOnlyList<AgreementResponse>> LoadAsync(NpgsqlConnection connection, Guid[] ids, CancellationToken cancellationToken)
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
        var rows = (await connection.QueryAsync<AgreementResponse>(new CommandDefinition(agreementsSql, new { ids }, cancellationToken: cancellationToken)))
            .ToDictionary(a => a.Id);
        var parties = (await connection.QueryAsync<PartyRow>(new CommandDefinition(partiesSql, new { ids }, cancellationToken: cancellationToken)))
            .ToLookup(p => p.AgreementId, p => new AgreementParty
            {
                Role = p.Role,
                CountryCode = p.CountryCode,
                Organization = p.ToOrganizationRef(),
                Person = p.PersonId is { } personId ? new PersonRef { Id = personId, NameEn = p.PersonNameEn, NameAr = p.PersonNameAr } : null,
            });
        var meetings = (await connection.QueryAsync<MeetingLinkRow>(new CommandDefinition(meetingsSql, new { ids }, cancellationToken: cancellationToken)))
            .ToLookup(m => m.AgreementId, m => m.Link);
        var sources = await SourceQueries.ForAgreementsAsync(connection, ids, cancellationToken);

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
