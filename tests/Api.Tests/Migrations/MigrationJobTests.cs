using Api.Migrations;
using Api.Tests.Fixtures;
using Dapper;
using Npgsql;

namespace Api.Tests.Migrations;

/// <summary>The migration job, run as operators run it: on empty databases, twice, at once, and on bad input.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class MigrationJobTests(DbFixture db) : IDisposable
{
    private readonly List<string> _folders = [];

    public void Dispose()
    {
        foreach (var folder in _folders)
            Directory.Delete(folder, recursive: true);
    }

    private static readonly string[] SeedTables =
        ["topics", "sources", "organizations", "persons", "person_aliases", "meetings", "meeting_topics", "meeting_sources",
         "delegations", "delegation_members", "agreements", "agreement_parties", "agreement_meetings", "agreement_sources"];

    private static int MigrationFileCount => Directory.GetFiles(Path.Combine(DbFixture.DbDirectory, "migrations"), "*.sql").Length;

    [Fact]
    public async Task An_empty_database_is_migrated_and_seeded()
    {
        var cs = await db.CreateDatabaseAsync();

        var result = await DbFixture.RunJobAsync(cs);

        Assert.Equal(MigrationFileCount, result.AppliedMigrations.Count);
        await using var connection = new NpgsqlConnection(cs);
        Assert.Equal(MigrationFileCount, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM schema_migrations WHERE length(checksum) = 64"));
        Assert.Equal(3, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM meetings"));
        Assert.Equal(8, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM persons"));
        Assert.Equal(4, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM agreements"));
        Assert.True(await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM countries") >= 249);
    }

    [Fact]
    public async Task A_second_run_changes_nothing()
    {
        var cs = await db.CreateDatabaseAsync();
        await DbFixture.RunJobAsync(cs);
        var before = await SnapshotAsync(cs);

        var second = await DbFixture.RunJobAsync(cs);

        Assert.Empty(second.AppliedMigrations);
        Assert.Equal(0, second.ChangedSeedRecords);
        // xmin is part of the snapshot: not one row was even rewritten with the same values.
        Assert.Equal(before, await SnapshotAsync(cs));
    }

    [Fact]
    public async Task Two_jobs_started_at_once_both_succeed_and_apply_each_migration_once()
    {
        var cs = await db.CreateDatabaseAsync();

        var results = await Task.WhenAll(
            Task.Run(() => DbFixture.RunJobAsync(cs)),
            Task.Run(() => DbFixture.RunJobAsync(cs)));

        Assert.Equal(MigrationFileCount, results.Sum(r => r.AppliedMigrations.Count));
        Assert.Contains(results, r => r.AppliedMigrations.Count == 0 && r.ChangedSeedRecords == 0);
        await using var connection = new NpgsqlConnection(cs);
        Assert.Equal(MigrationFileCount, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM schema_migrations"));
        Assert.Equal(3, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM meetings"));
    }

    [Fact]
    public async Task An_invalid_seed_record_writes_nothing_and_names_the_file_the_record_and_the_field()
    {
        var folder = CopyDbFolder();
        await File.WriteAllTextAsync(Path.Combine(folder, "seed", "zz_bad.json"), """
            {
              "meetings": [
                {
                  "key": "backwards-meeting",
                  "titleEn": "A meeting that ends before it starts",
                  "startDate": "2020-05-10", "startDatePrecision": "day",
                  "endDate": "2020-05-01", "endDatePrecision": "day",
                  "status": "held", "format": "bilateral"
                }
              ]
            }
            """);
        var cs = await db.CreateDatabaseAsync();

        var error = await Assert.ThrowsAsync<MigrationException>(() => DbFixture.RunJobAsync(cs, folder));

        Assert.Contains("zz_bad.json", error.Message);
        Assert.Contains("backwards-meeting", error.Message);
        Assert.Contains("endDate", error.Message);
        await using var connection = new NpgsqlConnection(cs);
        foreach (var table in SeedTables)
            Assert.Equal(0, await connection.ExecuteScalarAsync<int>($"SELECT count(*) FROM {table}"));
    }

    [Fact]
    public async Task A_reference_to_an_undefined_person_is_refused_with_the_field_named()
    {
        var folder = CopyDbFolder();
        var seedFile = Path.Combine(folder, "seed", "000_7ddc211bad6feb31.json");
        var text = await File.ReadAllTextAsync(seedFile);
        await File.WriteAllTextAsync(seedFile, ReplaceFirst(text, "\"person:nasser-al-ajili\"", "\"person:nobody-by-this-key\""));
        var cs = await db.CreateDatabaseAsync();
        await DbFixture.RunJobAsync(cs);
        var before = await SnapshotAsync(cs);

        var error = await Assert.ThrowsAsync<MigrationException>(() => DbFixture.RunJobAsync(cs, folder));

        Assert.Contains("000_7ddc211bad6feb31.json", error.Message);
        Assert.Contains("iom-roundtable-border-security-migration-niamey-2019-01", error.Message);
        Assert.Contains("members[5].personId", error.Message);
        Assert.Contains("'person:nobody-by-this-key'", error.Message);
        Assert.Equal(before, await SnapshotAsync(cs));
    }

    [Theory]
    [InlineData("""{ "persons": [ null ] }""", "persons[0]")]
    [InlineData("""{ "topics": null }""", "topics")]
    [InlineData("""{ "meetings": [ { "key": "m", "titleEn": "M", "startDate": "2020-01-01", "startDatePrecision": "day", "status": "held", "format": "call", "delegations": [ { "role": "host", "countryCode": "NER", "members": [ null ] } ] } ] }""", "delegations[0].members[0]")]
    public async Task A_null_where_a_record_belongs_is_refused_without_a_crash(string json, string field)
    {
        var folder = CopyDbFolder();
        await File.WriteAllTextAsync(Path.Combine(folder, "seed", "zz_nulls.json"), json);
        var cs = await db.CreateDatabaseAsync();

        var error = await Assert.ThrowsAsync<MigrationException>(() => DbFixture.RunJobAsync(cs, folder));

        Assert.Contains("zz_nulls.json", error.Message);
        Assert.Contains(field, error.Message);
    }

    [Fact]
    public async Task An_unknown_property_in_a_seed_file_is_refused()
    {
        var folder = CopyDbFolder();
        await File.WriteAllTextAsync(Path.Combine(folder, "seed", "zz_typo.json"), """
            { "persons": [ { "key": "someone", "nameEn": "Someone", "nmeAr": "أحد" } ] }
            """);
        var cs = await db.CreateDatabaseAsync();

        var error = await Assert.ThrowsAsync<MigrationException>(() => DbFixture.RunJobAsync(cs, folder));

        Assert.Contains("zz_typo.json", error.Message);
        Assert.Contains("nmeAr", error.Message);
    }

    [Fact]
    public async Task Editing_a_seed_record_and_running_again_updates_that_record_in_place()
    {
        var folder = CopyDbFolder();
        var cs = await db.CreateDatabaseAsync();
        await DbFixture.RunJobAsync(cs, folder);
        await using var connection = new NpgsqlConnection(cs);
        const string meetingSql = "SELECT id, title_en FROM meetings WHERE start_date = '2019-01-29'";
        var (id, _) = await connection.QuerySingleAsync<(Guid, string)>(meetingSql);

        var seedFile = Path.Combine(folder, "seed", "000_7ddc211bad6feb31.json");
        var text = await File.ReadAllTextAsync(seedFile);
        text = text.Replace("meets Niger's interior minister Mohamed Bazoum in Niamey", "meets Mohamed Bazoum (corrected title)");
        await File.WriteAllTextAsync(seedFile, text);
        var result = await DbFixture.RunJobAsync(cs, folder);

        Assert.True(result.ChangedSeedRecords > 0);
        var (sameId, title) = await connection.QuerySingleAsync<(Guid, string)>(meetingSql);
        Assert.Equal(id, sameId);
        Assert.Equal("Libyan interior undersecretary Khaled Mazen meets Mohamed Bazoum (corrected title)", title);
        Assert.Equal(3, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM meetings"));
    }

    [Fact]
    public async Task A_member_removed_from_a_seed_delegation_is_removed_from_the_database()
    {
        var folder = CopyDbFolder();
        var cs = await db.CreateDatabaseAsync();
        await DbFixture.RunJobAsync(cs, folder);
        await using var connection = new NpgsqlConnection(cs);
        const string countSql = """
            SELECT count(*) FROM delegation_members dm JOIN delegations d ON d.id = dm.delegation_id
            JOIN meetings m ON m.id = d.meeting_id WHERE m.start_date = '2019-01-29'
            """;
        Assert.Equal(7, await connection.ExecuteScalarAsync<int>(countSql));

        var seedFile = Path.Combine(folder, "seed", "000_7ddc211bad6feb31.json");
        var lines = (await File.ReadAllLinesAsync(seedFile)).ToList();
        var last = lines.FindLastIndex(l => l.Contains("\"personId\": \"person:nasser-al-ajili\""));
        lines.RemoveAt(last);
        lines[last - 1] = lines[last - 1].TrimEnd().TrimEnd(',');
        await File.WriteAllLinesAsync(seedFile, lines);
        await DbFixture.RunJobAsync(cs, folder);

        Assert.Equal(6, await connection.ExecuteScalarAsync<int>(countSql));
    }

    [Fact]
    public async Task A_changed_applied_migration_is_refused_by_name()
    {
        var folder = CopyDbFolder();
        var cs = await db.CreateDatabaseAsync();
        await DbFixture.RunJobAsync(cs, folder);
        var migration = Path.Combine(folder, "migrations", "0003_create_topics_and_sources.sql");
        await File.AppendAllTextAsync(migration, "\n-- an edit after the fact\n");

        var error = await Assert.ThrowsAsync<MigrationException>(() => DbFixture.RunJobAsync(cs, folder));

        Assert.Contains("0003_create_topics_and_sources.sql", error.Message);
        Assert.Contains("changed", error.Message);
    }

    [Fact]
    public async Task The_migrate_command_exits_non_zero_on_a_bad_seed_and_zero_when_all_is_well()
    {
        var folder = CopyDbFolder();
        await File.WriteAllTextAsync(Path.Combine(folder, "seed", "zz_broken.json"), "{ \"persons\": [ { \"key\": ");
        var cs = await db.CreateDatabaseAsync();

        var failed = await MigrationJob.RunAsync([$"--ConnectionStrings:Db={cs}", $"--Migrations:Directory={folder}"]);
        var succeeded = await MigrationJob.RunAsync([$"--ConnectionStrings:Db={cs}", $"--Migrations:Directory={DbFixture.DbDirectory}"]);

        Assert.NotEqual(0, failed);
        Assert.Equal(0, succeeded);
    }

    [Fact]
    public async Task Infinite_dates_stored_before_they_were_refused_become_unknown_and_none_can_be_stored_after()
    {
        // The database as it stood before migration 0022, with the infinite dates Npgsql made of 0001-01-01 and 9999-12-31.
        var folder = CopyDbFolder();
        var finiteDates = Path.Combine(folder, "migrations", "0022_finite_dates.sql");
        var migration = await File.ReadAllTextAsync(finiteDates);
        File.Delete(finiteDates);
        var cs = await db.CreateDatabaseAsync();
        await DbFixture.RunJobAsync(cs, folder);
        var (agreement, source) = (Guid.NewGuid(), Guid.NewGuid());
        const string infinite = """
            INSERT INTO agreements (id, title_en, kind, status, date, date_precision) VALUES (@agreement, 'Old protocol', 'protocol', 'signed', '-infinity', 'day');
            INSERT INTO sources (id, title, published_on) VALUES (@source, 'Old report', 'infinity');
            """;
        await using var connection = new NpgsqlConnection(cs);
        await connection.ExecuteAsync(infinite, new { agreement, source });

        await File.WriteAllTextAsync(finiteDates, migration);
        var result = await DbFixture.RunJobAsync(cs, folder);

        Assert.Equal(["0022_finite_dates.sql"], result.AppliedMigrations.Select(Path.GetFileName));
        Assert.Equal((null, null), await connection.QuerySingleAsync<(DateTime?, string?)>("SELECT date, date_precision FROM agreements WHERE id = @agreement", new { agreement }));
        Assert.Null(await connection.ExecuteScalarAsync<DateTime?>("SELECT published_on FROM sources WHERE id = @source", new { source }));
        var refused = await Assert.ThrowsAsync<PostgresException>(() => connection.ExecuteAsync("UPDATE agreements SET date = 'infinity', date_precision = 'day' WHERE id = @agreement", new { agreement }));
        Assert.Equal(PostgresErrorCodes.CheckViolation, refused.SqlState);
    }

    [Fact]
    public async Task A_migration_that_fails_on_an_empty_database_leaves_it_empty_and_the_next_run_succeeds()
    {
        var folder = CopyDbFolder();
        var broken = Path.Combine(folder, "migrations", "9999_add_broken_column.sql");
        await File.WriteAllTextAsync(broken, "ALTER TABLE meetings ADD COLUMN venue text REFERENCES no_such_table (id);\n");
        var cs = await db.CreateDatabaseAsync();

        var error = await Assert.ThrowsAsync<MigrationException>(() => DbFixture.RunJobAsync(cs, folder));

        Assert.Contains("9999_add_broken_column.sql", error.Message);
        await using var connection = new NpgsqlConnection(cs);
        const string tables = "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'";
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>(tables));
        File.Delete(broken);
        Assert.Equal(MigrationFileCount, (await DbFixture.RunJobAsync(cs, folder)).AppliedMigrations.Count);
    }

    [Fact]
    public async Task A_migration_marked_to_run_outside_a_transaction_builds_an_index_concurrently_after_the_others()
    {
        // Named before the migration that makes its table, it still runs after it: outside a transaction comes last.
        var folder = CopyDbFolder();
        await File.WriteAllTextAsync(Path.Combine(folder, "migrations", "9000_index_notes.sql"), $"""
            {MigrationRunner.OutsideTransaction}
            -- Run again from the start after a failure: an index a failed build left behind goes first.
            DROP INDEX CONCURRENTLY IF EXISTS ix_notes_text;
            CREATE INDEX CONCURRENTLY ix_notes_text ON notes (text);
            """);
        await File.WriteAllTextAsync(Path.Combine(folder, "migrations", "9001_create_notes.sql"), "CREATE TABLE notes (id int PRIMARY KEY, text text);\n");
        var cs = await db.CreateDatabaseAsync();
        await DbFixture.RunJobAsync(cs);

        var result = await DbFixture.RunJobAsync(cs, folder);

        Assert.Equal(["9001_create_notes.sql", "9000_index_notes.sql"], result.AppliedMigrations);
        await using var connection = new NpgsqlConnection(cs);
        const string valid = "SELECT i.indisvalid FROM pg_index i WHERE i.indexrelid = 'ix_notes_text'::regclass";
        Assert.True(await connection.ExecuteScalarAsync<bool>(valid));
        Assert.Empty((await DbFixture.RunJobAsync(cs, folder)).AppliedMigrations);
    }

    /// <summary>Every row of every seed table with its xmin, so that even a rewrite with equal values shows.</summary>
    private static async Task<string> SnapshotAsync(string cs)
    {
        await using var connection = new NpgsqlConnection(cs);
        var parts = new List<string>();
        foreach (var table in SeedTables)
            parts.Add(await connection.ExecuteScalarAsync<string>($"SELECT coalesce(string_agg(t.xmin::text || ':' || t::text, '|' ORDER BY t::text), '') FROM {table} t") ?? "");
        return string.Join('\n', parts);
    }

    private string CopyDbFolder()
    {
        var target = Directory.CreateTempSubdirectory("api-tests-db-").FullName;
        _folders.Add(target);
        foreach (var file in Directory.GetFiles(DbFixture.DbDirectory, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(DbFixture.DbDirectory, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
        return target;
    }

    private static string ReplaceFirst(string text, string old, string replacement)
    {
        var i = text.IndexOf(old, StringComparison.Ordinal);
        Assert.True(i >= 0, $"'{old}' is not in the seed file");
        return text[..i] + replacement + text[(i + old.Length)..];
    }
}
