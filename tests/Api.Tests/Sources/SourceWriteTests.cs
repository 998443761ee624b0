using System.Net;
using Api.Tests.Fixtures;

namespace Api.Tests.Sources;

/// <summary>Writing sources: one record per URL.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class SourceWriteTests(DbFixture db) : IAsyncLifetime
{
    private readonly HttpClient _client = db.WriterClient();

    public Task InitializeAsync() => db.ResetAndSeedAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_source_url_already_recorded_is_a_conflict()
    {
        var source = Bodies.Source();

        var first = await _client.PostJsonAsync("/api/v1/sources", source);
        var second = await _client.PostJsonAsync("/api/v1/sources", source);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("application/problem+json", second.Content.Headers.ContentType?.MediaType);
        Assert.Contains("URL", (await second.JsonAsync()).GetProperty("detail").GetString());
    }
}
