using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Api.Tests.Fixtures;

namespace Api.Tests.Records;

/// <summary>The write cycle that persons, organisations, sources and agreements share: create, replace and retire, with the history kept.</summary>
public sealed class RecordWriteTests(DbFixture db) : DatabaseTest(db, db.WriterClient())
{
    public override Task InitializeAsync() => Db.ResetAndSeedAsync();

    [Fact]
    public async Task A_tag_read_before_a_name_the_record_shows_changed_no_longer_matches()
    {
        const string meeting = "/api/v1/meetings/" + Bodies.NiameyMeeting, person = "/api/v1/persons/" + Bodies.Mazen;
        var before = await Client.ETagAsync(meeting);

        // Someone renames a person who sits in the meeting: the meeting's version stays, the document it shows does not.
        var renamed = await Client.MergePatchAsync(person, new JsonObject { ["nameEn"] = "Khaled Mazen (renamed)" }, await Client.ETagAsync(person));
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        var after = await Client.ETagAsync(meeting);
        Assert.Equal(before.Split('.')[0], after.Split('.')[0]);

        var stale = await Client.MergePatchAsync(meeting, new JsonObject { ["summaryEn"] = "Written against the old names." }, before);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        var current = await Client.MergePatchAsync(meeting, new JsonObject { ["summaryEn"] = "Written against the new names." }, after);
        Assert.Equal(HttpStatusCode.OK, current.StatusCode);
        // The answer's tag is the one GET gives next.
        Assert.Equal(current.Headers.ETag!.ToString(), await Client.ETagAsync(meeting));
        // A list of tags matches when one of them is the current.
        var listed = await Client.MergePatchAsync(meeting, new JsonObject { ["summaryEn"] = "Once more." }, $"{before}, {current.Headers.ETag}");
        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
    }

    [Theory]
    [InlineData("persons", "nameEn")]
    [InlineData("organizations", "nameEn")]
    [InlineData("sources", "title")]
    [InlineData("agreements", "titleEn")]
    public async Task A_record_is_created_replaced_and_retired_with_its_history_kept(string resource, string field)
    {
        var body = Body(resource);
        var created = await Client.PostJsonAsync($"/api/v1/{resource}", body);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var url = created.Headers.Location!.AbsolutePath;
        Assert.Equal(body[field]!.GetValue<string>(), (await created.JsonAsync()).GetProperty(field).GetString());

        body[field] = "Corrected";
        var replaced = await Client.PutJsonAsync(url, body, created.Headers.ETag!.ToString());
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        Assert.Equal("Corrected", (await (await Client.GetAsync(url)).JsonAsync()).GetProperty(field).GetString());

        var stale = await Client.DeleteAsync(url, created.Headers.ETag!.ToString());
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        var deleted = await Client.DeleteAsync(url, replaced.Headers.ETag!.ToString());
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync(url)).StatusCode);

        var history = (await Client.GetFromJsonAsync<JsonElement>($"{url}/history")).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["created", "updated", "deleted"], history.Select(h => h.GetProperty("kind").GetString()));
        Assert.Equal("Corrected", history[2].GetProperty("before").GetProperty(field).GetString());
    }

    private static JsonObject Body(string resource) => resource switch
    {
        "persons" => Bodies.Person(),
        "organizations" => Bodies.Organization(),
        "sources" => Bodies.Source(),
        "agreements" => Bodies.Agreement(),
        _ => throw new ArgumentOutOfRangeException(nameof(resource)),
    };
}
