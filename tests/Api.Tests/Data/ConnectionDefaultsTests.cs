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
