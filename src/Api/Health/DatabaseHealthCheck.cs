using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Api.Health;

/// <summary>
/// Ready means the database answers, within <see cref="Bound"/> whatever it does (down, frozen, a lock in the way), and
/// the migration job has run: its journal is there and can be read.
/// </summary>
public sealed class DatabaseHealthCheck(NpgsqlDataSource dataSource) : IHealthCheck
{
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(2);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        // Npgsql's connect waits on its own timeout, not on cancellation: past the bound the answer is given without it.
        var check = CheckAsync(cancellationToken);
        return await Task.WhenAny(check, Task.Delay(Bound + TimeSpan.FromMilliseconds(100), cancellationToken)) == check
            ? await check
            : HealthCheckResult.Unhealthy($"The database did not answer within {Bound.TotalSeconds:0} s.");
    }

    private async Task<HealthCheckResult> CheckAsync(CancellationToken cancellationToken)
    {
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bound.CancelAfter(Bound);
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(bound.Token);
            await using var exists = new NpgsqlCommand("SELECT to_regclass('public.schema_migrations') IS NOT NULL", connection);
            if (!(bool)(await exists.ExecuteScalarAsync(bound.Token))!)
                return HealthCheckResult.Unhealthy("The database has no schema yet: run the migration job (Api migrate).");
            await using var journal = new NpgsqlCommand("SELECT 1 FROM schema_migrations LIMIT 1", connection);
            await journal.ExecuteScalarAsync(bound.Token);
            return HealthCheckResult.Healthy();
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"The database did not answer within {Bound.TotalSeconds:0} s.");
        }
        catch (NpgsqlException e)
        {
            return HealthCheckResult.Unhealthy("The database does not answer.", e);
        }
    }
}
