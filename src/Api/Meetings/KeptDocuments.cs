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
        /// Keeps @documents (with @versions, null for an unversioned part) for meetings @ids, each if its generation is
        /// still the one of @generations; in id order. A write that holds a row is not waited for long: the read has its
        /// answer already, and the next read can keep it.
        /// </summary>
        public string KeepSql { get; } = $"""
            SET LOCAL lock_timeout = {KeepLockTimeoutMilliseconds};
            INSERT INTO kept_documents AS k (meeting_id, generation, version, {Column})
            SELECT b.id, b.generation, b.version, b.document
            FROM unnest(@ids, @generations, @versions, @documents) AS b (id, generation, version, document)
            ORDER BY b.id
            ON CONFLICT (meeting_id) DO UPDATE SET {(Versioned ? "version = EXCLUDED.version, " : "")}{Column} = EXCLUDED.{Column}
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
    /// Keeps the documents of <paramref name="part"/> just built, each for its meeting at the generation it was built at
    /// (with its version, null for an unversioned part), in one statement of a short transaction of its own. Keeping is
    /// worth a try and no more: the read has its answer whatever happens here. Nothing is kept in a session that has a
    /// transaction already (a search reads in a read-only one), nor on any error of the database's unless the request
    /// itself has been cancelled: a write holding a row for long, a meeting deleted since, a database that takes no
    /// writes (a standby). The next read builds it again.
    /// </summary>
    public static async Task KeepAsync(DbSession db, Part part, IReadOnlyList<(Guid Id, long Generation, long? Version, byte[] Document)> built)
    {
        if (built.Count == 0 || db.Transaction is not null)
            return;
        var parameters = new
        {
            ids = built.Select(b => b.Id).ToArray(),
            generations = built.Select(b => b.Generation).ToArray(),
            versions = built.Select(b => b.Version).ToArray(),
            documents = built.Select(b => b.Document).ToArray(),
        };
        try
        {
            await using var transaction = await db.Connection.BeginTransactionAsync(db.CancellationToken);
            await db.Connection.ExecuteAsync(new CommandDefinition(part.KeepSql, parameters, transaction, cancellationToken: db.CancellationToken));
            await transaction.CommitAsync(db.CancellationToken);
        }
        catch (NpgsqlException) when (!db.CancellationToken.IsCancellationRequested)
        {
        }
    }
}
