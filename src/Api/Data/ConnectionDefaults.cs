using System.Data.Common;
using Npgsql;

namespace Api.Data;

/// <summary>
/// What the API sets on its connections unless the connection string says otherwise: statements prepared once per
/// connection and reused (<c>Max Auto Prepare</c>), and no <c>DISCARD ALL</c> each time a connection goes back to the pool
/// (<c>No Reset On Close</c>). Both pay on every request (bench/compare.sh); the API keeps no session state that a
/// reset would have to clear (per-request settings are <c>SET LOCAL</c> or command timeouts). Behind a pooler in
/// transaction mode (PgBouncer before 1.21), prepared statements break: set <c>Max Auto Prepare=0</c> there.
/// </summary>
public static class ConnectionDefaults
{
    public const int MaxAutoPrepare = 64;

    public static void Apply(NpgsqlConnectionStringBuilder settings)
    {
        // The builder's own string names every keyword the user gave, by its canonical name, even at its default value.
        var given = new DbConnectionStringBuilder { ConnectionString = settings.ConnectionString };
        if (!given.ContainsKey("Max Auto Prepare"))
            settings.MaxAutoPrepare = MaxAutoPrepare;
        if (!given.ContainsKey("No Reset On Close"))
            settings.NoResetOnClose = true;
    }
}
