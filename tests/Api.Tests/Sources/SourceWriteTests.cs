using System.Net;
using Api.Tests.Fixtures;

namespace Api.Tests.Sources;

/// <summary>Writing sources: one record per URL.</summary>
public sealed class SourceWriteTests(DbFixture db) : DatabaseTest(db, db.WriterClient())
{
    public override Task InitializeAsync() => Db.ResetAndSeedAsync();

    [Fact]
    public async Task A_source_url_already_recorded_is_a_conflict()
    {
        var source = Bodies.Source();

        var first = await Client.PostJsonAsync("/api/v1/sources", source);
        var second = await Client.PostJsonAsync("/api/v1/sources", source);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("application/problem+json", second.Content.Headers.ContentType?.MediaType);
        Assert.Contains("URL", (await second.JsonAsync()).GetProperty("detail").GetString());
    }
}
