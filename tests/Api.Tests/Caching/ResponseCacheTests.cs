using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Api.Caching;
using Api.Tests.Fixtures;
using Dapper;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Api.Tests.Caching;

/// <summary>
/// API processes with their response cache on, over the run's database: what they keep, and that every write, made
/// by the process or by another one, is seen in what they answer next.
/// </summary>
public sealed class ResponseCacheTests(DbFixture db, ITestOutputHelper output) : DatabaseTest(db)
{
    private const string Document = "/api/v1/meetings/" + Bodies.NiameyMeeting;
    private static readonly SemaphoreSlim QuietGate = new(1, 1);
    private static string? quiet;
    private readonly List<ApiFactory> hosts = [];

    public override Task InitializeAsync() => Db.ResetAndSeedAsync();

    public override async Task DisposeAsync()
    {
        foreach (var host in hosts)
            await host.DisposeAsync();
    }

    [Fact]
    public async Task A_read_is_answered_from_the_cache_until_a_write_through_the_api()
    {
        var client = await CachedClientAsync(hearsOthers: false);
        var first = await BodyAsync(client, Document);

        // A change made behind the API's back is not heard of: the answer is the one kept.
        await using (var connection = await Db.OpenAsync())
            await connection.ExecuteAsync("UPDATE meetings SET title_en = 'Changed behind the API' WHERE id = @id", new { id = Guid.Parse(Bodies.NiameyMeeting) });
        Assert.Equal(first, await BodyAsync(client, Document));

        // The kept answer's ETag is not the document's any more: a write against it is refused, as If-Match compares the
        // whole tag with the document as it is in the database.
        var stale = await client.MergePatchAsync(Document, new JsonObject { ["summaryEn"] = "Patched through the API." }, await client.ETagAsync(Document));
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);

        // A write through the API ends it.
        var patch = await client.MergePatchAsync(Document, new JsonObject { ["summaryEn"] = "Patched through the API." }, "*");
        Assert.Equal(HttpStatusCode.OK, patch.StatusCode);
        var after = await BodyAsync(client, Document);
        Assert.Contains("Patched through the API.", after);
        Assert.Contains("Changed behind the API", after);
    }

    public static TheoryData<string, string, string, string> WritesShownInTheMeeting => new()
    {
        // method, record, field, value
        { "PATCH", "/api/v1/meetings/" + Bodies.NiameyMeeting, "titleEn", "Renamed meeting" },
        { "PATCH", "/api/v1/persons/" + Bodies.Mazen, "nameEn", "Khaled Mazen (renamed)" },
        { "PATCH", "/api/v1/agreements/" + Bodies.Invitation, "titleEn", "Renamed invitation" },
        { "PUT", "/api/v1/organizations/" + Bodies.NigerInterior, "nameEn", "Renamed ministry" },
        { "PUT", "/api/v1/topics/border-security", "labelEn", "Renamed topic" },
        { "PUT", "/api/v1/sources/" + Bodies.SeedSource, "title", "Renamed source" },
        { "PUT", "/api/v1/meetings/" + Bodies.NiameyMeeting, "cityEn", "Renamed city" },
    };

    [Theory]
    [MemberData(nameof(WritesShownInTheMeeting))]
    public async Task Every_write_to_a_record_the_meeting_shows_is_seen_at_once_in_its_cached_document_and_delegations(
        string method, string record, string field, string value)
    {
        var client = await CachedClientAsync(hearsOthers: false);
        var before = await BodyAsync(client, Document);
        var delegationsBefore = await BodyAsync(client, Document + "/delegations");
        Assert.DoesNotContain(value, before);

        var response = await WriteAsync(client, method, record, field, value);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(value, await BodyAsync(client, Document));
        if (field == "nameEn")
            Assert.Contains(value, await BodyAsync(client, Document + "/delegations"));
        else
            Assert.Equal(delegationsBefore, await BodyAsync(client, Document + "/delegations"));
    }

    [Fact]
    public async Task A_retired_meeting_leaves_the_cached_reads_and_lists_at_once()
    {
        var client = await CachedClientAsync(hearsOthers: false);
        var (url, _) = await client.CreateMeetingAsync();
        const string list = "/api/v1/meetings?country=TCD&from=2019-03-01&to=2019-03-31";
        var id = url[(url.LastIndexOf('/') + 1)..];
        Assert.Contains(id, await BodyAsync(client, list));
        await BodyAsync(client, url);

        var deleted = await client.DeleteAsync(url, await client.ETagAsync(url));

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(url)).StatusCode);
        Assert.DoesNotContain(id, await BodyAsync(client, list));
    }

    [Fact]
    public async Task Another_process_sees_a_change_it_did_not_make_without_being_asked_twice()
    {
        var writer = await CachedClientAsync();
        var reader = await CachedClientAsync();
        Assert.DoesNotContain("Renamed elsewhere", await BodyAsync(reader, Document));
        Assert.Equal(await BodyAsync(reader, Document), await BodyAsync(reader, Document));

        var watch = Stopwatch.StartNew();
        var patch = await writer.MergePatchAsync("/api/v1/persons/" + Bodies.Mazen, new JsonObject { ["nameEn"] = "Renamed elsewhere" },
            await writer.ETagAsync("/api/v1/persons/" + Bodies.Mazen));
        Assert.Equal(HttpStatusCode.OK, patch.StatusCode);

        // PostgreSQL tells the other process at commit; it answers with the new name within milliseconds. The bound
        // is generous for a loaded test machine, and below the listener's 5-second check of the log, so that only the
        // notification can pass it.
        while (!(await BodyAsync(reader, Document)).Contains("Renamed elsewhere") && watch.Elapsed < TimeSpan.FromSeconds(3))
            await Task.Delay(5);
        output.WriteLine($"seen by the other process after {watch.Elapsed.TotalMilliseconds:F0} ms");
        Assert.Contains("Renamed elsewhere", await BodyAsync(reader, Document));
    }

    [Fact]
    public async Task A_cached_page_keeps_its_headers_and_a_cached_document_answers_if_none_match_with_304()
    {
        var client = await CachedClientAsync();
        const string page = "/api/v1/meetings?limit=1&count=exact";
        var first = await client.GetAsync(page);
        var second = await client.GetAsync(page);

        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        Assert.Equal(first.Headers.ETag, second.Headers.ETag);
        Assert.Equal(first.Headers.GetValues("Link"), second.Headers.GetValues("Link"));
        Assert.Equal(first.Headers.GetValues("X-Total-Count"), second.Headers.GetValues("X-Total-Count"));
        Assert.Equal(first.Content.Headers.ContentType, second.Content.Headers.ContentType);

        var tag = (await client.GetAsync(Document)).Headers.ETag!;
        var conditional = new HttpRequestMessage(HttpMethod.Get, Document);
        conditional.Headers.IfNoneMatch.Add(tag);
        var notModified = await client.SendAsync(conditional);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Equal(tag, notModified.Headers.ETag);
    }

    [Fact]
    public async Task A_list_asked_for_as_csv_is_not_answered_with_the_json_kept_for_the_same_url()
    {
        var client = await CachedClientAsync();
        const string list = "/api/v1/meetings?country=NER";
        await BodyAsync(client, list);

        var csv = new HttpRequestMessage(HttpMethod.Get, list);
        csv.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));
        var response = await client.SendAsync(csv);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
    }

    /// <summary>
    /// A writer's client of a new API process with its cache on, once that process listens for changes. One that
    /// <paramref name="hearsOthers"/> not listens on a database of its own where nothing changes, so what it shows of
    /// a write it made can only come from its own part in the write.
    /// </summary>
    private async Task<HttpClient> CachedClientAsync(bool hearsOthers = true)
    {
        var host = new ApiFactory(Db.ConnectionString, cacheMegabytes: 16, hearsOthers ? null : await QuietDatabaseAsync());
        hosts.Add(host);
        var client = host.CreateWriterClient();
        var cache = host.Services.GetRequiredService<ResponseCache>();
        var watch = Stopwatch.StartNew();
        while (!cache.State.Live && watch.Elapsed < TimeSpan.FromSeconds(10))
            await Task.Delay(10);
        Assert.True(cache.State.Live, "the API process did not start listening for changes");
        return client;
    }

    /// <summary>A migrated database of the run's server that no test writes to.</summary>
    private async Task<string> QuietDatabaseAsync()
    {
        await QuietGate.WaitAsync();
        try
        {
            if (quiet is null)
            {
                var connectionString = await Db.CreateDatabaseAsync();
                await DbFixture.RunJobAsync(connectionString);
                quiet = connectionString;
            }
            return quiet;
        }
        finally
        {
            QuietGate.Release();
        }
    }

    private static async Task<string> BodyAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>PATCH sets one field; PUT sends the record as its history says it is now, with one field changed.</summary>
    private static async Task<HttpResponseMessage> WriteAsync(HttpClient client, string method, string record, string field, string value)
    {
        var etag = await client.ETagAsync(record);
        if (method == "PATCH")
            return await client.MergePatchAsync(record, new JsonObject { [field] = value }, etag);
        var history = JsonNode.Parse(await BodyAsync(client, record + "/history"))!;
        var body = history["items"]!.AsArray()[^1]!["after"]!.AsObject();
        body[field] = value;
        return await client.PutJsonAsync(record, body, etag);
    }
}

/// <summary>The rules of <see cref="ResponseCache"/> by which an answer is kept or not, without a database.</summary>
public sealed class ResponseCacheRulesTests
{
    private static readonly IConfiguration On =
        new ConfigurationBuilder().AddInMemoryCollection([new KeyValuePair<string, string?>(ResponseCache.MegabytesKey, "1")]).Build();

    private static CachedResponse Answer(CacheState state) => new(state.Generation, "{}"u8.ToArray(), "application/json", "\"x\"", null, null);

    [Fact]
    public void An_answer_from_a_database_that_has_not_replayed_the_last_change_is_not_kept()
    {
        var cache = new ResponseCache(On);
        cache.Changed(horizon: 10);
        var state = cache.State;

        cache.Store("behind", state, stamp: 9, Answer(state));
        cache.Store("caught-up", state, stamp: 10, Answer(state));

        Assert.False(cache.TryGet("behind", out _));
        Assert.True(cache.TryGet("caught-up", out _));
    }

    [Fact]
    public void An_answer_begun_before_a_change_is_not_kept_and_one_kept_is_dropped_by_the_next_change()
    {
        var cache = new ResponseCache(On);
        cache.Changed(horizon: 3);
        var before = cache.State;
        cache.Store("kept", before, stamp: 3, Answer(before));

        cache.Written();
        cache.Store("late", before, stamp: 3, Answer(before));

        Assert.False(cache.TryGet("kept", out _));
        Assert.False(cache.TryGet("late", out _));
    }

    [Fact]
    public void Nothing_is_served_while_the_changes_cannot_be_heard()
    {
        var cache = new ResponseCache(On);
        var unheard = cache.State;
        cache.Store("before-listening", unheard, stamp: 0, Answer(unheard));
        Assert.False(cache.TryGet("before-listening", out _));

        cache.Changed(horizon: 0);
        var live = cache.State;
        cache.Store("heard", live, stamp: 0, Answer(live));
        Assert.True(cache.TryGet("heard", out _));

        cache.Lost();
        Assert.False(cache.TryGet("heard", out _));
    }

    [Theory]
    [InlineData("Host=db1;Database=api", null, false)]
    [InlineData("Host=db1;Database=api", "Host=db1;Database=api", false)]
    [InlineData("Host=replica;Database=api", "Host=primary;Database=api", true)]
    [InlineData("Host=db1,db2;Database=api;Target Session Attributes=prefer-standby", null, true)]
    public void A_fill_is_checked_against_the_change_log_only_when_reads_may_come_from_another_server_than_the_one_heard(
        string reads, string? listen, bool checks)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([
            new KeyValuePair<string, string?>(ResponseCache.MegabytesKey, "1"),
            new KeyValuePair<string, string?>("ConnectionStrings:Db", reads),
            new KeyValuePair<string, string?>("ConnectionStrings:Listen", listen),
        ]).Build();
        Assert.Equal(checks, new ResponseCache(configuration).ReadsMayLag);
    }
}
