using Dapper;
using Npgsql;

namespace Api.Data;

/// <summary>
/// A connection and the transaction a write runs in, with the cancellation token every command carries,
/// so stores and the seed import can share one transaction without passing three things around.
/// </summary>
public sealed record DbSession(NpgsqlConnection Connection, NpgsqlTransaction Transaction, CancellationToken CancellationToken)
{
    public Task<int> ExecuteAsync(string sql, object? parameters = null) =>
        Connection.ExecuteAsync(Command(sql, parameters));

    public Task<T?> ScalarAsync<T>(string sql, object? parameters = null) =>
        Connection.ExecuteScalarAsync<T>(Command(sql, parameters));

    public Task<T?> SingleOrDefaultAsync<T>(string sql, object? parameters = null) =>
        Connection.QuerySingleOrDefaultAsync<T>(Command(sql, parameters));

    public async Task<List<T>> QueryAsync<T>(string sql, object? parameters = null) =>
        (await Connection.QueryAsync<T>(Command(sql, parameters))).AsList();

    private CommandDefinition Command(string sql, object? parameters) =>
        new(sql, parameters, Transaction, cancellationToken: CancellationToken);
}
