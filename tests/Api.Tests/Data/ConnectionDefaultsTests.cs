using Api.Data;
using Npgsql;

namespace Api.Tests.Data;

public sealed class ConnectionDefaultsTests
{
    [Fact]
    public void A_connection_string_that_says_nothing_gets_prepared_statements_and_no_reset_on_close()
    {
        var settings = new NpgsqlConnectionStringBuilder("Host=db;Database=diplomacy;Username=api");

        ConnectionDefaults.Apply(settings);

        Assert.Equal(ConnectionDefaults.MaxAutoPrepare, settings.MaxAutoPrepare);
        Assert.True(settings.NoResetOnClose);
        // A frozen database holds a request past its deadline by these (Npgsql's own: 15 s and 2 s).
        Assert.Equal(3, settings.Timeout);
        Assert.Equal(1000, settings.CancellationTimeout);
        // A lock wait ends as 503 "busy" before the request's 10 s are up.
        Assert.Equal("-c lock_timeout=5000", settings.Options);
    }

    [Fact]
    public void Given_the_request_time_a_statement_ends_itself_five_seconds_after_it_unless_the_string_says_otherwise()
    {
        var settings = new NpgsqlConnectionStringBuilder("Host=db");
        ConnectionDefaults.Apply(settings, TimeSpan.FromSeconds(10));
        Assert.Equal("-c lock_timeout=5000 -c statement_timeout=15000", settings.Options);

        var given = new NpgsqlConnectionStringBuilder("Host=db;Options=-c statement_timeout=0");
        ConnectionDefaults.Apply(given, TimeSpan.FromSeconds(10));
        Assert.Equal("-c statement_timeout=0 -c lock_timeout=5000", given.Options);
    }

    [Fact]
    public void A_lock_timeout_the_connection_string_gives_is_kept_beside_its_other_options()
    {
        var settings = new NpgsqlConnectionStringBuilder("Host=db;Options=-c lock_timeout=200 -c search_path=public");

        ConnectionDefaults.Apply(settings);

        Assert.Equal("-c lock_timeout=200 -c search_path=public", settings.Options);

        var others = new NpgsqlConnectionStringBuilder("Host=db;Options=-c search_path=public");
        ConnectionDefaults.Apply(others);
        Assert.Equal("-c search_path=public -c lock_timeout=5000", others.Options);
    }

    [Fact]
    public void A_connect_and_a_cancellation_timeout_the_connection_string_gives_are_kept()
    {
        var settings = new NpgsqlConnectionStringBuilder("Host=far-away;Timeout=15;Cancellation Timeout=2000");

        ConnectionDefaults.Apply(settings);

        Assert.Equal(15, settings.Timeout);
        Assert.Equal(2000, settings.CancellationTimeout);
    }

    [Theory]
    [InlineData("Host=pgbouncer;Max Auto Prepare=0;No Reset On Close=false")]
    [InlineData("host=pgbouncer;max auto prepare=0;no reset on close=false")]
    [InlineData("Host=pgbouncer;MaxAutoPrepare=0;NoResetOnClose=false")]
    public void What_the_connection_string_sets_is_kept_even_at_the_drivers_default(string connectionString)
    {
        var settings = new NpgsqlConnectionStringBuilder(connectionString);

        ConnectionDefaults.Apply(settings);

        Assert.Equal(0, settings.MaxAutoPrepare);
        Assert.False(settings.NoResetOnClose);
    }
}
