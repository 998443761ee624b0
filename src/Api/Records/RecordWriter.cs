using Api.Caching;

namespace Api.Records;

/// <summary>
/// The one way records change, over HTTP and from the seed import alike: in one transaction, lock and
/// load the record, decide, check what it refers to, write it, raise its version and log the change with
/// the record before and after. A write that would change nothing writes nothing.
/// </summary>
public sealed class RecordWriter(Database database, RecordResources resources, ResponseCache cache)
{
    public async Task<WriteResult> CreateAsync<TDoc>(IRecordStore<TDoc> store, TDoc doc, string actor, IWriteScope scope) where TDoc : class =>
        await InTransactionAsync(scope, db => CreateAsync(db, store, Guid.CreateVersion7(), doc, actor, resources, scope));

    /// <summary>Changes a record as <paramref name="edit"/> decides from what is stored now, once <paramref name="scope"/>'s precondition holds.</summary>
    public async Task<WriteResult> UpdateAsync<TDoc>(IRecordStore<TDoc> store, Guid id, Func<DbSession, Stored<TDoc>, Task<Edit<TDoc>>> edit,
        string actor, IWriteScope scope) where TDoc : class =>
        await InTransactionAsync(scope, async db =>
        {
            var stored = await LoadAsync(db, store, id);
            if (stored is null)
                return WriteResult.NotFound();
            if (await scope.PreconditionAsync(db) is { } refused)
                return refused;
            var decision = await edit(db, stored);
            if (decision.Refusal is { } refusal)
                return refusal;
            return await UpdateAsync(db, store, id, stored, decision.Doc!, actor, resources, scope);
        });

    /// <summary>Replaces a record with <paramref name="doc"/>.</summary>
    public Task<WriteResult> ReplaceAsync<TDoc>(IRecordStore<TDoc> store, Guid id, TDoc doc, string actor, IWriteScope scope) where TDoc : class =>
        UpdateAsync(store, id, (_, _) => Task.FromResult(Edit<TDoc>.To(doc)), actor, scope);

    /// <summary>Applies a JSON Merge Patch to a record; the result is validated as a whole body.</summary>
    public Task<WriteResult> PatchAsync<TDoc>(IRecordStore<TDoc> store, Guid id, System.Text.Json.JsonElement patch,
        FluentValidation.IValidator<TDoc> validator, string actor, IWriteScope scope) where TDoc : class =>
        UpdateAsync(store, id, (db, stored) => MergePatches.ApplyAsync(stored, patch, validator, db.CancellationToken), actor, scope);

    /// <summary>Retires a record: it goes from every list and read, and its history stays. Refused while others refer to it.</summary>
    public async Task<WriteResult> DeleteAsync<TDoc>(IRecordStore<TDoc> store, Guid id, string actor, IWriteScope scope) where TDoc : class =>
        await InTransactionAsync(scope, async db =>
        {
            var stored = await LoadAsync(db, store, id);
            if (stored is null)
                return WriteResult.NotFound();
            if (await scope.PreconditionAsync(db) is { } refused)
                return refused;
            var referrers = await store.ReferrersAsync(db, id);
            if (referrers.Count > 0)
                return WriteResult.Conflict(
                    $"Other records still refer to this one: {string.Join(", ", referrers.Take(20))}{(referrers.Count > 20 ? ", …" : "")}. " +
                    "Change or retire them first.");
            await db.ExecuteAsync(store.Resource.DeleteSql, new { id });
            await store.DeletedAsync(db, id, stored.Doc);
            var deleted = new WriteResult(WriteOutcome.Deleted, id, stored.Version + 1);
            await scope.WrittenAsync(db, deleted);
            await ChangeLog.RecordAsync(db, store.Resource.Name, id, ChangeLog.Deleted, deleted.Version, actor, Documents.ToJson(store.Canonical(stored.Doc)), null);
            return deleted;
        });

    /// <summary>
    /// Creates or updates a record with a known id in the caller's transaction: the seed import, which has checked
    /// the references itself (they may name records of the same import).
    /// </summary>
    public static async Task<WriteResult> SaveAsync<TDoc>(DbSession db, IRecordStore<TDoc> store, Guid id, TDoc doc, string actor) where TDoc : class
    {
        var stored = await LoadAsync(db, store, id);
        return stored is null
            ? await CreateAsync(db, store, id, doc, actor, references: null, scope: null)
            : await UpdateAsync(db, store, id, stored, doc, actor, references: null, scope: null);
    }

    /// <summary>The record with its version, its row locked for the rest of the transaction; null when there is none.</summary>
    private static async Task<Stored<TDoc>?> LoadAsync<TDoc>(DbSession db, IRecordStore<TDoc> store, Guid id) where TDoc : class =>
        await db.ScalarAsync<long?>(store.Resource.LockSql, new { id }) is { } version
            ? new Stored<TDoc>(await store.LoadAsync(db, id), version)
            : null;

    /// <summary>
    /// The write itself, then (for an HTTP write) its answer read by <paramref name="scope"/>, then the change logged:
    /// the answer is read before the change log's lock is taken, so that the lock, which every write waits for, is
    /// held only for logging and committing.
    /// </summary>
    private static async Task<WriteResult> CreateAsync<TDoc>(DbSession db, IRecordStore<TDoc> store, Guid id, TDoc doc, string actor,
        RecordResources? references, IWriteScope? scope) where TDoc : class
    {
        var canonical = store.Canonical(doc);
        // Checked in the client's order, so that an error's index is the one the client sent.
        var errors = await CheckAsync(db, store, id, doc, references);
        if (errors.Count > 0)
            return WriteResult.Invalid(errors);
        await store.WriteAsync(db, id, canonical);
        var created = new WriteResult(WriteOutcome.Created, id, 1);
        if (scope is not null)
            await scope.WrittenAsync(db, created);
        await ChangeLog.RecordAsync(db, store.Resource.Name, id, ChangeLog.Created, 1, actor, null, Documents.ToJson(canonical));
        return created;
    }

    private static async Task<WriteResult> UpdateAsync<TDoc>(DbSession db, IRecordStore<TDoc> store, Guid id, Stored<TDoc> stored, TDoc doc,
        string actor, RecordResources? references, IWriteScope? scope) where TDoc : class
    {
        var canonical = store.Canonical(doc);
        var before = Documents.ToJson(store.Canonical(stored.Doc));
        var after = Documents.ToJson(canonical);
        if (before == after)
            return new WriteResult(WriteOutcome.Unchanged, id, stored.Version);
        var errors = await CheckAsync(db, store, id, doc, references);
        if (errors.Count > 0)
            return WriteResult.Invalid(errors);
        await store.WriteAsync(db, id, canonical);
        var updated = new WriteResult(WriteOutcome.Updated, id, await db.ScalarAsync<long>(store.Resource.BumpVersionSql, new { id }));
        if (scope is not null)
            await scope.WrittenAsync(db, updated);
        await ChangeLog.RecordAsync(db, store.Resource.Name, id, ChangeLog.Updated, updated.Version, actor, before, after);
        return updated;
    }

    /// <summary>Every id the document refers to must name a record (when <paramref name="references"/> are checked), and the store's own checks must pass.</summary>
    private static async Task<IReadOnlyList<FieldError>> CheckAsync<TDoc>(DbSession db, IRecordStore<TDoc> store, Guid id, TDoc doc,
        RecordResources? references) where TDoc : class
    {
        var errors = new List<FieldError>();
        if (references is not null)
        {
            // Every kind of record referred to is looked up in one round trip: a statement for each.
            var groups = store.References(doc).GroupBy(r => references[r.Resource]).ToList();
            if (groups.Count > 0)
            {
                var parameters = new Dapper.DynamicParameters();
                var sql = string.Join(";\n", groups.Select((group, i) =>
                {
                    parameters.Add($"ids{i}", group.Select(r => r.Id).Distinct().ToArray());
                    return group.Key.ExistingIdsIn($"ids{i}");
                }));
                var found = await db.QueryEachAsync<Guid>(sql, parameters, groups.Count);
                for (var i = 0; i < groups.Count; i++)
                {
                    var existing = found[i].ToHashSet();
                    errors.AddRange(groups[i].Where(r => !existing.Contains(r.Id))
                        .Select(r => new FieldError(r.Field, $"There is no {groups[i].Key.Singular} with the id {r.Id}.")));
                }
            }
        }
        if (errors.Count == 0)
            errors.AddRange(await store.CheckAsync(db, id, doc));
        return errors;
    }

    /// <summary>How many times a write is tried when it collides with another (a deadlock, a serialization failure).</summary>
    public const int Attempts = 3;

    /// <summary>
    /// <paramref name="work"/> in a transaction of its own, tried again from the start (up to <see cref="Attempts"/> in
    /// all, after a short random pause, within the request's time) when PostgreSQL undoes it for colliding with another
    /// write: the collision says nothing of the request, and the next try usually passes. The last failure is the
    /// exception handler's (503).
    /// </summary>
    private async Task<WriteResult> InTransactionAsync(IWriteScope scope, Func<DbSession, Task<WriteResult>> work)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await AttemptAsync(scope, work);
            }
            catch (Npgsql.PostgresException e) when (e.SqlState is Npgsql.PostgresErrorCodes.DeadlockDetected or Npgsql.PostgresErrorCodes.SerializationFailure
                                                      && attempt < Attempts)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 50) * attempt), database.CancellationToken);
            }
        }
    }

    private async Task<WriteResult> AttemptAsync(IWriteScope scope, Func<DbSession, Task<WriteResult>> work)
    {
        await using var db = await database.BeginAsync();
        if (await scope.EnterAsync(db))
            return new WriteResult(WriteOutcome.Answered);
        var result = await work(db);
        var wrote = result.Outcome is WriteOutcome.Created or WriteOutcome.Updated or WriteOutcome.Deleted;
        if (await scope.LeaveAsync(db, result) || wrote)
            await db.Transaction!.CommitAsync(db.CancellationToken);
        // This process's next read shows the change at once; other processes hear of it from PostgreSQL.
        if (wrote)
            cache.Written();
        return result;
    }
}
