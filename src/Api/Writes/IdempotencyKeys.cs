namespace Api.Writes;

/// <summary>
/// The answers kept under idempotency keys (table <c>idempotency_keys</c>), for <see cref="Retention"/> (the setting
/// <see cref="HoursKey"/>, 24 hours by default): in PostgreSQL, so that every instance of the API sees them.
/// </summary>
public sealed class IdempotencyKeys(TimeSpan retention)
{
    public const string HoursKey = "Api:IdempotencyKeyHours";

    public const double DefaultHours = 24;

    /// <summary>The first of two keys of the advisory locks on idempotency keys, so that they meet no other lock of the API.</summary>
    private const int LockSpace = 4_173_301;

    public TimeSpan Retention { get; } = retention;

    /// <summary>
    /// Takes the key's lock for the rest of <paramref name="db"/>'s transaction, without waiting: false when another
    /// request with the same key holds it (in flight).
    /// </summary>
    public async Task<bool> TryLockAsync(DbSession db, IdempotentRequest request) =>
        await db.ScalarAsync<bool>("SELECT pg_try_advisory_xact_lock(@space, @key)", new { space = LockSpace, key = request.LockKey });

    /// <summary>The answer stored under the key within the retention; null when there is none. Read after the lock is taken.</summary>
    public Task<StoredAnswer?> FindAsync(DbSession db, IdempotentRequest request)
    {
        const string sql = """
            SELECT fingerprint, status, content_type, location, etag, body
            FROM idempotency_keys
            WHERE caller = @Caller AND method = @Method AND path = @Path AND key = @Key AND created_at > now() - @retention
            """;
        return db.SingleOrDefaultAsync<StoredAnswer>(sql, new { request.Caller, request.Method, request.Path, request.Key, retention = Retention });
    }

    /// <summary>Stores <paramref name="answer"/> under the key, in the write's transaction (over an expired answer under the same key).</summary>
    public Task SaveAsync(DbSession db, IdempotentRequest request, WriteAnswer answer)
    {
        const string sql = """
            INSERT INTO idempotency_keys (caller, method, path, key, fingerprint, status, content_type, location, etag, body)
            VALUES (@Caller, @Method, @Path, @Key, @Fingerprint, @status, @contentType, @location, @etag, @body)
            ON CONFLICT (caller, method, path, key) DO UPDATE
                SET fingerprint = excluded.fingerprint, status = excluded.status, content_type = excluded.content_type,
                    location = excluded.location, etag = excluded.etag, body = excluded.body, created_at = now()
            """;
        return db.ExecuteAsync(sql, new
        {
            request.Caller, request.Method, request.Path, request.Key, request.Fingerprint,
            status = (short)answer.Status, contentType = answer.ContentType, location = answer.Location, etag = answer.ETag, body = answer.Body,
        });
    }

    /// <summary>Deletes the answers older than the retention; how many.</summary>
    public Task<int> PurgeAsync(DbSession db) =>
        db.ExecuteAsync("DELETE FROM idempotency_keys WHERE created_at <= now() - @retention", new { retention = Retention });
}

/// <summary>An answer as <see cref="IdempotencyKeys"/> keeps it, with the fingerprint of the request it answered.</summary>
public sealed record StoredAnswer
{
    public byte[] Fingerprint { get; init; } = [];
    public short Status { get; init; }
    public string? ContentType { get; init; }
    public string? Location { get; init; }
    public string? Etag { get; init; }
    public byte[]? Body { get; init; }

    public WriteAnswer ToAnswer() => new() { Status = Status, ContentType = ContentType, Body = Body, Location = Location, ETag = Etag, Replayed = true };
}
