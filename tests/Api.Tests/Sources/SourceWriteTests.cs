using System.Net;
using System.Text.Json.Nodes;
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

    [Fact]
    public async Task A_source_patched_keeps_the_fields_it_was_not_sent_and_cannot_take_a_url_already_recorded()
    {
        var first = await (await Client.PostJsonAsync("/api/v1/sources", Bodies.Source())).JsonAsync();
        var second = await Client.PostJsonAsync("/api/v1/sources", Bodies.Source());
        var url = second.Headers.Location!.ToString();
        var ownUrl = (await second.JsonAsync()).GetProperty("url").GetString();

        var dated = await Client.MergePatchAsync(url, new JsonObject { ["publishedOn"] = "2019-02-01" }, await Client.ETagAsync(url));
        var taken = await Client.MergePatchAsync(url, new JsonObject { ["url"] = first.GetProperty("url").GetString() }, await Client.ETagAsync(url));

        Assert.Equal(HttpStatusCode.OK, dated.StatusCode);
        var patched = await dated.JsonAsync();
        Assert.Equal("2019-02-01", patched.GetProperty("publishedOn").GetString());
        Assert.Equal(ownUrl, patched.GetProperty("url").GetString());
        Assert.Equal(first.GetProperty("title").GetString(), patched.GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.Conflict, taken.StatusCode);
        Assert.Equal(ownUrl, (await (await Client.GetAsync(url)).JsonAsync()).GetProperty("url").GetString());
    }
}
