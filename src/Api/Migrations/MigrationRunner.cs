using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Dapper;
using Npgsql;

namespace Api.Migrations;

/// <summary>
/// Applies the forward-only SQL migrations of a folder in name order, each in its own transaction,
/// and journals each with a checksum in <c>schema_migrations</c>. The caller holds the job's lock.
/// </summary>
public static partial class MigrationRunner
{
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
        const string insertJournal = """
            INSERT INTO schema_migrations (name, checksum) VALUES (@name, @checksum)
            """;

        if (!Directory.Exists(directory))
            throw new MigrationException($"The migrations folder {directory} does not exist.");

        await connection.ExecuteAsync(new CommandDefinition(createJournal, cancellationToken: cancellationToken));
        var applied = (await connection.QueryAsync<(string Name, string Checksum)>(new CommandDefinition(selectJournal, cancellationToken: cancellationToken)))
            .ToDictionary(r => r.Name, r => r.Checksum);

        var newlyApplied = new List<string>();
        foreach (var path in Directory.GetFiles(directory, "*.sql").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(path);
            if (!MigrationName().IsMatch(name))
                throw new MigrationException($"Migration {name} is not named NNNN_verb_object.sql.");

            // Line endings are normalised so that a checkout with CRLF does not count as a change.
            var sql = (await File.ReadAllTextAsync(path, cancellationToken)).ReplaceLineEndings("\n");
            var checksum = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sql)));

            if (applied.TryGetValue(name, out var appliedChecksum))
            {
                if (appliedChecksum != checksum)
                    throw new MigrationException(
                        $"Migration {name} has changed since it was applied (checksum {appliedChecksum[..12]}… then, {checksum[..12]}… now). " +
                        "Applied migrations never change: restore the file and add a new migration instead.");
                continue;
            }

            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            try
            {
                // No command timeout: a migration that rewrites or indexes a big table takes minutes (0013 fills its
                // vocabulary from a million documents), and the job runs alone under its lock.
                await connection.ExecuteAsync(new CommandDefinition(sql, transaction: transaction, commandTimeout: 0, cancellationToken: cancellationToken));
            }
            catch (PostgresException e)
            {
                throw new MigrationException($"Migration {name} failed: {e.MessageText} (SQLSTATE {e.SqlState}).", e);
            }
            await connection.ExecuteAsync(new CommandDefinition(insertJournal, new { name, checksum }, transaction, cancellationToken: cancellationToken));
            await transaction.CommitAsync(cancellationToken);
            logger.LogInformation("Applied migration {Migration}", name);
            newlyApplied.Add(name);
        }
        return newlyApplied;
    }

    [GeneratedRegex(@"^\d{4}_[a-z0-9_]+\.sql$")]
    private static partial Regex MigrationName();
}
