using System.Net;
using Api.Tests.Fixtures;

namespace Api.Tests.Health;

/// <summary>What operators rely on: the liveness and readiness probes.</summary>
public sealed class HealthTests(DbFixture db) : DatabaseTest(db)
{
    [Fact]
    public async Task Health_live_returns_200()
    {
        var response = await Client.GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Health_ready_returns_200_when_the_database_is_up()
    {
        var response = await Client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }
}
