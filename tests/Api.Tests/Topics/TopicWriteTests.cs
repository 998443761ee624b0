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
}
