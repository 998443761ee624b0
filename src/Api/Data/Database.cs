using Npgsql;

namespace Api.Data;

/// <summary>
/// Opens the sessions of one request: on the API's data source, with the request's deadline, so repositories
/// and the write pipeline are given neither. Scoped: one per request.
/// </summary>
public sealed class Database(NpgsqlDataSource dataSource, RequestDeadline deadline)
{
    /// <summary>A session for reads, with no transaction.</summary>
    public async Task<DbSession> OpenAsync()
    {
        var connection = await dataSource.OpenConnectionAsync(deadline.Token);
        return new DbSession(connection, null, deadline.Token);
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
