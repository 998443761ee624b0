using Api.Delegations;
using Api.Search;

namespace Api.Meetings;

/// <summary>Writes of meetings with their topics, sources and delegations, in a caller's transaction.</summary>
public sealed class MeetingStore : IRecordStore<MeetingRequest>
{
    public Resource Resource { get; } = new("meetings", "meetings", "meeting", ["title_en", "title_ar", "summary_en", "summary_ar",
        "start_date", "start_date_precision", "end_date", "end_date_precision", "status", "format", "city_en", "city_ar", "country_code",
        "latitude", "longitude", "host_country_code", "parent_meeting_id"], Derived: ["delegation_countries", "topic_ids"]);

    /// <summary>A delegation is known within its meeting by whom it represents and in which role.</summary>
    public static string DelegationKey(DelegationRequest d) => $"{d.CountryCode}/{d.OrganizationId}/{d.Role}";

    /// <summary>
    /// A person sits in one delegation of a meeting: each place (delegation, member) that names a person already seated
    /// in an earlier delegation, with that delegation's index.
    /// </summary>
    public static IEnumerable<(int Delegation, int Member, int First)> RepeatedSeats(IReadOnlyList<DelegationRequest?> delegations)
    {
        var seats = new Dictionary<Guid, int>();
        for (var i = 0; i < delegations.Count; i++)
        {
            var members = delegations[i]?.Members ?? [];
            for (var j = 0; j < members.Count; j++)
            {
                if (members[j]?.PersonId is not { } person)
                    continue;
                if (seats.TryGetValue(person, out var first) && first != i)
                    yield return (i, j, first);
                else
                    seats.TryAdd(person, i);
            }
        }
    }

    public async Task<MeetingRequest> LoadAsync(DbSession db, Guid id)
    {
        const string topicsSql = """
            SELECT topic_id FROM meeting_topics WHERE meeting_id = @id
            """;
        const string sourcesSql = """
            SELECT source_id FROM meeting_sources WHERE meeting_id = @id
            """;
        const string delegationsSql = """
            SELECT id, role, country_code, organization_id FROM delegations WHERE meeting_id = @id
            """;
        const string membersSql = """
            SELECT dm.delegation_id, dm.person_id, dm.is_head, dm.title_en, dm.title_ar, dm.rank_en, dm.rank_ar, dm.organization_id
            FROM delegation_members dm JOIN delegations d ON d.id = dm.delegation_id
            WHERE d.meeting_id = @id
            ORDER BY dm.delegation_id, dm.position
            """;
        var meeting = await Resource.LoadRowAsync<MeetingRequest>(db, id);
        var members = (await db.QueryAsync<Guid, DelegationMemberRequest, (Guid DelegationId, DelegationMemberRequest Member)>(membersSql,
            new { id }, "person_id", (delegationId, member) => (delegationId, member))).ToLookup(m => m.DelegationId, m => m.Member);
        var delegations = (await db.QueryAsync<DelegationRow>(delegationsSql, new { id }))
            .Select(d => new DelegationRequest
            {
                Id = d.Id,
                Role = d.Role,
                CountryCode = d.CountryCode,
                OrganizationId = d.OrganizationId,
                Members = members[d.Id].ToList(),
            })
            .ToList();
        return meeting with
        {
            TopicIds = await db.QueryAsync<Guid>(topicsSql, new { id }),
            SourceIds = await db.QueryAsync<Guid>(sourcesSql, new { id }),
            Delegations = delegations,
        };
    }

    public async Task WriteAsync(DbSession db, Guid id, MeetingRequest m)
    {
        // Topics and sources go with the meeting's row, in the same round trip.
        const string links = """
            DELETE FROM meeting_topics WHERE meeting_id = @id AND NOT (topic_id = ANY(@TopicIds));
            INSERT INTO meeting_topics (meeting_id, topic_id) SELECT @id, unnest(@TopicIds) ON CONFLICT DO NOTHING;
            DELETE FROM meeting_sources WHERE meeting_id = @id AND NOT (source_id = ANY(@sourceIds));
            INSERT INTO meeting_sources (meeting_id, source_id) SELECT @id, unnest(@sourceIds) ON CONFLICT DO NOTHING
            """;
        const string existingDelegations = """
            SELECT d.id, d.role, d.country_code, d.organization_id,
                   ARRAY(SELECT dm.person_id FROM delegation_members dm WHERE dm.delegation_id = d.id) AS person_ids
            FROM delegations d WHERE d.meeting_id = @id
            """;
        const string removeDelegations = """
            DELETE FROM delegations WHERE meeting_id = @id AND NOT (id = ANY(@ids))
            """;
        const string countedSql = """
            SELECT start_date, format, status FROM meetings WHERE id = @id
            """;

        // What the meeting was counted under before (none for a new one), for meeting_counts.
        var counted = await db.SingleOrDefaultAsync<Counted>(countedSql, new { id });
        CountMove(db, counted, new Counted { StartDate = m.StartDate!.Value, Format = m.Format!, Status = m.Status! });

        await db.ExecuteAsync(Resource.UpsertRowSql + ";\n" + links, new
        {
            id, m.TitleEn, m.TitleAr, m.SummaryEn, m.SummaryAr, m.StartDate, m.StartDatePrecision, m.EndDate, m.EndDatePrecision,
            m.Status, m.Format, m.CityEn, m.CityAr, m.CountryCode, m.Latitude, m.Longitude, m.HostCountryCode, m.ParentMeetingId,
            // The export's lists (migration 0026): the delegations' countries once each, in code order; the topics in id order.
            DelegationCountries = m.Delegations.Select(d => d.CountryCode).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToArray(),
            TopicIds = m.TopicIds.Order().ToArray(), sourceIds = m.SourceIds.ToArray(),
        });

        // A delegation edited through /delegations/{id} carries its id; in a meeting body, delegations keep
        // their ids while they represent the same party in the same role (a new one takes the id the document names, the seed import's, or one of its own).
        var rows = await db.QueryAsync<DelegationRow>(existingDelegations, new { id });
        var existingIds = rows.Select(d => d.Id).ToHashSet();
        var byKey = rows.ToDictionary(d => DelegationKey(new DelegationRequest { Role = d.Role, CountryCode = d.CountryCode, OrganizationId = d.OrganizationId }), d => d.Id);
        var delegations = m.Delegations.Select(d =>
        {
            var key = DelegationKey(d);
            var delegationId = d.Id ?? (byKey.TryGetValue(key, out var known) ? known : d.NewId ?? Guid.CreateVersion7());
            return (Id: delegationId, IsNew: !existingIds.Contains(delegationId), Delegation: d);
        }).ToList();
        await db.ExecuteAsync(removeDelegations, new { id, ids = delegations.Select(d => d.Id).ToArray() });
        foreach (var (delegationId, isNew, d) in delegations)
            await WriteDelegationAsync(db, delegationId, isNew, id, d);
        await SearchDocuments.MeetingAsync(db, id);
        await MeetingParties.RefreshAsync(db, id, PersonsByCountry(rows.Select(d => (d.CountryCode, (IEnumerable<Guid>)d.PersonIds))));
    }

    private static async Task WriteDelegationAsync(DbSession db, Guid id, bool isNew, Guid meetingId, DelegationRequest d)
    {
        // The delegation, then its members: those gone removed, heads cleared first (so that moving the head to another
        // member never meets the one-head index half-way), then every member written in one statement (a person is
        // listed once per delegation: the validator sees to it). One round trip; the rows it changed, summed.
        const string sql = """
            INSERT INTO delegations AS x (id, meeting_id, role, country_code, organization_id)
            VALUES (@id, @meetingId, @Role, @CountryCode, @OrganizationId)
            ON CONFLICT (id) DO UPDATE SET role = EXCLUDED.role, country_code = EXCLUDED.country_code, organization_id = EXCLUDED.organization_id
            WHERE (x.role, x.country_code, x.organization_id) IS DISTINCT FROM (EXCLUDED.role, EXCLUDED.country_code, EXCLUDED.organization_id);
            DELETE FROM delegation_members WHERE delegation_id = @id AND NOT (person_id = ANY(@personIds));
            UPDATE delegation_members SET is_head = false
            WHERE delegation_id = @id AND is_head AND person_id IS DISTINCT FROM @headId;
            INSERT INTO delegation_members AS x (delegation_id, person_id, position, is_head, title_en, title_ar, rank_en, rank_ar, organization_id)
            SELECT @id, m.person_id, m.position - 1, m.is_head, m.title_en, m.title_ar, m.rank_en, m.rank_ar, m.organization_id
            FROM unnest(@personIds, @isHeads, @titlesEn, @titlesAr, @ranksEn, @ranksAr, @organizationIds)
                WITH ORDINALITY AS m (person_id, is_head, title_en, title_ar, rank_en, rank_ar, organization_id, position)
            ON CONFLICT (delegation_id, person_id) DO UPDATE SET position = EXCLUDED.position, is_head = EXCLUDED.is_head,
                title_en = EXCLUDED.title_en, title_ar = EXCLUDED.title_ar, rank_en = EXCLUDED.rank_en, rank_ar = EXCLUDED.rank_ar,
                organization_id = EXCLUDED.organization_id
            WHERE (x.position, x.is_head, x.title_en, x.title_ar, x.rank_en, x.rank_ar, x.organization_id)
                IS DISTINCT FROM (EXCLUDED.position, EXCLUDED.is_head, EXCLUDED.title_en, EXCLUDED.title_ar, EXCLUDED.rank_en,
                   EXCLUDED.rank_ar, EXCLUDED.organization_id)
            """;
        const string bumpVersion = """
            UPDATE delegations SET version = version + 1 WHERE id = @id
            """;

        var members = d.Members;
        var changed = await db.ExecuteAsync(sql, new
        {
            id, meetingId, d.Role, d.CountryCode, d.OrganizationId,
            headId = members.FirstOrDefault(x => x.IsHead)?.PersonId,
            personIds = members.Select(x => x.PersonId!.Value).ToArray(),
            isHeads = members.Select(x => x.IsHead).ToArray(),
            titlesEn = members.Select(x => x.TitleEn).ToArray(),
            titlesAr = members.Select(x => x.TitleAr).ToArray(),
            ranksEn = members.Select(x => x.RankEn).ToArray(),
            ranksAr = members.Select(x => x.RankAr).ToArray(),
            organizationIds = members.Select(x => x.OrganizationId).ToArray(),
        });
        // A delegation's version counts changes to it and to its members, so its ETag does too.
        if (!isNew && changed > 0)
            await db.ExecuteAsync(bumpVersion, new { id });
    }

    public MeetingRequest Canonical(MeetingRequest doc) => doc with
    {
        TopicIds = doc.TopicIds.Order().ToList(),
        SourceIds = doc.SourceIds.Order().ToList(),
        Delegations = doc.Delegations.OrderBy(DelegationKey, StringComparer.Ordinal).ToList(),
    };

    public IEnumerable<Reference> References(MeetingRequest doc)
    {
        if (doc.ParentMeetingId is { } parentId)
            yield return new Reference("parentMeetingId", "meetings", parentId);
        for (var i = 0; i < doc.TopicIds.Count; i++)
            yield return new Reference($"topicIds[{i}]", "topics", doc.TopicIds[i]);
        for (var i = 0; i < doc.SourceIds.Count; i++)
            yield return new Reference($"sourceIds[{i}]", "sources", doc.SourceIds[i]);
        for (var i = 0; i < doc.Delegations.Count; i++)
        {
            var d = doc.Delegations[i];
            if (d.OrganizationId is { } organizationId)
                yield return new Reference($"delegations[{i}].organizationId", "organizations", organizationId);
            for (var j = 0; j < d.Members.Count; j++)
            {
                if (d.Members[j].PersonId is { } personId)
                    yield return new Reference($"delegations[{i}].members[{j}].personId", "persons", personId);
                if (d.Members[j].OrganizationId is { } memberOrganizationId)
                    yield return new Reference($"delegations[{i}].members[{j}].organizationId", "organizations", memberOrganizationId);
            }
        }
    }

    /// <summary>
    /// No parent that would make a cycle; and the agreements concluded at the meeting still fit it as it would be
    /// (the rules an agreement's own write checks, <see cref="Agreements.AgreementStore.CheckAsync"/>, from the
    /// meeting's side): dated within its dates, their country and organisation parties among those that take part.
    /// </summary>
    public async Task<IReadOnlyList<FieldError>> CheckAsync(DbSession db, Guid id, MeetingRequest doc)
    {
        const string concludedSql = """
            SELECT a.id, a.date, a.period_end,
                   ARRAY(SELECT ap.country_code FROM agreement_parties ap WHERE ap.agreement_id = a.id AND ap.country_code IS NOT NULL) AS countries,
                   ARRAY(SELECT ap.organization_id FROM agreement_parties ap WHERE ap.agreement_id = a.id AND ap.organization_id IS NOT NULL) AS organizations
            FROM agreement_meetings am JOIN agreements a ON a.id = am.agreement_id
            WHERE am.meeting_id = @id AND am.link_kind = 'concluded_at'
            ORDER BY a.id
            """;
        if (doc.ParentMeetingId is { } parentId && await db.ScalarAsync<bool>(Resource.InAncestrySql("parent_meeting_id"), new { id, parentId }))
            return [new FieldError("parentMeetingId", "A meeting cannot take place on the margins of itself or of one of its own side meetings.")];
        // Validated before: a meeting has a start date.
        if (doc.StartDate is not { } start)
            return [];
        var errors = new List<FieldError>();
        var end = Rules.PeriodEnd(doc.EndDate ?? start, doc.EndDatePrecision ?? doc.StartDatePrecision);
        var countries = doc.Delegations.Select(d => d.CountryCode).Append(doc.HostCountryCode).OfType<string>().ToHashSet();
        var organizations = doc.Delegations.Select(d => d.OrganizationId).Concat(doc.Delegations.SelectMany(d => d.Members.Select(m => m.OrganizationId)))
            .OfType<Guid>().ToHashSet();
        foreach (var agreement in await db.QueryAsync<ConcludedHere>(concludedSql, new { id }))
        {
            if (agreement.Date is { } date && (agreement.PeriodEnd < start || date > end))
                errors.Add(new FieldError("startDate",
                    $"Agreement {agreement.Id} was concluded at this meeting on {date:yyyy-MM-dd}: the meeting's dates ({start:yyyy-MM-dd} to {end:yyyy-MM-dd}) must hold it. Change the agreement first, or keep the dates."));
            foreach (var country in agreement.Countries.Where(c => !countries.Contains(c)))
                errors.Add(new FieldError("delegations",
                    $"{country} is a party to agreement {agreement.Id}, concluded at this meeting, and would take no part in it (no delegation, not the host)."));
            foreach (var organization in agreement.Organizations.Where(o => !organizations.Contains(o)))
                errors.Add(new FieldError("delegations",
                    $"Organisation {organization} is a party to agreement {agreement.Id}, concluded at this meeting, and would take no part in it."));
        }
        return errors;
    }

    private sealed record ConcludedHere
    {
        public Guid Id { get; init; }
        public DateOnly? Date { get; init; }
        public DateOnly? PeriodEnd { get; init; }
        public string[] Countries { get; init; } = [];
        public Guid[] Organizations { get; init; } = [];
    }

    /// <summary>The persons of its delegations no longer sat in them (their countries, <see cref="MeetingParties"/>), and the meeting no longer counted.</summary>
    public Task DeletedAsync(DbSession db, Guid id, MeetingRequest doc)
    {
        CountMove(db, new Counted { StartDate = doc.StartDate!.Value, Format = doc.Format!, Status = doc.Status! }, null);
        return MeetingParties.RefreshAsync(db, id, PersonsByCountry(doc.Delegations.Select(d => (d.CountryCode, d.Members.Select(x => x.PersonId!.Value)))));
    }

    /// <summary>What a meeting is counted under in <c>meeting_counts</c> (migration 0024): the month it began in, its format and status.</summary>
    private sealed record Counted
    {
        public DateOnly StartDate { get; init; }
        public string Format { get; init; } = "";
        public string Status { get; init; } = "";

        public DateOnly Month => new(StartDate.Year, StartDate.Month, 1);
    }

    /// <summary>
    /// Moves the meeting's count from what it was counted under to what it is now (either null: created, deleted),
    /// under the change log's lock: writes count one at a time there, so no count row makes writes queue before it.
    /// </summary>
    private static void CountMove(DbSession db, Counted? before, Counted? after)
    {
        const string sql = """
            UPDATE meeting_counts SET count = count - 1
            WHERE @beforeMonth::date IS NOT NULL AND month = @beforeMonth AND format = @beforeFormat AND status = @beforeStatus;
            INSERT INTO meeting_counts (month, format, status, count)
            SELECT @afterMonth, @afterFormat, @afterStatus, 1 WHERE @afterMonth::date IS NOT NULL
            ON CONFLICT (month, format, status) DO UPDATE SET count = meeting_counts.count + 1
            """;
        if (before is not null && after is not null && before.Month == after.Month && (before.Format, before.Status) == (after.Format, after.Status))
            return;
        db.UnderChangeLock(sql, new
        {
            beforeMonth = before?.Month, beforeFormat = before?.Format, beforeStatus = before?.Status,
            afterMonth = after?.Month, afterFormat = after?.Format, afterStatus = after?.Status,
        });
    }

    /// <summary>Each person and country of some delegations (those of a country).</summary>
    private static List<(Guid Person, string Country)> PersonsByCountry(IEnumerable<(string? Country, IEnumerable<Guid> Persons)> delegations) =>
        delegations.Where(d => d.Country is not null).SelectMany(d => d.Persons.Select(p => (p, d.Country!))).Distinct().ToList();

    public async Task<IReadOnlyList<string>> ReferrersAsync(DbSession db, Guid id)
    {
        const string sql = """
            SELECT 'side meeting ' || id FROM meetings WHERE parent_meeting_id = @id
            UNION
            SELECT 'agreement ' || agreement_id FROM agreement_meetings WHERE meeting_id = @id
            """;
        return await db.QueryAsync<string>(sql, new { id });
    }

    private sealed record DelegationRow
    {
        public Guid Id { get; init; }
        public string? Role { get; init; }
        public string? CountryCode { get; init; }
        public Guid? OrganizationId { get; init; }

        /// <summary>The delegation's members, read only by a write (the persons whose countries it may change).</summary>
        public Guid[] PersonIds { get; init; } = [];
    }
}
