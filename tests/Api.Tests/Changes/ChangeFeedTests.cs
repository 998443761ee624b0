using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Api.Tests.Fixtures;

namespace Api.Tests.Changes;

/// <summary>What a dashboard syncing incrementally sees: every change in commit order, deletions included, and each record's history.</summary>
public sealed class ChangeFeedTests(DbFixture db) : DatabaseTest(db, db.WriterClient())
{
    public override Task InitializeAsync() => Db.ResetAndSeedAsync();

    [Fact]
    public async Task The_seed_import_is_in_the_feed_as_created_records()
    {
        var page = await FeedAsync(null, limit: 1000);

        var items = page.GetProperty("items").EnumerateArray().ToList();
        Assert.All(items, i => Assert.Equal("created", i.GetProperty("kind").GetString()));
        Assert.All(items, i => Assert.Equal("seed import", i.GetProperty("actor").GetString()));
        Assert.Contains(items, i => i.GetProperty("resource").GetString() == "meetings" && i.GetProperty("id").GetString() == Bodies.NiameyMeeting);
        Assert.Equal(3, items.Count(i => i.GetProperty("resource").GetString() == "meetings"));
        Assert.False(page.GetProperty("hasMore").GetBoolean());
    }

    [Fact]
    public async Task Create_update_delete_appear_after_the_cursor_in_commit_order_and_the_history_holds_before_and_after()
    {
        var start = (await FeedAsync(null, limit: 1000)).GetProperty("cursor").GetString();

        var created = await Client.PostJsonAsync("/api/v1/meetings", Bodies.Meeting());
        var url = created.Headers.Location!.AbsolutePath;
        var id = url.Split('/')[^1];
        var updated = await Client.MergePatchAsync(url, new JsonObject { ["titleEn"] = "Chad and Libya sign a border protocol" }, created.Headers.ETag!.ToString());
        var deleted = await Client.DeleteAsync(url, updated.Headers.ETag!.ToString());
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);

        var page = await FeedAsync(start);
        var items = page.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["created", "updated", "deleted"], items.Select(i => i.GetProperty("kind").GetString()));
        Assert.All(items, i => Assert.Equal(id, i.GetProperty("id").GetString()));
        Assert.All(items, i => Assert.Equal("meetings", i.GetProperty("resource").GetString()));
        Assert.Equal([1L, 2L, 3L], items.Select(i => i.GetProperty("version").GetInt64()));
        var sequences = items.Select(i => i.GetProperty("sequence").GetInt64()).ToList();
        Assert.Equal(sequences.Order(), sequences);
        var times = items.Select(i => i.GetProperty("changedAt").GetDateTime()).ToList();
        Assert.Equal(times.Order(), times);

        var history = (await Client.GetFromJsonAsync<JsonElement>($"{url}/history")).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(items.Select(i => i.GetProperty("sequence").GetInt64()), history.Select(h => h.GetProperty("sequence").GetInt64()));
        Assert.Equal(JsonValueKind.Null, history[0].GetProperty("before").ValueKind);
        Assert.Equal("Chad and Libya discuss border security in N'Djamena", history[1].GetProperty("before").GetProperty("titleEn").GetString());
        Assert.Equal("Chad and Libya sign a border protocol", history[1].GetProperty("after").GetProperty("titleEn").GetString());
        Assert.Equal(history[1].GetProperty("after").GetRawText(), history[2].GetProperty("before").GetRawText());
        Assert.Equal(JsonValueKind.Null, history[2].GetProperty("after").ValueKind);
    }

    [Fact]
    public async Task A_change_is_signed_with_the_name_of_the_key_that_made_it()
    {
        var created = await Client.PostJsonAsync("/api/v1/persons", Bodies.Person());

        var history = await Client.GetFromJsonAsync<JsonElement>($"{created.Headers.Location!.AbsolutePath}/history");

        Assert.Equal(ApiFactory.WriterName, history.GetProperty("items")[0].GetProperty("actor").GetString());
    }

    [Fact]
    public async Task A_history_entry_is_a_body_that_recreates_the_record()
    {
        var created = await Client.PostJsonAsync("/api/v1/meetings", Bodies.Meeting());
        var url = created.Headers.Location!.AbsolutePath;
        var history = await Client.GetFromJsonAsync<JsonElement>($"{url}/history");
        var after = history.GetProperty("items")[0].GetProperty("after").GetRawText();

        var again = await Client.PostJsonAsync("/api/v1/meetings", after);

        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        var copy = await again.JsonAsync();
        Assert.Equal(2, copy.GetProperty("delegations").GetArrayLength());
        Assert.Equal("N'Djamena", copy.GetProperty("cityEn").GetString());
    }

    [Fact]
    public async Task An_up_to_date_reader_gets_an_empty_page_and_the_same_cursor_then_only_what_is_new()
    {
        var cursor = (await FeedAsync(null, limit: 1000)).GetProperty("cursor").GetString();

        var idle = await FeedAsync(cursor);
        Assert.Empty(idle.GetProperty("items").EnumerateArray());
        Assert.Equal(cursor, idle.GetProperty("cursor").GetString());

        var created = await Client.PostJsonAsync("/api/v1/persons", Bodies.Person());
        var page = await FeedAsync(cursor);
        var item = Assert.Single(page.GetProperty("items").EnumerateArray());
        Assert.Equal("persons", item.GetProperty("resource").GetString());
        Assert.EndsWith(item.GetProperty("id").GetString()!, created.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task Paging_the_feed_with_small_pages_gives_every_change_once()
    {
        var all = (await FeedAsync(null, limit: 1000)).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("sequence").GetInt64()).ToList();

        var seen = new List<long>();
        string? cursor = null;
        while (true)
        {
            var page = await FeedAsync(cursor, limit: 4);
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("sequence").GetInt64()));
            cursor = page.GetProperty("cursor").GetString();
            if (!page.GetProperty("hasMore").GetBoolean())
                break;
        }

        Assert.Equal(all, seen);
    }

    [Fact]
    public async Task The_feed_can_be_narrowed_to_one_resource()
    {
        var page = await Client.GetFromJsonAsync<JsonElement>("/api/v1/changes?resource=persons&limit=1000");

        var items = page.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(8, items.Count);
        Assert.All(items, i => Assert.Equal("persons", i.GetProperty("resource").GetString()));
    }

    [Fact]
    public async Task A_delegation_change_is_a_change_of_its_meeting_in_the_feed()
    {
        var start = (await FeedAsync(null, limit: 1000)).GetProperty("cursor").GetString();
        var url = "/api/v1/delegations/" + Bodies.GuestDelegation;
        var delegation = await (await Client.GetAsync(url)).JsonAsync();
        var members = JsonNode.Parse(delegation.GetProperty("members").GetRawText())!.AsArray()
            .Select(m => new JsonObject { ["personId"] = m!["personId"]!.GetValue<string>(), ["isHead"] = m["isHead"]!.GetValue<bool>() })
            .Take(2);

        var response = await Client.PutJsonAsync(url, new JsonObject
        {
            ["role"] = "guest",
            ["countryCode"] = "LBY",
            ["organizationId"] = delegation.GetProperty("organization").GetProperty("id").GetString(),
            ["members"] = new JsonArray([.. members]),
        }, await Client.ETagAsync(url));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, (await response.JsonAsync()).GetProperty("members").GetArrayLength());
        var item = Assert.Single((await FeedAsync(start)).GetProperty("items").EnumerateArray());
        Assert.Equal("meetings", item.GetProperty("resource").GetString());
        Assert.Equal(Bodies.NiameyMeeting, item.GetProperty("id").GetString());
        Assert.Equal("updated", item.GetProperty("kind").GetString());
    }

    private Task<JsonElement> FeedAsync(string? after, int limit = 100) =>
        Client.GetFromJsonAsync<JsonElement>($"/api/v1/changes?limit={limit}" + (after is null ? "" : $"&after={after}"));
}
