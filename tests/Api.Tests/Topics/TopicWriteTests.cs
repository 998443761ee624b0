using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Api.Tests.Fixtures;

namespace Api.Tests.Topics;

/// <summary>Writing topics: addressed by their code, which may change.</summary>
public sealed class TopicWriteTests(DbFixture db) : DatabaseTest(db, db.WriterClient())
{
    public override Task InitializeAsync() => Db.ResetAndSeedAsync();

    [Fact]
    public async Task A_topic_is_addressed_by_its_code_and_a_new_code_moves_it_with_its_meetings()
    {
        var created = await Client.PostJsonAsync("/api/v1/topics", Bodies.Topic());
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.EndsWith("/api/v1/topics/refugees", created.Headers.Location!.AbsolutePath);
        var meeting = Bodies.Meeting();
        meeting["topicIds"] = new JsonArray((await created.JsonAsync()).GetProperty("id").GetString());
        var meetingUrl = (await Client.PostJsonAsync("/api/v1/meetings", meeting)).Headers.Location!.AbsolutePath;

        var renamed = await Client.PutJsonAsync("/api/v1/topics/refugees",
            new JsonObject { ["code"] = "refugees-and-displaced", ["labelEn"] = "Refugees and displaced people", ["labelAr"] = "اللاجئون والنازحون" },
            created.Headers.ETag!.ToString());

        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync("/api/v1/topics/refugees")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync("/api/v1/topics/refugees-and-displaced")).StatusCode);
        var topics = (await Client.GetFromJsonAsync<JsonElement>(meetingUrl)).GetProperty("topics");
        Assert.Equal("refugees-and-displaced", Assert.Single(topics.EnumerateArray()).GetProperty("code").GetString());
        var inUse = await Client.DeleteAsync("/api/v1/topics/refugees-and-displaced", renamed.Headers.ETag!.ToString());
        Assert.Equal(HttpStatusCode.Conflict, inUse.StatusCode);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task If_Match_may_list_several_tags_in_one_header_or_in_several_and_any_current_one_lets_the_write_through(bool severalHeaders)
    {
        var created = await Client.PostJsonAsync("/api/v1/topics", Bodies.Topic());
        var current = created.Headers.ETag!.ToString();
        var body = new JsonObject { ["code"] = "refugees", ["labelEn"] = "Refugees and asylum seekers", ["labelAr"] = "اللاجئون" };

        var stale = new HttpRequestMessage(HttpMethod.Put, "/api/v1/topics/refugees") { Content = JsonContent.Create(body) };
        stale.Headers.TryAddWithoutValidation("If-Match", "\"7.0000000000000000\", \"8.0000000000000000\"");
        var refused = await Client.SendAsync(stale);
        var put = new HttpRequestMessage(HttpMethod.Put, "/api/v1/topics/refugees") { Content = JsonContent.Create(body) };
        if (severalHeaders)
        {
            put.Headers.TryAddWithoutValidation("If-Match", "\"7.0000000000000000\"");
            put.Headers.TryAddWithoutValidation("If-Match", current);
        }
        else
            put.Headers.TryAddWithoutValidation("If-Match", $"\"7.0000000000000000\", {current}");
        var written = await Client.SendAsync(put);

        Assert.Equal(HttpStatusCode.PreconditionFailed, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, written.StatusCode);
        Assert.Equal("Refugees and asylum seekers", (await written.JsonAsync()).GetProperty("labelEn").GetString());
    }

    [Fact]
    public async Task A_blank_If_Match_names_no_version_and_the_write_answers_412()
    {
        await Client.PostJsonAsync("/api/v1/topics", Bodies.Topic());
        var put = new HttpRequestMessage(HttpMethod.Put, "/api/v1/topics/refugees")
        {
            Content = JsonContent.Create(new JsonObject { ["code"] = "refugees", ["labelEn"] = "Refugees", ["labelAr"] = "اللاجئون" }),
        };
        put.Headers.TryAddWithoutValidation("If-Match", " ");

        var response = await Client.SendAsync(put);

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
