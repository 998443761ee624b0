using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Dapper;
using Npgsql;

namespace Api.Migrations;

/// <summary>
/// Applies the forward-only SQL migrations of a folder in name order and journals each with a checksum in
/// <c>schema_migrations</c>. The caller holds the job's lock. On an empty database every migration runs in one
/// transaction, so that a failure leaves it empty; on a migrated one each runs in its own. A migration whose first line
/// is <see cref="OutsideTransaction"/> (CREATE INDEX CONCURRENTLY cannot run in one) runs after the others, one
/// statement at a time, each statement ending its line with <c>;</c>; it is journalled once all have run, so one that
/// failed runs again from its start the next time, and is written to be run again (DROP … IF EXISTS before CREATE).
/// </summary>
public static partial class MigrationRunner
{
    /// <summary>The first line of a migration that runs outside a transaction.</summary>
    public const string OutsideTransaction = "-- migration: outside a transaction";

    private sealed record Migration(string Name, string Sql, string Checksum)
    {
        public bool InTransaction { get; } = !Sql.StartsWith(OutsideTransaction, StringComparison.Ordinal);
    }

    public static async Task<IReadOnlyList<string>> ApplyAsync(NpgsqlConnection connection, string directory, ILogger logger, CancellationToken cancellationToken)
    {
        const string createJournal = """
            CREATE TABLE IF NOT EXISTS schema_migrations (
                name       text PRIMARY KEY,
                checksum   text NOT NULL,
                applied_at timestamptz NOT NULL DEFAULT now()
            )
            """;
        const string selectJournal = """
            SELECT name, checksum FROM schema_migrations
            """;

        if (!Directory.Exists(directory))
            throw new MigrationException($"The migrations folder {directory} does not exist.");

        var migrations = new List<Migration>();
        foreach (var path in Directory.GetFiles(directory, "*.sql").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(path);
            if (!MigrationName().IsMatch(name))
                throw new MigrationException($"Migration {name} is not named NNNN_verb_object.sql.");
            // Line endings are normalised so that a checkout with CRLF does not count as a change.
            var sql = (await File.ReadAllTextAsync(path, cancellationToken)).ReplaceLineEndings("\n");
            migrations.Add(new Migration(name, sql, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sql)))));
        }

        var journalled = await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT to_regclass('public.schema_migrations') IS NOT NULL", cancellationToken: cancellationToken));
        var applied = journalled
            ? (await connection.QueryAsync<(string Name, string Checksum)>(new CommandDefinition(selectJournal, cancellationToken: cancellationToken)))
                .ToDictionary(r => r.Name, r => r.Checksum)
            : [];
        foreach (var migration in migrations)
        {
            if (applied.TryGetValue(migration.Name, out var appliedChecksum) && appliedChecksum != migration.Checksum)
                throw new MigrationException(
                    $"Migration {migration.Name} has changed since it was applied (checksum {appliedChecksum[..12]}… then, {migration.Checksum[..12]}… now). " +
                    "Applied migrations never change: restore the file and add a new migration instead.");
        }
        var pending = migrations.Where(m => !applied.ContainsKey(m.Name)).ToList();
        var inTransaction = pending.Where(m => m.InTransaction).ToList();

        // An empty database: the journal and every migration in one transaction.
        if (applied.Count == 0)
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await connection.ExecuteAsync(new CommandDefinition(createJournal, transaction: transaction, cancellationToken: cancellationToken));
            foreach (var migration in inTransaction)
                await RunAsync(connection, transaction, migration, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            foreach (var migration in inTransaction)
                logger.LogInformation("Applied migration {Migration}", migration.Name);
        }
        else
        {
            foreach (var migration in inTransaction)
            {
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                await RunAsync(connection, transaction, migration, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                // Logged as each commits, so that a later failure leaves the log saying which were applied.
                logger.LogInformation("Applied migration {Migration}", migration.Name);
            }
        }

        var outside = pending.Where(m => !m.InTransaction).ToList();
        foreach (var migration in outside)
        {
            await RunAsync(connection, null, migration, cancellationToken);
            logger.LogInformation("Applied migration {Migration} (outside a transaction)", migration.Name);
        }
        return [.. inTransaction.Select(m => m.Name), .. outside.Select(m => m.Name)];
    }

    /// <summary>Runs a migration and journals it: in <paramref name="transaction"/>, or outside any, statement by statement.</summary>
    private static async Task RunAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, Migration migration, CancellationToken cancellationToken)
    {
        const string insertJournal = """
            INSERT INTO schema_migrations (name, checksum) VALUES (@Name, @Checksum)
            """;
        // Outside a transaction each statement is sent alone: several in one command would make an implicit transaction.
        var statements = transaction is null ? Statements(migration.Sql) : [migration.Sql];
        foreach (var statement in statements)
        {
            try
            {
                // No command timeout: a migration that rewrites or indexes a big table takes minutes (0013 fills its
                // vocabulary from a million documents), and the job runs alone under its lock.
                await connection.ExecuteAsync(new CommandDefinition(statement, transaction: transaction, commandTimeout: 0, cancellationToken: cancellationToken));
            }
            catch (PostgresException e)
            {
                throw new MigrationException($"Migration {migration.Name} failed: {e.MessageText} (SQLSTATE {e.SqlState}).", e);
            }
        }
        await connection.ExecuteAsync(new CommandDefinition(insertJournal, new { migration.Name, migration.Checksum }, transaction, cancellationToken: cancellationToken));
    }

    /// <summary>The statements of a migration that runs outside a transaction: each ends its line with a semicolon.</summary>
    private static List<string> Statements(string sql)
    {
        var statements = new List<string>();
        var current = new StringBuilder();
        foreach (var line in sql.Split('\n'))
        {
            current.AppendLine(line);
            if (line.TrimEnd().EndsWith(';'))
            {
                statements.Add(current.ToString());
                current.Clear();
            }
        }
        if (current.ToString().Split('\n').Any(l => l.Trim().Length > 0 && !l.TrimStart().StartsWith("--", StringComparison.Ordinal)))
            statements.Add(current.ToString());
        return statements;
    }

    [GeneratedRegex(@"^\d{4}_[a-z0-9_]+\.sql$")]
    private static partial Regex MigrationName();
}
