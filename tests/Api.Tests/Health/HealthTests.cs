using System.Net;
using Api.Tests.Fixtures;

namespace Api.Tests.Health;

/// <summary>What operators rely on: the liveness and readiness probes.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class HealthTests(DbFixture db) : IAsyncLifetime
{
    private readonly HttpClient _client = db.Factory.CreateClient();

    public Task InitializeAsync() => db.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Health_live_returns_200()
    {
        var response = await _client.GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Health_ready_returns_200_when_the_database_is_up()
    {
        var response = await _client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }
}
