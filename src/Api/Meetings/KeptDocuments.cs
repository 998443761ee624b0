using Dapper;
using Npgsql;

namespace Api.Meetings;

/// <summary>
/// A meeting's documents as they were last sent, kept in <c>kept_documents</c> (migration 0025): a read of a meeting or of
/// its delegations takes one row instead of building the document from a dozen tables. A read that finds none builds the
/// document, sends it and keeps it; the triggers of 0025 drop the kept documents of every meeting a write changes, in
/// the write's transaction. The migration says why a document built from data a write has since changed is never kept:
/// the read takes the row's generation in the same statement as the document (<see cref="BuildColumns"/>) and keeps the
/// document only while the generation is still that one.
/// </summary>
public static class KeptDocuments
{
    /// <summary>
    /// One of a meeting's kept documents: which column holds it, and the SQL that finds and keeps it there; whether it is
    /// the meeting itself, whose ETag is made of its version and body (the delegations' is made of their body alone).
    /// </summary>
    public sealed record Part(string Column, bool Versioned)
    {
        /// <summary>The kept document (and version, if <see cref="Versioned"/>) of meeting @id, if one is kept.</summary>
        public string FindSql { get; } =
            $"SELECT {(Versioned ? "version" : "NULL::bigint AS version")}, {Column} AS document FROM kept_documents WHERE meeting_id = @id AND {Column} IS NOT NULL";

        /// <summary>
        /// Keeps @document (with @version) for meeting @id if its generation is still @generation. A write that holds the
        /// row is not waited for long: the read has its answer already, and the next read can keep it.
        /// </summary>
        public string KeepSql { get; } = $"""
            SET LOCAL lock_timeout = {KeepLockTimeoutMilliseconds};
            INSERT INTO kept_documents AS k (meeting_id, generation, version, {Column})
            VALUES (@id, @generation, @version, @document)
            ON CONFLICT (meeting_id) DO UPDATE SET {(Versioned ? "version = EXCLUDED.version, " : "")}{Column} = EXCLUDED.{Column}
            WHERE k.generation = EXCLUDED.generation
            """;

        /// <summary>Keeps @documents for meetings @ids as <see cref="KeepSql"/> keeps one, each if its generation is still the one of @generations; in id order.</summary>
        public string KeepManySql { get; } = $"""
            SET LOCAL lock_timeout = {KeepLockTimeoutMilliseconds};
            INSERT INTO kept_documents AS k (meeting_id, generation, {Column})
            SELECT b.id, b.generation, b.document FROM unnest(@ids, @generations, @documents) AS b (id, generation, document) ORDER BY b.id
            ON CONFLICT (meeting_id) DO UPDATE SET {Column} = EXCLUDED.{Column}
            WHERE k.generation = EXCLUDED.generation
            """;
    }

    public static readonly Part Document = new("document", Versioned: true), Delegations = new("delegations", Versioned: false);

    private const int KeepLockTimeoutMilliseconds = 100;

    /// <summary>
    /// The columns a build of a document reads besides the document, over the meeting <c>m</c> joined with its kept row
    /// <c>kept</c> (<see cref="BuildJoin"/>): the row's generation in the same snapshot (0 when there is none yet).
    /// </summary>
    public const string BuildColumns = "coalesce(kept.generation, 0) AS generation";

    /// <summary>The join that <see cref="BuildColumns"/> reads, after the meeting <c>m</c>.</summary>
    public const string BuildJoin = "LEFT JOIN kept_documents kept ON kept.meeting_id = m.id";

    /// <summary>A kept document, or one just built with the generation it was built at.</summary>
    public sealed record Row
    {
        public long? Version { get; init; }

        public long Generation { get; init; }

        public byte[] Document { get; init; } = [];
    }

    /// <summary>
    /// Keeps <paramref name="document"/>, built at <paramref name="generation"/>, for meeting <paramref name="id"/>,
    /// in a short transaction of its own. Not kept (the next read builds it again) when a write holds the row for
    /// long, the meeting has been deleted since, or the database takes no writes (a standby).
    /// </summary>
    public static Task KeepAsync(DbSession db, Part part, Guid id, long generation, long? version, byte[] document) =>
        KeepAsync(db, part.KeepSql, new { id, generation, version, document });

    /// <summary>
    /// Keeps the delegations of the meetings given (unversioned parts only), each built at its generation, as
    /// <see cref="KeepAsync(DbSession, Part, Guid, long, long?, byte[])"/> keeps one, in one statement.
    /// </summary>
    public static Task KeepAsync(DbSession db, Part part, IReadOnlyList<(Guid Id, long Generation, byte[] Document)> built) =>
        built.Count == 0
            ? Task.CompletedTask
            : KeepAsync(db, part.KeepManySql, new
            {
                ids = built.Select(b => b.Id).ToArray(),
                generations = built.Select(b => b.Generation).ToArray(),
                documents = built.Select(b => b.Document).ToArray(),
            });

    /// <summary>
    /// Keeping is worth a try and no more: the read has its answer whatever happens here. Not in a session that has a
    /// transaction already (a search reads in a read-only one); not kept on any error of the database's, unless the
    /// request itself has been cancelled.
    /// </summary>
    private static async Task KeepAsync(DbSession db, string sql, object parameters)
    {
        if (db.Transaction is not null)
            return;
        try
        {
            await using var transaction = await db.Connection.BeginTransactionAsync(db.CancellationToken);
            await db.Connection.ExecuteAsync(new CommandDefinition(sql, parameters, transaction, cancellationToken: db.CancellationToken));
            await transaction.CommitAsync(db.CancellationToken);
        }
        catch (NpgsqlException) when (!db.CancellationToken.IsCancellationRequested)
        {
        }
    }
}
