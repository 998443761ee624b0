using Api.Search;

namespace Api.Agreements;

/// <summary>Writes of agreements with their parties, meeting links and sources, in a caller's transaction.</summary>
public sealed class AgreementStore : IRecordStore<AgreementRequest>
{
    public Resource Resource { get; } = new("agreements", "agreements", "agreement",
        ["title_en", "title_ar", "summary_en", "summary_ar", "kind", "status", "date", "date_precision"]);

    public async Task<AgreementRequest> LoadAsync(DbSession db, Guid id)
    {
        const string partiesSql = """
            SELECT role, country_code, organization_id, person_id FROM agreement_parties WHERE agreement_id = @id ORDER BY position
            """;
        const string meetingsSql = """
            SELECT meeting_id, link_kind FROM agreement_meetings WHERE agreement_id = @id
            """;
        const string sourcesSql = """
            SELECT source_id FROM agreement_sources WHERE agreement_id = @id
            """;
        var agreement = await Resource.LoadRowAsync<AgreementRequest>(db, id);
        return agreement with
        {
            Parties = await db.QueryAsync<AgreementPartyRequest>(partiesSql, new { id }),
            Meetings = await db.QueryAsync<AgreementMeetingRequest>(meetingsSql, new { id }),
            SourceIds = await db.QueryAsync<Guid>(sourcesSql, new { id }),
        };
    }

    public async Task WriteAsync(DbSession db, Guid id, AgreementRequest a)
    {
        const string removeParties = """
            DELETE FROM agreement_parties WHERE agreement_id = @id AND position >= @count
            """;
        const string upsertParty = """
            INSERT INTO agreement_parties AS x (agreement_id, position, role, country_code, organization_id, person_id)
            VALUES (@id, @position, @Role, @CountryCode, @OrganizationId, @PersonId)
            ON CONFLICT (agreement_id, position) DO UPDATE SET role = EXCLUDED.role, country_code = EXCLUDED.country_code,
                organization_id = EXCLUDED.organization_id, person_id = EXCLUDED.person_id
            WHERE (x.role, x.country_code, x.organization_id, x.person_id)
                IS DISTINCT FROM (EXCLUDED.role, EXCLUDED.country_code, EXCLUDED.organization_id, EXCLUDED.person_id)
            """;
        const string removeMeetings = """
            DELETE FROM agreement_meetings am
            WHERE am.agreement_id = @id
              AND NOT EXISTS (SELECT 1 FROM unnest(@meetingIds, @linkKinds) AS keep(meeting_id, link_kind)
                              WHERE keep.meeting_id = am.meeting_id AND keep.link_kind = am.link_kind)
            """;
        const string addMeeting = """
            INSERT INTO agreement_meetings (agreement_id, meeting_id, link_kind) VALUES (@id, @MeetingId, @LinkKind)
            ON CONFLICT DO NOTHING
            """;
        const string removeSources = """
            DELETE FROM agreement_sources WHERE agreement_id = @id AND NOT (source_id = ANY(@ids))
            """;
        const string addSources = """
            INSERT INTO agreement_sources (agreement_id, source_id) SELECT @id, unnest(@ids) ON CONFLICT DO NOTHING
            """;

        await db.ExecuteAsync(Resource.UpsertRowSql, new { id, a.TitleEn, a.TitleAr, a.SummaryEn, a.SummaryAr, a.Kind, a.Status, a.Date, a.DatePrecision });
        await db.ExecuteAsync(removeParties, new { id, count = a.Parties.Count });
        for (var position = 0; position < a.Parties.Count; position++)
        {
            var p = a.Parties[position];
            await db.ExecuteAsync(upsertParty, new { id, position, p.Role, p.CountryCode, p.OrganizationId, p.PersonId });
        }
        await db.ExecuteAsync(removeMeetings, new
        {
            id,
            meetingIds = a.Meetings.Select(l => l.MeetingId!.Value).ToArray(),
            linkKinds = a.Meetings.Select(l => l.LinkKind!).ToArray(),
        });
        foreach (var link in a.Meetings)
            await db.ExecuteAsync(addMeeting, new { id, link.MeetingId, link.LinkKind });
        await db.ExecuteAsync(removeSources, new { id, ids = a.SourceIds.ToArray() });
        await db.ExecuteAsync(addSources, new { id, ids = a.SourceIds.ToArray() });
        await SearchDocuments.AgreementAsync(db, id);
    }

    public AgreementRequest Canonical(AgreementRequest doc) => doc with
    {
        Meetings = doc.Meetings.OrderBy(l => l.MeetingId).ThenBy(l => l.LinkKind, StringComparer.Ordinal).ToList(),
        SourceIds = doc.SourceIds.Order().ToList(),
    };

    public IEnumerable<Reference> References(AgreementRequest doc)
    {
        for (var i = 0; i < doc.Parties.Count; i++)
        {
            if (doc.Parties[i].OrganizationId is { } organizationId)
                yield return new Reference($"parties[{i}].organizationId", "organizations", organizationId);
            if (doc.Parties[i].PersonId is { } personId)
                yield return new Reference($"parties[{i}].personId", "persons", personId);
        }
        for (var i = 0; i < doc.Meetings.Count; i++)
        {
            if (doc.Meetings[i].MeetingId is { } meetingId)
                yield return new Reference($"meetings[{i}].meetingId", "meetings", meetingId);
        }
        for (var i = 0; i < doc.SourceIds.Count; i++)
            yield return new Reference($"sourceIds[{i}]", "sources", doc.SourceIds[i]);
    }

    /// <summary>
    /// An agreement concluded at a meeting is dated within the meeting (as precisely as both are known), and each country
    /// or organisation among its parties took part in it: a delegation's country or the host, a delegation's
    /// organisation or one a member served. (A person party need not have sat in a delegation: the seed's inviter did not.)
    /// </summary>
    public async Task<IReadOnlyList<FieldError>> CheckAsync(DbSession db, Guid id, AgreementRequest doc)
    {
        const string sql = """
            SELECT m.id, m.start_date, m.period_end,
                   ARRAY(SELECT p.country_code FROM meeting_parties p WHERE p.meeting_id = m.id) AS countries,
                   ARRAY(SELECT d.organization_id FROM delegations d WHERE d.meeting_id = m.id AND d.organization_id IS NOT NULL
                         UNION
                         SELECT dm.organization_id FROM delegation_members dm JOIN delegations d ON d.id = dm.delegation_id
                         WHERE d.meeting_id = m.id AND dm.organization_id IS NOT NULL) AS organizations
            FROM meetings m WHERE m.id = ANY(@ids)
            """;
        var concluded = doc.Meetings.Select((link, i) => (link.MeetingId, link.LinkKind, Index: i))
            .Where(l => l.LinkKind == "concluded_at" && l.MeetingId is not null).ToList();
        if (concluded.Count == 0)
            return [];
        var meetings = (await db.QueryAsync<ConcludedAt>(sql, new { ids = concluded.Select(l => l.MeetingId!.Value).ToArray() })).ToDictionary(m => m.Id);
        var errors = new List<FieldError>();
        foreach (var (meetingId, _, index) in concluded)
        {
            if (!meetings.TryGetValue(meetingId!.Value, out var meeting))
                continue; // a meeting that does not exist is reported by the reference check
            if (doc.Date is { } date && (Rules.PeriodEnd(date, doc.DatePrecision) < meeting.StartDate || date > meeting.PeriodEnd))
                errors.Add(new FieldError("date",
                    $"An agreement concluded at meeting {meeting.Id} (meetings[{index}]) is dated within it: {meeting.StartDate:yyyy-MM-dd} to {meeting.PeriodEnd:yyyy-MM-dd}."));
            for (var j = 0; j < doc.Parties.Count; j++)
            {
                if (doc.Parties[j].CountryCode is { } country && !meeting.Countries.Contains(country))
                    errors.Add(new FieldError($"parties[{j}].countryCode",
                        $"{country} took no part in meeting {meeting.Id} (meetings[{index}]), at which the agreement was concluded."));
                if (doc.Parties[j].OrganizationId is { } organization && !meeting.Organizations.Contains(organization))
                    errors.Add(new FieldError($"parties[{j}].organizationId",
                        $"Organisation {organization} took no part in meeting {meeting.Id} (meetings[{index}]), at which the agreement was concluded."));
            }
        }
        return errors;
    }

    private sealed record ConcludedAt
    {
        public Guid Id { get; init; }
        public DateOnly StartDate { get; init; }
        public DateOnly PeriodEnd { get; init; }
        public string[] Countries { get; init; } = [];
        public Guid[] Organizations { get; init; } = [];
    }

    // Nothing refers to an agreement: its parties, links and sources are its own and go with it.
    public Task<IReadOnlyList<string>> ReferrersAsync(DbSession db, Guid id) => Task.FromResult<IReadOnlyList<string>>([]);
}
