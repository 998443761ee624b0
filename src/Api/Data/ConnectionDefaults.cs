using System.Data.Common;
using Npgsql;

namespace Api.Data;

/// <summary>
/// What the API sets on its connections unless the connection string says otherwise: statements prepared once per
/// connection and reused (<c>Max Auto Prepare</c>), and no <c>DISCARD ALL</c> each time a connection goes back to the pool
/// (<c>No Reset On Close</c>). Both pay on every request (bench/compare.sh); the API keeps no session state that a
/// reset would have to clear (per-request settings are <c>SET LOCAL</c> or command timeouts). Behind a pooler in
/// transaction mode (PgBouncer before 1.21), prepared statements break: set <c>Max Auto Prepare=0</c> there.
/// A connection attempt gives up after <see cref="ConnectSeconds"/> (<c>Timeout</c>; Npgsql's 15) and a cancelled
/// statement waits <see cref="CancellationMilliseconds"/> for PostgreSQL to confirm (<c>Cancellation Timeout</c>; Npgsql's
/// 2000): a frozen database holds a request that long past its deadline (<see cref="RequestDeadline"/>), since Npgsql's
/// connect and cancel wait on these, not on the request's cancellation. A statement waits at most
/// <see cref="LockTimeoutMilliseconds"/> for a lock (<c>lock_timeout</c>, unless <c>Options</c> sets it): a write queued
/// behind another's row or a long migration is answered 503 "busy" (55P03) well within the request's time. Given the
/// request time, a statement also ends itself <see cref="StatementHeadroom"/> after it (<c>statement_timeout</c>,
/// unless <c>Options</c> sets it): the request's cancellation comes first, and this stops a statement whose
/// cancellation never reached PostgreSQL (the API killed, the cancel request lost). Exports lift it for their
/// statement (<see cref="Database.OpenExportAsync"/>).
/// </summary>
public static class ConnectionDefaults
{
    public const int MaxAutoPrepare = 64, ConnectSeconds = 3, CancellationMilliseconds = 1000, LockTimeoutMilliseconds = 5000;

    public static readonly TimeSpan StatementHeadroom = TimeSpan.FromSeconds(5);

    public static void Apply(NpgsqlConnectionStringBuilder settings, TimeSpan? requestTimeout = null)
    {
        // The builder's own string names every keyword the user gave, by its canonical name, even at its default value.
        var given = new DbConnectionStringBuilder { ConnectionString = settings.ConnectionString };
        if (!given.ContainsKey("Max Auto Prepare"))
            settings.MaxAutoPrepare = MaxAutoPrepare;
        if (!given.ContainsKey("No Reset On Close"))
            settings.NoResetOnClose = true;
        if (!given.ContainsKey("Timeout"))
            settings.Timeout = ConnectSeconds;
        if (!given.ContainsKey("Cancellation Timeout"))
            settings.CancellationTimeout = CancellationMilliseconds;
        if (settings.Options?.Contains("lock_timeout", StringComparison.Ordinal) != true)
            settings.Options = $"{settings.Options} -c lock_timeout={LockTimeoutMilliseconds}".Trim();
        if (requestTimeout is { } request && settings.Options?.Contains("statement_timeout", StringComparison.Ordinal) != true)
            settings.Options = $"{settings.Options} -c statement_timeout={(long)(request + StatementHeadroom).TotalMilliseconds}".Trim();
    }
}
