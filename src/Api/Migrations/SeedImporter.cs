using System.Text.Json;
using Api.Agreements;
using Api.Delegations;
using Api.Infrastructure;
using Api.Meetings;
using Api.Organizations;
using Api.Persons;
using Api.Sources;
using Api.Topics;
using Dapper;
using FluentValidation;
using Npgsql;

namespace Api.Migrations;

/// <summary>
/// Imports every seed file of a folder in one transaction. Each record is checked by the validator the
/// API uses for the same body, and every reference must resolve; one problem anywhere means nothing is
/// written. Records are upserted by their stable ids, and rows that already hold the same values are
/// left untouched, so a second run changes nothing.
/// </summary>
public sealed class SeedImporter(
    IValidator<TopicRequest> topicValidator,
    IValidator<SourceRequest> sourceValidator,
    IValidator<OrganizationRequest> organizationValidator,
    IValidator<PersonRequest> personValidator,
    IValidator<MeetingRequest> meetingValidator,
    IValidator<AgreementRequest> agreementValidator,
    ILogger<SeedImporter> logger)
{
    public async Task<int> ImportAsync(NpgsqlConnection connection, string directory, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(directory))
            throw new MigrationException($"The seed folder {directory} does not exist.");

        var errors = new List<string>();
        var files = new List<(string Name, SeedFile Seed)>();
        foreach (var path in Directory.GetFiles(directory, "*.json").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(path);
            try
            {
                await using var stream = File.OpenRead(path);
                var seed = await JsonSerializer.DeserializeAsync<SeedFile>(stream, SeedFile.JsonOptions, cancellationToken) ?? new SeedFile();
                var holes = seed.NullSections().ToList();
                errors.AddRange(holes.Select(hole => $"{name}: {hole}: must not be null."));
                if (holes.Count == 0)
                    files.Add((name, seed));
            }
            catch (JsonException e)
            {
                errors.Add($"{name}: {e.Path ?? "$"}: {e.Message}");
            }
        }

        var records = new SeedRecords(files);
        records.CheckKeys(errors);
        await ValidateAsync(records.Topics, topicValidator, errors, cancellationToken);
        await ValidateAsync(records.Sources, sourceValidator, errors, cancellationToken);
        await ValidateAsync(records.Organizations, organizationValidator, errors, cancellationToken);
        await ValidateAsync(records.Persons, personValidator, errors, cancellationToken);
        await ValidateAsync(records.Meetings, meetingValidator, errors, cancellationToken);
        await ValidateAsync(records.Agreements, agreementValidator, errors, cancellationToken);
        // References are followed only through records that passed validation (no null lists to walk).
        if (errors.Count == 0)
            await records.CheckReferencesAsync(connection, errors, cancellationToken);
        if (errors.Count > 0)
            throw new MigrationException(
                $"The seed files have {errors.Count} problem(s); nothing was imported:{Environment.NewLine}  " +
                string.Join(Environment.NewLine + "  ", errors.Take(100)));

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var changed = await new SeedWriter(connection, transaction, cancellationToken).WriteAsync(records);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Imported {Files} seed file(s): {Changed} row(s) inserted, updated or removed", files.Count, changed);
        return changed;
    }

    /// <summary>Every record of every file, with where it came from, its id, and the checks that span records.</summary>
    private sealed class SeedRecords
    {
        public List<Located<TopicRequest>> Topics { get; } = [];
        public List<Located<SeedSource>> Sources { get; } = [];
        public List<Located<SeedOrganization>> Organizations { get; } = [];
        public List<Located<SeedPerson>> Persons { get; } = [];
        public List<Located<SeedMeeting>> Meetings { get; } = [];
        public List<Located<SeedAgreement>> Agreements { get; } = [];

        public SeedRecords(List<(string Name, SeedFile Seed)> files)
        {
            foreach (var (file, seed) in files)
            {
                Topics.AddRange(seed.Topics.Select((t, i) => new Located<TopicRequest>(t, $"{file}: topics[{i}] (code '{t.Code}')", StableId.For(SeedKinds.Topic, t.Code ?? ""))));
                Sources.AddRange(Locate(file, "sources", SeedKinds.Source, seed.Sources));
                Organizations.AddRange(Locate(file, "organizations", SeedKinds.Organization, seed.Organizations));
                Persons.AddRange(Locate(file, "persons", SeedKinds.Person, seed.Persons));
                Meetings.AddRange(Locate(file, "meetings", SeedKinds.Meeting, seed.Meetings));
                Agreements.AddRange(Locate(file, "agreements", SeedKinds.Agreement, seed.Agreements));
            }
        }

        private static IEnumerable<Located<T>> Locate<T>(string file, string section, string kind, IReadOnlyList<T> items) where T : ISeedRecord =>
            items.Select((r, i) => new Located<T>(r, $"{file}: {section}[{i}] (key '{r.Key}')", StableId.For(kind, r.Key ?? "")));

        public void CheckKeys(List<string> errors)
        {
            CheckKeys(Topics, errors, "code", t => t.Code);
            CheckKeys(Sources, errors, "key", s => s.Key);
            CheckKeys(Organizations, errors, "key", o => o.Key);
            CheckKeys(Persons, errors, "key", p => p.Key);
            CheckKeys(Meetings, errors, "key", m => m.Key);
            CheckKeys(Agreements, errors, "key", a => a.Key);
        }

        public async Task CheckReferencesAsync(NpgsqlConnection connection, List<string> errors, CancellationToken cancellationToken)
        {
            var references = new References(connection, this, cancellationToken);
            foreach (var o in Organizations)
                await references.CheckAsync(errors, o.Where, "parentId", "organizations", o.Record.ParentId);
            foreach (var m in Meetings)
            {
                await references.CheckAsync(errors, m.Where, "parentMeetingId", "meetings", m.Record.ParentMeetingId);
                for (var i = 0; i < m.Record.TopicIds.Count; i++)
                    await references.CheckAsync(errors, m.Where, $"topicIds[{i}]", "topics", m.Record.TopicIds[i]);
                for (var i = 0; i < m.Record.SourceIds.Count; i++)
                    await references.CheckAsync(errors, m.Where, $"sourceIds[{i}]", "sources", m.Record.SourceIds[i]);
                var parties = new HashSet<string>();
                for (var i = 0; i < m.Record.Delegations.Count; i++)
                {
                    var d = m.Record.Delegations[i];
                    if (!parties.Add(DelegationKey(d)))
                        errors.Add($"{m.Where}: delegations[{i}]: the meeting already has a delegation of this role for this country and organisation.");
                    await references.CheckAsync(errors, m.Where, $"delegations[{i}].organizationId", "organizations", d.OrganizationId);
                    for (var j = 0; j < d.Members.Count; j++)
                    {
                        await references.CheckAsync(errors, m.Where, $"delegations[{i}].members[{j}].personId", "persons", d.Members[j].PersonId);
                        await references.CheckAsync(errors, m.Where, $"delegations[{i}].members[{j}].organizationId", "organizations", d.Members[j].OrganizationId);
                    }
                }
            }
            foreach (var a in Agreements)
            {
                for (var i = 0; i < a.Record.Parties.Count; i++)
                {
                    await references.CheckAsync(errors, a.Where, $"parties[{i}].organizationId", "organizations", a.Record.Parties[i].OrganizationId);
                    await references.CheckAsync(errors, a.Where, $"parties[{i}].personId", "persons", a.Record.Parties[i].PersonId);
                }
                for (var i = 0; i < a.Record.Meetings.Count; i++)
                    await references.CheckAsync(errors, a.Where, $"meetings[{i}].meetingId", "meetings", a.Record.Meetings[i].MeetingId);
                for (var i = 0; i < a.Record.SourceIds.Count; i++)
                    await references.CheckAsync(errors, a.Where, $"sourceIds[{i}]", "sources", a.Record.SourceIds[i]);
            }
            CheckAcyclic(Organizations, o => o.ParentId, "parentId", errors);
            CheckAcyclic(Meetings, m => m.ParentMeetingId, "parentMeetingId", errors);
        }

        public IEnumerable<Guid> IdsOf(string table) => table switch
        {
            "topics" => Topics.Select(t => t.Id),
            "sources" => Sources.Select(t => t.Id),
            "organizations" => Organizations.Select(t => t.Id),
            "persons" => Persons.Select(t => t.Id),
            "meetings" => Meetings.Select(t => t.Id),
            _ => throw new ArgumentOutOfRangeException(nameof(table)),
        };

        private static void CheckKeys<T>(List<Located<T>> records, List<string> errors, string field, Func<T, string?> keyOf)
        {
            var seen = new Dictionary<Guid, string>();
            foreach (var r in records)
            {
                var key = keyOf(r.Record);
                if (string.IsNullOrWhiteSpace(key) || key.Length > 200 || key.Any(char.IsWhiteSpace))
                    errors.Add($"{r.Where}: {field}: every record needs a {field} of up to 200 characters without spaces.");
                else if (!seen.TryAdd(r.Id, r.Where))
                    errors.Add($"{r.Where}: {field}: '{key}' is used twice; first at {seen[r.Id]}.");
            }
        }

        private static void CheckAcyclic<T>(List<Located<T>> records, Func<T, Guid?> parentOf, string field, List<string> errors)
        {
            var parents = records.ToDictionary(r => r.Id, r => parentOf(r.Record));
            foreach (var r in records)
            {
                var seen = new HashSet<Guid> { r.Id };
                for (var p = parentOf(r.Record); p is { } id && parents.TryGetValue(id, out var next); p = next)
                {
                    if (!seen.Add(id))
                    {
                        errors.Add($"{r.Where}: {field}: the parents form a cycle.");
                        break;
                    }
                }
            }
        }
    }

    private static async Task ValidateAsync<T, TRequest>(List<Located<T>> records, IValidator<TRequest> validator, List<string> errors, CancellationToken cancellationToken)
        where T : TRequest
    {
        foreach (var r in records)
        {
            var result = await validator.ValidateAsync(r.Record, cancellationToken);
            errors.AddRange(result.Errors.Select(e => $"{r.Where}: {Text.CamelCasePath(e.PropertyName)}: {e.ErrorMessage}"));
        }
    }

    /// <summary>Answers whether a referenced id is a seed record or already in the database.</summary>
    private sealed class References(NpgsqlConnection connection, SeedRecords records, CancellationToken cancellationToken)
    {
        private readonly Dictionary<string, HashSet<Guid>> _known = [];

        public async Task CheckAsync(List<string> errors, string where, string field, string table, Guid? id)
        {
            if (id is not { } value || value == Guid.Empty)
                return;
            if (!_known.TryGetValue(table, out var ids))
                _known[table] = ids = [.. records.IdsOf(table)];
            if (ids.Contains(value) || await ExistsAsync(table, value))
                return;
            errors.Add($"{where}: {field}: {SeedReferenceConverter.Describe(value)} is not a {table[..^1]} of any seed file, nor one in the database.");
        }

        private Task<bool> ExistsAsync(string table, Guid id)
        {
            // The table name comes from the fixed list in SeedRecords.IdsOf, never from input.
            var sql = table switch
            {
                "topics" => "SELECT EXISTS (SELECT 1 FROM topics WHERE id = @id)",
                "sources" => "SELECT EXISTS (SELECT 1 FROM sources WHERE id = @id)",
                "organizations" => "SELECT EXISTS (SELECT 1 FROM organizations WHERE id = @id)",
                "persons" => "SELECT EXISTS (SELECT 1 FROM persons WHERE id = @id)",
                "meetings" => "SELECT EXISTS (SELECT 1 FROM meetings WHERE id = @id)",
                _ => throw new ArgumentOutOfRangeException(nameof(table)),
            };
            return connection.ExecuteScalarAsync<bool>(new CommandDefinition(sql, new { id }, cancellationToken: cancellationToken));
        }
    }

    /// <summary>The stable identity of a delegation within its meeting: who it represents, in which role.</summary>
    private static string DelegationKey(DelegationRequest d) => $"{d.CountryCode}/{d.OrganizationId}/{d.Role}";

    private sealed record Located<T>(T Record, string Where, Guid Id);

    /// <summary>Upserts that leave identical rows alone and remove children a record no longer lists.</summary>
    private sealed class SeedWriter(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        private int _changed;

        public async Task<int> WriteAsync(SeedRecords records)
        {
            foreach (var t in records.Topics)
                await TopicAsync(t.Id, t.Record);
            foreach (var s in records.Sources)
                await SourceAsync(s.Id, s.Record);
            foreach (var o in ParentsFirst(records.Organizations, o => o.ParentId))
                await OrganizationAsync(o.Id, o.Record);
            foreach (var p in records.Persons)
                await PersonAsync(p.Id, p.Record);
            foreach (var m in ParentsFirst(records.Meetings, m => m.ParentMeetingId))
                await MeetingAsync(m.Id, m.Record);
            foreach (var a in records.Agreements)
                await AgreementAsync(a.Id, a.Record);
            return _changed;
        }

        private async Task ExecuteAsync(string sql, object parameters) =>
            _changed += await connection.ExecuteAsync(new CommandDefinition(sql, parameters, transaction, cancellationToken: cancellationToken));

        private Task TopicAsync(Guid id, TopicRequest t)
        {
            const string sql = """
                INSERT INTO topics AS x (id, code, label_en, label_ar)
                VALUES (@id, @Code, @LabelEn, @LabelAr)
                ON CONFLICT (id) DO UPDATE SET code = EXCLUDED.code, label_en = EXCLUDED.label_en, label_ar = EXCLUDED.label_ar
                WHERE (x.code, x.label_en, x.label_ar) IS DISTINCT FROM (EXCLUDED.code, EXCLUDED.label_en, EXCLUDED.label_ar)
                """;
            return ExecuteAsync(sql, new { id, t.Code, t.LabelEn, t.LabelAr });
        }

        private Task SourceAsync(Guid id, SourceRequest s)
        {
            const string sql = """
                INSERT INTO sources AS x (id, title, publisher, url, language, published_on, reference, notes)
                VALUES (@id, @Title, @Publisher, @Url, @Language, @PublishedOn, @Reference, @Notes)
                ON CONFLICT (id) DO UPDATE SET title = EXCLUDED.title, publisher = EXCLUDED.publisher, url = EXCLUDED.url,
                    language = EXCLUDED.language, published_on = EXCLUDED.published_on, reference = EXCLUDED.reference, notes = EXCLUDED.notes
                WHERE (x.title, x.publisher, x.url, x.language, x.published_on, x.reference, x.notes)
                    IS DISTINCT FROM (EXCLUDED.title, EXCLUDED.publisher, EXCLUDED.url, EXCLUDED.language, EXCLUDED.published_on, EXCLUDED.reference, EXCLUDED.notes)
                """;
            return ExecuteAsync(sql, new { id, s.Title, s.Publisher, s.Url, s.Language, s.PublishedOn, s.Reference, s.Notes });
        }

        private Task OrganizationAsync(Guid id, OrganizationRequest o)
        {
            const string sql = """
                INSERT INTO organizations AS x (id, name_en, name_ar, abbreviation, kind, country_code, parent_id)
                VALUES (@id, @NameEn, @NameAr, @Abbreviation, @Kind, @CountryCode, @ParentId)
                ON CONFLICT (id) DO UPDATE SET name_en = EXCLUDED.name_en, name_ar = EXCLUDED.name_ar, abbreviation = EXCLUDED.abbreviation,
                    kind = EXCLUDED.kind, country_code = EXCLUDED.country_code, parent_id = EXCLUDED.parent_id
                WHERE (x.name_en, x.name_ar, x.abbreviation, x.kind, x.country_code, x.parent_id)
                    IS DISTINCT FROM (EXCLUDED.name_en, EXCLUDED.name_ar, EXCLUDED.abbreviation, EXCLUDED.kind, EXCLUDED.country_code, EXCLUDED.parent_id)
                """;
            return ExecuteAsync(sql, new { id, o.NameEn, o.NameAr, o.Abbreviation, o.Kind, o.CountryCode, o.ParentId });
        }

        private async Task PersonAsync(Guid id, PersonRequest p)
        {
            const string sql = """
                INSERT INTO persons AS x (id, name_en, name_ar, notes)
                VALUES (@id, @NameEn, @NameAr, @Notes)
                ON CONFLICT (id) DO UPDATE SET name_en = EXCLUDED.name_en, name_ar = EXCLUDED.name_ar, notes = EXCLUDED.notes
                WHERE (x.name_en, x.name_ar, x.notes) IS DISTINCT FROM (EXCLUDED.name_en, EXCLUDED.name_ar, EXCLUDED.notes)
                """;
            const string removeAliases = """
                DELETE FROM person_aliases WHERE person_id = @id AND NOT (alias = ANY(@aliases))
                """;
            const string upsertAlias = """
                INSERT INTO person_aliases AS x (person_id, alias, language) VALUES (@id, @Alias, @Language)
                ON CONFLICT (person_id, alias) DO UPDATE SET language = EXCLUDED.language
                WHERE x.language IS DISTINCT FROM EXCLUDED.language
                """;
            await ExecuteAsync(sql, new { id, p.NameEn, p.NameAr, p.Notes });
            await ExecuteAsync(removeAliases, new { id, aliases = p.Aliases.Select(a => a.Alias!).ToArray() });
            foreach (var a in p.Aliases)
                await ExecuteAsync(upsertAlias, new { id, a.Alias, a.Language });
        }

        private async Task MeetingAsync(Guid id, SeedMeeting m)
        {
            const string sql = """
                INSERT INTO meetings AS x (id, title_en, title_ar, summary_en, summary_ar, start_date, start_date_precision,
                    end_date, end_date_precision, status, format, city_en, city_ar, country_code, latitude, longitude,
                    host_country_code, parent_meeting_id)
                VALUES (@id, @TitleEn, @TitleAr, @SummaryEn, @SummaryAr, @StartDate, @StartDatePrecision,
                    @EndDate, @EndDatePrecision, @Status, @Format, @CityEn, @CityAr, @CountryCode, @Latitude, @Longitude,
                    @HostCountryCode, @ParentMeetingId)
                ON CONFLICT (id) DO UPDATE SET title_en = EXCLUDED.title_en, title_ar = EXCLUDED.title_ar,
                    summary_en = EXCLUDED.summary_en, summary_ar = EXCLUDED.summary_ar, start_date = EXCLUDED.start_date,
                    start_date_precision = EXCLUDED.start_date_precision, end_date = EXCLUDED.end_date,
                    end_date_precision = EXCLUDED.end_date_precision, status = EXCLUDED.status, format = EXCLUDED.format,
                    city_en = EXCLUDED.city_en, city_ar = EXCLUDED.city_ar, country_code = EXCLUDED.country_code,
                    latitude = EXCLUDED.latitude, longitude = EXCLUDED.longitude, host_country_code = EXCLUDED.host_country_code,
                    parent_meeting_id = EXCLUDED.parent_meeting_id
                WHERE (x.title_en, x.title_ar, x.summary_en, x.summary_ar, x.start_date, x.start_date_precision, x.end_date,
                       x.end_date_precision, x.status, x.format, x.city_en, x.city_ar, x.country_code, x.latitude, x.longitude,
                       x.host_country_code, x.parent_meeting_id)
                    IS DISTINCT FROM (EXCLUDED.title_en, EXCLUDED.title_ar, EXCLUDED.summary_en, EXCLUDED.summary_ar,
                       EXCLUDED.start_date, EXCLUDED.start_date_precision, EXCLUDED.end_date, EXCLUDED.end_date_precision,
                       EXCLUDED.status, EXCLUDED.format, EXCLUDED.city_en, EXCLUDED.city_ar, EXCLUDED.country_code,
                       EXCLUDED.latitude, EXCLUDED.longitude, EXCLUDED.host_country_code, EXCLUDED.parent_meeting_id)
                """;
            const string removeTopics = """
                DELETE FROM meeting_topics WHERE meeting_id = @id AND NOT (topic_id = ANY(@ids))
                """;
            const string addTopics = """
                INSERT INTO meeting_topics (meeting_id, topic_id) SELECT @id, unnest(@ids) ON CONFLICT DO NOTHING
                """;
            const string removeSources = """
                DELETE FROM meeting_sources WHERE meeting_id = @id AND NOT (source_id = ANY(@ids))
                """;
            const string addSources = """
                INSERT INTO meeting_sources (meeting_id, source_id) SELECT @id, unnest(@ids) ON CONFLICT DO NOTHING
                """;
            const string removeDelegations = """
                DELETE FROM delegations WHERE meeting_id = @id AND NOT (id = ANY(@ids))
                """;

            await ExecuteAsync(sql, new
            {
                id, m.TitleEn, m.TitleAr, m.SummaryEn, m.SummaryAr, m.StartDate, m.StartDatePrecision, m.EndDate, m.EndDatePrecision,
                m.Status, m.Format, m.CityEn, m.CityAr, m.CountryCode, m.Latitude, m.Longitude, m.HostCountryCode, m.ParentMeetingId,
            });
            await ExecuteAsync(removeTopics, new { id, ids = m.TopicIds.ToArray() });
            await ExecuteAsync(addTopics, new { id, ids = m.TopicIds.ToArray() });
            await ExecuteAsync(removeSources, new { id, ids = m.SourceIds.ToArray() });
            await ExecuteAsync(addSources, new { id, ids = m.SourceIds.ToArray() });

            var delegations = m.Delegations.Select(d => (Id: StableId.For(SeedKinds.Delegation, $"{m.Key}/{DelegationKey(d)}"), Delegation: d)).ToList();
            await ExecuteAsync(removeDelegations, new { id, ids = delegations.Select(d => d.Id).ToArray() });
            foreach (var (delegationId, d) in delegations)
                await DelegationAsync(delegationId, id, d);
        }

        private async Task DelegationAsync(Guid id, Guid meetingId, DelegationRequest d)
        {
            const string sql = """
                INSERT INTO delegations AS x (id, meeting_id, role, country_code, organization_id)
                VALUES (@id, @meetingId, @Role, @CountryCode, @OrganizationId)
                ON CONFLICT (id) DO UPDATE SET meeting_id = EXCLUDED.meeting_id, role = EXCLUDED.role,
                    country_code = EXCLUDED.country_code, organization_id = EXCLUDED.organization_id
                WHERE (x.meeting_id, x.role, x.country_code, x.organization_id)
                    IS DISTINCT FROM (EXCLUDED.meeting_id, EXCLUDED.role, EXCLUDED.country_code, EXCLUDED.organization_id)
                """;
            const string removeMembers = """
                DELETE FROM delegation_members WHERE delegation_id = @id AND NOT (person_id = ANY(@ids))
                """;
            // Heads are cleared first so that moving the head to another member never meets the one-head index half-way.
            const string clearHeads = """
                UPDATE delegation_members SET is_head = false
                WHERE delegation_id = @id AND is_head AND person_id IS DISTINCT FROM @headId
                """;
            const string upsertMember = """
                INSERT INTO delegation_members AS x (delegation_id, person_id, position, is_head, title_en, title_ar, rank_en, rank_ar, organization_id)
                VALUES (@id, @PersonId, @position, @IsHead, @TitleEn, @TitleAr, @RankEn, @RankAr, @OrganizationId)
                ON CONFLICT (delegation_id, person_id) DO UPDATE SET position = EXCLUDED.position, is_head = EXCLUDED.is_head,
                    title_en = EXCLUDED.title_en, title_ar = EXCLUDED.title_ar, rank_en = EXCLUDED.rank_en, rank_ar = EXCLUDED.rank_ar,
                    organization_id = EXCLUDED.organization_id
                WHERE (x.position, x.is_head, x.title_en, x.title_ar, x.rank_en, x.rank_ar, x.organization_id)
                    IS DISTINCT FROM (EXCLUDED.position, EXCLUDED.is_head, EXCLUDED.title_en, EXCLUDED.title_ar, EXCLUDED.rank_en,
                       EXCLUDED.rank_ar, EXCLUDED.organization_id)
                """;
            await ExecuteAsync(sql, new { id, meetingId, d.Role, d.CountryCode, d.OrganizationId });
            await ExecuteAsync(removeMembers, new { id, ids = d.Members.Select(x => x.PersonId!.Value).ToArray() });
            await ExecuteAsync(clearHeads, new { id, headId = d.Members.FirstOrDefault(x => x.IsHead)?.PersonId });
            for (var position = 0; position < d.Members.Count; position++)
            {
                var x = d.Members[position];
                await ExecuteAsync(upsertMember, new { id, x.PersonId, position, x.IsHead, x.TitleEn, x.TitleAr, x.RankEn, x.RankAr, x.OrganizationId });
            }
        }

        private async Task AgreementAsync(Guid id, AgreementRequest a)
        {
            const string sql = """
                INSERT INTO agreements AS x (id, title_en, title_ar, summary_en, summary_ar, kind, status, date, date_precision)
                VALUES (@id, @TitleEn, @TitleAr, @SummaryEn, @SummaryAr, @Kind, @Status, @Date, @DatePrecision)
                ON CONFLICT (id) DO UPDATE SET title_en = EXCLUDED.title_en, title_ar = EXCLUDED.title_ar,
                    summary_en = EXCLUDED.summary_en, summary_ar = EXCLUDED.summary_ar, kind = EXCLUDED.kind,
                    status = EXCLUDED.status, date = EXCLUDED.date, date_precision = EXCLUDED.date_precision
                WHERE (x.title_en, x.title_ar, x.summary_en, x.summary_ar, x.kind, x.status, x.date, x.date_precision)
                    IS DISTINCT FROM (EXCLUDED.title_en, EXCLUDED.title_ar, EXCLUDED.summary_en, EXCLUDED.summary_ar,
                       EXCLUDED.kind, EXCLUDED.status, EXCLUDED.date, EXCLUDED.date_precision)
                """;
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

            await ExecuteAsync(sql, new { id, a.TitleEn, a.TitleAr, a.SummaryEn, a.SummaryAr, a.Kind, a.Status, a.Date, a.DatePrecision });
            await ExecuteAsync(removeParties, new { id, count = a.Parties.Count });
            for (var position = 0; position < a.Parties.Count; position++)
            {
                var p = a.Parties[position];
                await ExecuteAsync(upsertParty, new { id, position, p.Role, p.CountryCode, p.OrganizationId, p.PersonId });
            }
            await ExecuteAsync(removeMeetings, new
            {
                id,
                meetingIds = a.Meetings.Select(l => l.MeetingId!.Value).ToArray(),
                linkKinds = a.Meetings.Select(l => l.LinkKind!).ToArray(),
            });
            foreach (var link in a.Meetings)
                await ExecuteAsync(addMeeting, new { id, link.MeetingId, link.LinkKind });
            await ExecuteAsync(removeSources, new { id, ids = a.SourceIds.ToArray() });
            await ExecuteAsync(addSources, new { id, ids = a.SourceIds.ToArray() });
        }

        /// <summary>Orders records so that every parent is written before its children.</summary>
        private static IEnumerable<Located<T>> ParentsFirst<T>(List<Located<T>> records, Func<T, Guid?> parentOf)
        {
            var byId = records.ToDictionary(r => r.Id);
            var done = new HashSet<Guid>();
            var ordered = new List<Located<T>>();
            void Visit(Located<T> r)
            {
                if (!done.Add(r.Id))
                    return;
                if (parentOf(r.Record) is { } parentId && byId.TryGetValue(parentId, out var parent))
                    Visit(parent);
                ordered.Add(r);
            }
            records.ForEach(Visit);
            return ordered;
        }
    }
}
