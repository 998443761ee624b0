using Npgsql;

namespace Api.Data;

/// <summary>
/// Opens the sessions of one request: on the API's data source, with the request's deadline, so repositories
/// and the write pipeline are given neither. Scoped: one per request.
/// </summary>
public sealed class Database(NpgsqlDataSource dataSource, RequestDeadline deadline)
{
    /// <summary>When the request's work must stop: what every session carries.</summary>
    public CancellationToken CancellationToken => deadline.Token;

    /// <summary>An answer that has begun has moved on (<see cref="RequestDeadline.Progressed"/>).</summary>
    public void Progressed() => deadline.Progressed();

    /// <summary>A session for reads, with no transaction.</summary>
    public async Task<DbSession> OpenAsync()
    {
        var connection = await dataSource.OpenConnectionAsync(deadline.Token);
        return new DbSession(connection, null, deadline.Token);
    }

    /// <summary>
    /// A session for reads, as <see cref="OpenAsync()"/>; for a text search (<paramref name="search"/>) one whose
    /// statements PostgreSQL plans afresh with each request's values. Which plan is good depends on q (how common its
    /// words are decides between the trigram index and a scan, and q is folded once, not once a row); a statement
    /// prepared on a pooled connection is otherwise given, after five runs, a generic plan that guesses: at a million
    /// meetings that was a 16-second scan for a misspelt name. The setting is SET LOCAL, in a read-only transaction
    /// that ends with the session, so it never reaches the connection's next request.
    /// </summary>
    public async Task<DbSession> OpenAsync(bool search) =>
        search ? await OpenReadOnlyAsync(SearchSettings) : await OpenAsync();

    /// <summary>
    /// A session for an export's one long statement, as <see cref="OpenAsync(bool)"/> otherwise: in a read-only
    /// transaction with one snapshot for all its statements (repeatable read: what the export reads beside its rows,
    /// such as the topics' codes, is as the rows see it) and no statement timeout of its own — an export is bounded by
    /// its idle timeout instead (<see cref="RequestDeadline"/>), not by the one that backs up every request's deadline
    /// (<see cref="ConnectionDefaults"/>).
    /// </summary>
    public Task<DbSession> OpenExportAsync(bool search) =>
        OpenReadOnlyAsync(search ? $"{SearchSettings}; {ExportSettings}" : ExportSettings, "ISOLATION LEVEL REPEATABLE READ, READ ONLY");

    private const string SearchSettings = "SET LOCAL plan_cache_mode = force_custom_plan", ExportSettings = "SET LOCAL statement_timeout = 0";

    private async Task<DbSession> OpenReadOnlyAsync(string settings, string mode = "READ ONLY")
    {
        var db = await BeginAsync();
        try
        {
            await db.ExecuteAsync($"SET TRANSACTION {mode}; {settings}");
            return db;
        }
        catch
        {
            await db.DisposeAsync();
            throw;
        }
    }

    /// <summary>What <paramref name="read"/> reads on a session of its own (<see cref="OpenAsync()"/>), closed after it.</summary>
    public async Task<T> ReadAsync<T>(Func<DbSession, Task<T>> read)
    {
        await using var db = await OpenAsync();
        return await read(db);
    }

    /// <summary>A session in a new transaction, for a write; it is rolled back unless committed.</summary>
    public async Task<DbSession> BeginAsync()
    {
        var connection = await dataSource.OpenConnectionAsync(deadline.Token);
        try
        {
            return new DbSession(connection, await connection.BeginTransactionAsync(deadline.Token), deadline.Token);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
