namespace Api.Records;

/// <summary>Writes the change log, inside the transaction of the change it records.</summary>
public static class ChangeLog
{
    public const string Created = "created";
    public const string Updated = "updated";
    public const string Deleted = "deleted";

    /// <summary>The lock every write takes to log its change, held until commit (taking it again in the same transaction is a no-op).</summary>
    public const string LockSql = "SELECT pg_advisory_xact_lock(7336521)";

    /// <summary>Takes the lock, runs what the write set aside to run under it (<see cref="DbSession.UnderChangeLock"/>), and logs the change.</summary>
    public static async Task RecordAsync(DbSession db, string resource, Guid id, string kind, long version, string actor, string? before, string? after)
    {
        foreach (var (statements, parameters) in db.TakeUnderChangeLock())
            await db.ExecuteAsync($"{LockSql};\n{statements}", parameters);
        // The lock is held until commit: changes get their sequence numbers in the order they commit, so a feed
        // reader that has seen seq N will never find a smaller one appear later. Both statements go in one round
        // trip, so that the lock is held for as short a time as the commit allows.
        const string sql = $"""
            {LockSql};
            INSERT INTO changes (resource, record_id, kind, version, actor, changed_at, before, after)
            VALUES (@resource, @id, @kind, @version, @actor, clock_timestamp(), @before::jsonb, @after::jsonb)
            """;
        await db.ExecuteAsync(sql, new { resource, id, kind, version, actor, before, after });
    }

    /// <summary>
    /// The ids among <paramref name="ids"/> whose last change someone other than <paramref name="importer"/> made:
    /// records corrected or retired over the API, which a seed import must neither overwrite nor bring back.
    /// </summary>
    public static async Task<HashSet<Guid>> CuratedAsync(DbSession db, string resource, IReadOnlyCollection<Guid> ids, string importer)
    {
        const string sql = """
            SELECT record_id FROM (
                SELECT DISTINCT ON (record_id) record_id, actor
                FROM changes
                WHERE resource = @resource AND record_id = ANY(@ids)
                ORDER BY record_id, seq DESC
            ) last
            WHERE actor <> @importer
            """;
        return (await db.QueryAsync<Guid>(sql, new { resource, ids = ids.ToArray(), importer })).ToHashSet();
    }
}
