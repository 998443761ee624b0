using Npgsql;

namespace Api.Caching;

/// <summary>
/// Tells the <see cref="ResponseCache"/> of every change committed anywhere: it LISTENs on <c>record_changes</c>
/// (migration 0016 notifies it at the commit of each change) over a connection of its own, straight to the primary
/// (<c>ConnectionStrings:Listen</c>, else <c>ConnectionStrings:Db</c>; never through a transaction-mode pooler, which
/// cannot hold a LISTEN), and reads how far the change log reaches after each notification. It also reads it every
/// few seconds when nothing is heard, so a silently dead connection is found out. When the connection fails the
/// cache stops serving until it is back.
/// </summary>
public sealed class ChangeListener(ResponseCache cache, IConfiguration configuration, ILogger<ChangeListener> logger) : BackgroundService
{
    public const string Channel = "record_changes";

    /// <summary>How far the change log reaches: what the listener reads after each change, and a cache fill of its server.</summary>
    public const string HorizonSql = "SELECT coalesce(max(seq), 0) FROM changes";

    private static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan Retry = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!cache.Enabled)
            return;
        var connectionString = configuration.GetConnectionString("Listen") ?? configuration.GetConnectionString("Db")!;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync(stoppingToken);
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                // Listening first, then reading the log: a change that commits in between is both read and heard.
                // The read runs after every change anywhere: prepared once for this connection.
                await using var read = new NpgsqlCommand(HorizonSql, connection);
                await read.PrepareAsync(stoppingToken);
                var horizon = await HorizonAsync(read, stoppingToken);
                cache.Changed(horizon);
                while (true)
                {
                    var heard = await connection.WaitAsync(Heartbeat, stoppingToken);
                    var now = await HorizonAsync(read, stoppingToken);
                    if (heard || now != horizon)
                        cache.Changed(now);
                    horizon = now;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                cache.Lost();
                // A database that is away is no bug: one line, without the stack (it repeats every retry of an outage).
                if (exception is Npgsql.NpgsqlException)
                    logger.LogWarning("Lost the change notifications; responses are not cached until they are back ({Error}: {Message}).",
                        exception.GetType().Name, exception.Message);
                else
                    logger.LogWarning(exception, "Lost the change notifications; responses are not cached until they are back.");
                try
                {
                    await Task.Delay(Retry, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private static async Task<long> HorizonAsync(NpgsqlCommand read, CancellationToken cancellationToken) =>
        (long)(await read.ExecuteScalarAsync(cancellationToken))!;
}
