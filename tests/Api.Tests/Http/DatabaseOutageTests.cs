using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Api.Tests.Fixtures;

namespace Api.Tests.Http;

/// <summary>With its database gone, the API says so honestly: 503 and not ready, but still alive.</summary>
public sealed class DatabaseOutageTests : IAsyncLifetime
{
    private readonly ApiFactory _factory = new($"Host=127.0.0.1;Port={UnusedPort()};Database=none;Username=postgres;Timeout=3");

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task A_read_while_the_database_is_down_returns_503_problem_details_with_Retry_After()
    {
        var client = _factory.CreateClient();

        var response = await client.GetAsync("/api/v1/meetings");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(503, JsonDocument.Parse(body).RootElement.GetProperty("status").GetInt32());
        Assert.NotNull(response.Headers.RetryAfter);
        Assert.DoesNotContain("   at ", body);
        Assert.DoesNotContain("Host=", body);
    }

    [Fact]
    public async Task Readiness_fails_while_liveness_holds()
    {
        var client = _factory.CreateClient();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/health/ready")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
    }

    private static int UnusedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
