using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Api.Health;

/// <summary>Ready means the database answers and the migration job has run.</summary>
public sealed class DatabaseHealthCheck(NpgsqlDataSource dataSource) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var command = dataSource.CreateCommand("SELECT to_regclass('public.schema_migrations') IS NOT NULL");
            var migrated = (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
            return migrated
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy("The database has no schema yet: run the migration job (Api migrate).");
        }
        catch (NpgsqlException e)
        {
            return HealthCheckResult.Unhealthy("The database does not answer.", e);
        }
    }
}
