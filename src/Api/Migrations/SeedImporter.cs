using System.Text.Json;
using Api.Agreements;
using Api.Meetings;
using Api.Organizations;
using Api.Persons;
using Api.Sources;
using Api.Topics;
using FluentValidation;
using Npgsql;

namespace Api.Migrations;

/// <summary>
/// Imports every seed file of a folder in one transaction. Each record is checked by the validator the
/// API uses for the same body, and every reference must resolve; one problem anywhere means nothing is
/// written. Records are created or updated by their stable ids through the stores the API writes with,
/// each change logged as made by "seed import"; a record that already holds the same values is left
/// untouched, so a second run changes nothing. Records corrected or retired over the API since are left
/// as the curators left them.
/// </summary>
public sealed class SeedImporter(
    IValidator<TopicRequest> topicValidator,
    IValidator<SourceRequest> sourceValidator,
    IValidator<OrganizationRequest> organizationValidator,
    IValidator<PersonRequest> personValidator,
    IValidator<MeetingRequest> meetingValidator,
    IValidator<AgreementRequest> agreementValidator,
    TopicStore topics,
    SourceStore sources,
    OrganizationStore organizations,
    PersonStore persons,
    MeetingStore meetings,
    AgreementStore agreements,
    RecordResources resources,
    ILogger<SeedImporter> logger)
{
    /// <summary>Who the change log names for what the import writes.</summary>
    public const string Actor = "seed import";

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
        if (errors.Count > 0)
            throw Problems(errors);

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var db = new DbSession(connection, transaction, cancellationToken, ownsConnection: false);
        var curated = await records.LeaveOutCuratedAsync(db);
        if (curated > 0)
            logger.LogInformation("Left {Count} seed record(s) as they are: they were corrected or retired over the API since their import", curated);
        // References are followed only through records that passed validation (no null lists to walk).
        await records.CheckReferencesAsync(db, new Stores(organizations, meetings, agreements), resources, errors);
        if (errors.Count > 0)
            throw Problems(errors);

        var changed = 0;
        async Task SaveAll<TDoc, T>(IRecordStore<TDoc> store, IEnumerable<Located<T>> located) where T : TDoc where TDoc : class
        {
            foreach (var r in located)
            {
                var result = await RecordWriter.SaveAsync<TDoc>(db, store, r.Id, r.Record, Actor);
                if (result.Outcome == WriteOutcome.Invalid)
                    throw Problems(result.Errors.Select(e => $"{r.Where}: {e.Field}: {e.Message}").ToList());
                if (result.Outcome != WriteOutcome.Unchanged)
                    changed++;
            }
        }
        await SaveAll(topics, records.Topics);
        await SaveAll(sources, records.Sources);
        await SaveAll(organizations, ParentsFirst(records.Organizations, o => o.ParentId));
        await SaveAll(persons, records.Persons);
        await SaveAll(meetings, ParentsFirst(records.Meetings, m => m.ParentMeetingId).Select(m => m with { Record = m.Record.WithDelegationIds() }));
        await SaveAll(agreements, records.Agreements);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Imported {Files} seed file(s): {Changed} record(s) created or updated", files.Count, changed);
        return changed;
    }

    private static MigrationException Problems(List<string> errors) =>
        new($"The seed files have {errors.Count} problem(s); nothing was imported:{Environment.NewLine}  " +
            string.Join(Environment.NewLine + "  ", errors.Take(100)));

    private sealed record Stores(OrganizationStore Organizations, MeetingStore Meetings, AgreementStore Agreements);

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

        public async Task CheckReferencesAsync(DbSession db, Stores stores, RecordResources resources, List<string> errors)
        {
            var references = new References(db, this, resources);
            foreach (var o in Organizations)
                await references.CheckAsync(errors, o.Where, stores.Organizations.References(o.Record));
            foreach (var m in Meetings)
                await references.CheckAsync(errors, m.Where, stores.Meetings.References(m.Record));
            foreach (var a in Agreements)
                await references.CheckAsync(errors, a.Where, stores.Agreements.References(a.Record));
            CheckAcyclic(Organizations, o => o.ParentId, "parentId", errors);
            CheckAcyclic(Meetings, m => m.ParentMeetingId, "parentMeetingId", errors);
        }

        /// <summary>
        /// Leaves out the records that were corrected or retired over the API since the import last wrote them:
        /// the curators' word is the latest, and an import must neither undo a correction nor bring back what they retired.
        /// </summary>
        public async Task<int> LeaveOutCuratedAsync(DbSession db)
        {
            var count = 0;
            async Task LeaveOut<T>(List<Located<T>> records, string resource)
            {
                var curated = await ChangeLog.CuratedAsync(db, resource, records.Select(r => r.Id).ToList(), Actor);
                count += records.RemoveAll(r => curated.Contains(r.Id));
            }
            await LeaveOut(Topics, "topics");
            await LeaveOut(Sources, "sources");
            await LeaveOut(Organizations, "organizations");
            await LeaveOut(Persons, "persons");
            await LeaveOut(Meetings, "meetings");
            await LeaveOut(Agreements, "agreements");
            return count;
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
            errors.AddRange(result.Errors.Select(e => $"{r.Where}: {FieldError.CamelCase(e.PropertyName)}: {e.ErrorMessage}"));
        }
    }

    /// <summary>Answers whether a referenced id is a seed record or already in the database.</summary>
    private sealed class References(DbSession db, SeedRecords records, RecordResources resources)
    {
        private readonly Dictionary<string, HashSet<Guid>> _known = [];

        public async Task CheckAsync(List<string> errors, string where, IEnumerable<Reference> references)
        {
            foreach (var (field, table, value) in references)
            {
                if (value == Guid.Empty)
                    continue;
                if (!_known.TryGetValue(table, out var ids))
                    _known[table] = ids = [.. records.IdsOf(table)];
                if (ids.Contains(value) || await ExistsAsync(table, value))
                    continue;
                errors.Add($"{where}: {field}: {SeedReferenceConverter.Describe(value)} is not a {resources[table].Singular} of any seed file, nor one in the database.");
            }
        }

        private async Task<bool> ExistsAsync(string table, Guid id) =>
            (await db.QueryAsync<Guid>(resources[table].ExistingIdsSql, new { ids = new[] { id } })).Count > 0;
    }

    private sealed record Located<T>(T Record, string Where, Guid Id);

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
