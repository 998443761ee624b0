using Dapper;
using Npgsql;

namespace Api.Data;

/// <summary>
/// A connection, the transaction a write runs in (none for reads), and the cancellation every command carries:
/// how repositories, stores and the seed import send SQL, so that each command carries the request's cancellation.
/// <see cref="Database"/> opens sessions for requests; disposing one closes its connection unless the session was
/// made over a connection its maker keeps (<paramref name="ownsConnection"/> false: the migration job's, which holds its lock).
/// </summary>
public sealed class DbSession(NpgsqlConnection connection, NpgsqlTransaction? transaction, CancellationToken cancellationToken, bool ownsConnection = true)
    : IAsyncDisposable
{
    public NpgsqlConnection Connection { get; } = connection;

    public NpgsqlTransaction? Transaction { get; } = transaction;

    public CancellationToken CancellationToken { get; } = cancellationToken;

    private List<(string Sql, object? Parameters)>? _underChangeLock;

    /// <summary>
    /// A statement of the write in this session's transaction that must run under the change log's lock
    /// (<see cref="Records.ChangeLog"/>), which is taken when the change is logged, late in the write: held until the
    /// commit, it is taken as late as can be, and what needs it waits for it there.
    /// </summary>
    public void UnderChangeLock(string sql, object? parameters) => (_underChangeLock ??= []).Add((sql, parameters));

    /// <summary>The statements <see cref="UnderChangeLock"/> set aside, once: the change log runs them.</summary>
    public IReadOnlyList<(string Sql, object? Parameters)> TakeUnderChangeLock()
    {
        var taken = _underChangeLock ?? [];
        _underChangeLock = null;
        return taken;
    }

    public Task<int> ExecuteAsync(string sql, object? parameters = null) =>
        Connection.ExecuteAsync(Command(sql, parameters));

    public Task<T?> ScalarAsync<T>(string sql, object? parameters = null) =>
        Connection.ExecuteScalarAsync<T>(Command(sql, parameters));

    public Task<T?> SingleOrDefaultAsync<T>(string sql, object? parameters = null) =>
        Connection.QuerySingleOrDefaultAsync<T>(Command(sql, parameters));

    public async Task<List<T>> QueryAsync<T>(string sql, object? parameters = null) =>
        (await Connection.QueryAsync<T>(Command(sql, parameters))).AsList();

    /// <summary>
    /// The rows of each of <paramref name="results"/> statements sent together (<paramref name="sql"/> joins them with
    /// <c>;</c>): one round trip, however many.
    /// </summary>
    public async Task<List<List<T>>> QueryEachAsync<T>(string sql, object? parameters, int results)
    {
        await using var grid = await Connection.QueryMultipleAsync(Command(sql, parameters));
        var sets = new List<List<T>>(results);
        for (var i = 0; i < results; i++)
            sets.Add((await grid.ReadAsync<T>()).AsList());
        return sets;
    }

    /// <summary>Rows read as two objects, the second starting at the column <paramref name="splitOn"/>.</summary>
    public async Task<List<TResult>> QueryAsync<TFirst, TSecond, TResult>(string sql, object? parameters, string splitOn,
        Func<TFirst, TSecond, TResult> map) =>
        (await Connection.QueryAsync(Command(sql, parameters), map, splitOn)).AsList();

    /// <summary>
    /// Whole records by id, in the order of <paramref name="ids"/>, in one statement: for each row <paramref name="alias"/>
    /// of <paramref name="from"/> whose id is one of them, the JSON document <paramref name="json"/> builds of it, read
    /// into <typeparamref name="T"/> (see <see cref="Records.Documents.FromJson{T}(ReadOnlySpan{byte})"/>) and given the row's version.
    /// </summary>
    public async Task<IReadOnlyList<T>> DocumentsAsync<T>(string from, string alias, string json, Guid[] ids, Func<T, long, T> withVersion)
    {
        if (ids.Length == 0)
            return [];
        var sql = $"""
            SELECT {alias}.version, {Utf8(json)} AS document
            FROM {from}
            WHERE {alias}.id = ANY(@ids)
            ORDER BY array_position(@ids, {alias}.id)
            """;
        var rows = await QueryAsync<DocumentRow>(sql, new { ids });
        return rows.ConvertAll(r => withVersion(Records.Documents.FromJson<T>(r.Document), r.Version));
    }

    /// <summary>One whole record, as <see cref="DocumentsAsync{T}"/> reads many; null when there is none.</summary>
    public async Task<T?> DocumentAsync<T>(string from, string alias, string json, Guid id, Func<T, long, T> withVersion) where T : class =>
        await DocumentRowAsync(from, alias, json, id) is { } row
            ? withVersion(Records.Documents.FromJson<T>(row.Document), row.Version)
            : null;

    /// <summary>
    /// A JSON document PostgreSQL builds, as the bytes of its text: bytea travels in binary, so the driver neither
    /// decodes it into a string nor has it encoded again before it is parsed.
    /// </summary>
    public static string Utf8(string json) => $"convert_to(({json})::text, 'UTF8')";

    /// <summary>
    /// One row's version and document. Its own statement (<c>id = @id</c>, not <c>= ANY</c>), so that PostgreSQL keeps one
    /// generic plan for it: for an array it cannot see it guesses ten rows, and then plans this large statement afresh
    /// at every execution.
    /// </summary>
    private Task<DocumentRow?> DocumentRowAsync(string from, string alias, string json, Guid id)
    {
        var sql = $"""
            SELECT {alias}.version, {Utf8(json)} AS document
            FROM {from}
            WHERE {alias}.id = @id
            """;
        return SingleOrDefaultAsync<DocumentRow>(sql, new { id });
    }

    /// <summary>Rows as they arrive, for results too large to hold (exports).</summary>
    public async IAsyncEnumerable<T> StreamAsync<T>(string sql, object? parameters = null)
    {
        await foreach (var row in Connection.QueryUnbufferedAsync<T>(sql, parameters, Transaction).WithCancellation(CancellationToken))
            yield return row;
    }

    public async ValueTask DisposeAsync()
    {
        if (!ownsConnection)
            return;
        try
        {
            if (Transaction is not null)
                await Transaction.DisposeAsync();
        }
        finally
        {
            await Connection.DisposeAsync();
        }
    }

    private CommandDefinition Command(string sql, object? parameters) =>
        new(sql, parameters, Transaction, cancellationToken: CancellationToken);
}
