using Dapper;
using Npgsql;

namespace Api.Data;

/// <summary>
/// A connection, the transaction a write runs in (none for reads), and the cancellation every command carries:
/// the one way repositories, stores and the seed import talk to PostgreSQL, so that no query is sent without the
/// request's cancellation. <see cref="Database"/> opens sessions for requests; disposing one closes its connection.
/// </summary>
public sealed class DbSession(NpgsqlConnection connection, NpgsqlTransaction? transaction, CancellationToken cancellationToken) : IAsyncDisposable
{
    public NpgsqlConnection Connection { get; } = connection;

    public NpgsqlTransaction? Transaction { get; } = transaction;

    public CancellationToken CancellationToken { get; } = cancellationToken;

    public Task<int> ExecuteAsync(string sql, object? parameters = null) =>
        Connection.ExecuteAsync(Command(sql, parameters));

    public Task<T?> ScalarAsync<T>(string sql, object? parameters = null) =>
        Connection.ExecuteScalarAsync<T>(Command(sql, parameters));

    public Task<T?> SingleOrDefaultAsync<T>(string sql, object? parameters = null) =>
        Connection.QuerySingleOrDefaultAsync<T>(Command(sql, parameters));

    public async Task<List<T>> QueryAsync<T>(string sql, object? parameters = null) =>
        (await Connection.QueryAsync<T>(Command(sql, parameters))).AsList();

    /// <summary>Rows read as two objects, the second starting at the column <paramref name="splitOn"/>.</summary>
    public async Task<List<TResult>> QueryAsync<TFirst, TSecond, TResult>(string sql, object? parameters, string splitOn,
        Func<TFirst, TSecond, TResult> map) =>
        (await Connection.QueryAsync(Command(sql, parameters), map, splitOn)).AsList();

    /// <summary>Rows as they arrive, for results too large to hold (exports).</summary>
    public IAsyncEnumerable<T> StreamAsync<T>(string sql, object? parameters = null) =>
        Connection.QueryUnbufferedAsync<T>(sql, parameters, Transaction);

    public async ValueTask DisposeAsync()
    {
        if (Transaction is not null)
            await Transaction.DisposeAsync();
        await Connection.DisposeAsync();
    }

    private CommandDefinition Command(string sql, object? parameters) =>
        new(sql, parameters, Transaction, cancellationToken: CancellationToken);
}
