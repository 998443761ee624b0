using Npgsql;

namespace Api.Writes;

/// <summary>
/// Deletes the answers kept under idempotency keys once they are older than the retention, every
/// <see cref="Interval"/> (reads ignore them as soon as they are). A database that is away is one line in the log, and
/// the next round tries again.
/// </summary>
public sealed class IdempotencyKeyPurge(NpgsqlDataSource dataSource, IdempotencyKeys keys, ILogger<IdempotencyKeyPurge> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await using var db = new DbSession(await dataSource.OpenConnectionAsync(stoppingToken), null, stoppingToken);
                    if (await keys.PurgeAsync(db) is > 0 and var purged)
                        logger.LogInformation("Deleted {Count} expired idempotency keys.", purged);
                }
                catch (Exception e) when (e is NpgsqlException or TimeoutException)
                {
                    logger.LogWarning("Could not delete expired idempotency keys ({Error}: {Message}); trying again in {Interval}.",
                        e.GetType().Name, e.Message, Interval);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
