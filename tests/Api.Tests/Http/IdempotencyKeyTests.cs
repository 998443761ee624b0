using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Api.Auth;
using Api.Tests.Fixtures;
using Api.Writes;
using Dapper;
using Microsoft.Extensions.DependencyInjection;

namespace Api.Tests.Http;

/// <summary>
/// POST with an Idempotency-Key: a retry of the same request gets the first answer and writes nothing again; the key
/// with another body is 422; while the first is in flight 409. Keys are the caller's, per method and path.
/// </summary>
public sealed class IdempotencyKeyTests(DbFixture db) : DatabaseTest(db, db.WriterClient())
{
    public override Task InitializeAsync() => Db.ResetAndSeedAsync();

    public static TheoryData<string, string> Creates => new()
    {
        { "/api/v1/meetings", Bodies.Meeting().ToJsonString() },
        { "/api/v1/persons", Bodies.Person().ToJsonString() },
        { "/api/v1/topics", Bodies.Topic().ToJsonString() },
        { "/api/v1/delegations", new JsonObject { ["meetingId"] = Bodies.NiameyMeeting, ["role"] = "participant", ["countryCode"] = "TCD", ["members"] = new JsonArray() }.ToJsonString() },
    };

    [Theory]
    [MemberData(nameof(Creates))]
    public async Task A_retried_create_gets_the_first_answer_and_writes_nothing_again(string url, string body)
    {
        var changesBefore = await CountAsync("SELECT count(*) FROM changes");

        var first = await PostAsync(url, body, "create-1");
        var retry = await PostAsync(url, body, "create-1");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.False(first.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal("true", Assert.Single(retry.Headers.GetValues("Idempotent-Replayed")));
        Assert.Equal(first.Headers.Location, retry.Headers.Location);
        Assert.Equal(first.Headers.ETag, retry.Headers.ETag);
        Assert.Equal(first.Content.Headers.ContentType, retry.Content.Headers.ContentType);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await retry.Content.ReadAsStringAsync());
        Assert.Equal(changesBefore + 1, await CountAsync("SELECT count(*) FROM changes"));
        // What the answer showed is what was stored.
        Assert.Equal(first.Headers.ETag!.ToString(), await Client.ETagAsync(first.Headers.Location!.ToString()));

        // Another key is another request (answered as such: a second meeting, or 409 for a topic's code taken).
        var other = await PostAsync(url, body, "create-2");
        Assert.False(other.Headers.Contains("Idempotent-Replayed"));
        Assert.NotEqual(first.Headers.Location, other.Headers.Location);
    }

    [Fact]
    public async Task The_same_json_sent_again_with_other_spacing_order_path_case_or_quoting_of_the_key_is_the_same_request()
    {
        var body = new JsonObject { ["nameEn"] = "Idriss Deby", ["notes"] = "President of Chad" };
        var first = await PostAsync("/api/v1/persons", body.ToJsonString(), "person-key");
        var reordered = await PostAsync("/api/v1/Persons", "{ \"notes\" : \"President of Chad\",\n  \"nameEn\": \"Idriss Deby\" }", "\"person-key\"");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, reordered.StatusCode);
        Assert.Equal(first.Headers.Location, reordered.Headers.Location);
        Assert.Equal(1, await CountAsync("SELECT count(*) FROM persons WHERE name_en = 'Idriss Deby'"));
    }

    [Fact]
    public async Task The_same_key_with_another_body_is_422_and_writes_nothing()
    {
        var first = await PostAsync("/api/v1/persons", new JsonObject { ["nameEn"] = "First body" }.ToJsonString(), "reused");
        var second = await PostAsync("/api/v1/persons", new JsonObject { ["nameEn"] = "Second body" }.ToJsonString(), "reused");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, second.StatusCode);
        Assert.Equal("application/problem+json", second.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Idempotency-Key", (await second.JsonAsync()).GetProperty("detail").GetString());
        Assert.Equal(0, await CountAsync("SELECT count(*) FROM persons WHERE name_en = 'Second body'"));
    }

    [Fact]
    public async Task A_key_belongs_to_its_caller_method_and_path()
    {
        var otherKey = ApiKeyHash.NewKey();
        await using var api = new ApiFactory(Db.ConnectionString, settings: new Dictionary<string, string>
        {
            ["ApiKeys:1:Name"] = "other-writer", ["ApiKeys:1:Hash"] = otherKey.Hash, ["ApiKeys:1:Scopes"] = "read,write",
        });
        var otherCaller = api.CreateClient();
        otherCaller.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", otherKey.Key);
        var body = new JsonObject { ["nameEn"] = "Shared key" }.ToJsonString();

        var mine = await PostAsync("/api/v1/persons", body, "shared");
        var theirs = await PostAsync("/api/v1/persons", body, "shared", otherCaller);
        var organization = await PostAsync("/api/v1/organizations", new JsonObject { ["nameEn"] = "Shared key", ["kind"] = "ministry" }.ToJsonString(), "shared");

        Assert.Equal(HttpStatusCode.Created, mine.StatusCode);
        Assert.Equal(HttpStatusCode.Created, theirs.StatusCode);
        Assert.False(theirs.Headers.Contains("Idempotent-Replayed"));
        Assert.NotEqual(mine.Headers.Location, theirs.Headers.Location);
        Assert.Equal(HttpStatusCode.Created, organization.StatusCode);
        Assert.Equal(2, await CountAsync("SELECT count(*) FROM persons WHERE name_en = 'Shared key'"));
    }

    [Fact]
    public async Task A_refusal_the_database_decided_is_kept_under_the_key_too()
    {
        var missingSource = Guid.NewGuid().ToString();
        var body = Bodies.Meeting();
        body["sourceIds"] = new JsonArray(missingSource);

        var first = await PostAsync("/api/v1/meetings", body.ToJsonString(), "refused");
        Assert.Equal(HttpStatusCode.BadRequest, first.StatusCode);
        Assert.Contains("sourceIds[0]", await first.ErrorFieldsAsync());

        // The source now exists, but the key's request was answered: the retry gets that answer.
        await using (var connection = await Db.OpenAsync())
            await connection.ExecuteAsync("INSERT INTO sources (id, title, language) VALUES (@id, 'Made later', 'en')", new { id = Guid.Parse(missingSource) });
        var retry = await PostAsync("/api/v1/meetings", body.ToJsonString(), "refused");

        Assert.Equal(HttpStatusCode.BadRequest, retry.StatusCode);
        Assert.Equal("true", Assert.Single(retry.Headers.GetValues("Idempotent-Replayed")));
        Assert.Equal(await first.Content.ReadAsStringAsync(), await retry.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Created, (await PostAsync("/api/v1/meetings", body.ToJsonString(), "a new key")).StatusCode);
    }

    public static TheoryData<string[]> BadKeys => new()
    {
        new[] { "\"\"" },
        new[] { new string('k', 256) },
        new[] { "مفتاح" },
        new[] { "\"unterminated" },
        new[] { "one", "two" },
    };

    [Theory]
    [MemberData(nameof(BadKeys))]
    public async Task A_malformed_key_is_400_naming_the_header_and_writes_nothing(string[] keys)
    {
        var request = HttpRequests.Request(HttpMethod.Post, "/api/v1/persons", new JsonObject { ["nameEn"] = "Bad key" });
        foreach (var key in keys)
            request.Headers.TryAddWithoutValidation("Idempotency-Key", Encoding.Latin1.GetString(Encoding.UTF8.GetBytes(key)));

        var response = await Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["Idempotency-Key"], await response.ErrorFieldsAsync());
        Assert.Equal(0, await CountAsync("SELECT count(*) FROM persons WHERE name_en = 'Bad key'"));
    }

    [Fact]
    public async Task A_key_up_to_255_characters_is_taken()
    {
        var response = await PostAsync("/api/v1/persons", new JsonObject { ["nameEn"] = "Long key" }.ToJsonString(), new string('k', 255));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task A_retry_while_the_first_is_in_flight_is_409_with_retry_after_and_then_gets_the_first_answer()
    {
        var body = new JsonObject { ["nameEn"] = "In flight" }.ToJsonString();
        Task<HttpResponseMessage> first;
        HttpResponseMessage during;
        await using (var holder = await Db.OpenAsync())
        await using (var transaction = await holder.BeginTransactionAsync())
        {
            // The first request holds its key while it waits on the persons table.
            await holder.ExecuteAsync("LOCK TABLE persons IN ACCESS EXCLUSIVE MODE", transaction: transaction);
            first = PostAsync("/api/v1/persons", body, "in-flight");
            await WaitUntilAsync(async () => await CountAsync("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted") > 0);
            during = await PostAsync("/api/v1/persons", body, "in-flight");
        }
        var answered = await first;

        Assert.Equal(HttpStatusCode.Conflict, during.StatusCode);
        Assert.Equal("1", Assert.Single(during.Headers.GetValues("Retry-After")));
        Assert.Equal(HttpStatusCode.Created, answered.StatusCode);
        var after = await PostAsync("/api/v1/persons", body, "in-flight");
        Assert.Equal(HttpStatusCode.Created, after.StatusCode);
        Assert.Equal(answered.Headers.Location, after.Headers.Location);
        Assert.Equal(1, await CountAsync("SELECT count(*) FROM persons WHERE name_en = 'In flight'"));
    }

    [Fact]
    public async Task Sixteen_identical_posts_at_once_with_one_key_write_one_record()
    {
        var body = Bodies.Meeting();
        body["titleEn"] = "Sent sixteen times";
        var answers = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => PostAsync("/api/v1/meetings", body.ToJsonString(), "burst")));

        Assert.All(answers, a => Assert.Contains(a.StatusCode, new[] { HttpStatusCode.Created, HttpStatusCode.Conflict }));
        Assert.Single(answers.Where(a => a.StatusCode == HttpStatusCode.Created).Select(a => a.Headers.Location).Distinct());
        Assert.Equal(1, await CountAsync("SELECT count(*) FROM meetings WHERE title_en = 'Sent sixteen times'"));
    }

    [Fact]
    public async Task An_answer_older_than_the_retention_is_forgotten_and_purged()
    {
        var first = await PostAsync("/api/v1/persons", new JsonObject { ["nameEn"] = "Kept a day" }.ToJsonString(), "old");
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        await using var connection = await Db.OpenAsync();
        await connection.ExecuteAsync("UPDATE idempotency_keys SET created_at = now() - interval '25 hours'");

        // Expired: the key is free again, for another body too.
        var again = await PostAsync("/api/v1/persons", new JsonObject { ["nameEn"] = "A day later" }.ToJsonString(), "old");
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.NotEqual(first.Headers.Location, again.Headers.Location);

        await connection.ExecuteAsync("UPDATE idempotency_keys SET created_at = now() - interval '25 hours'");
        await PostAsync("/api/v1/persons", new JsonObject { ["nameEn"] = "Fresh" }.ToJsonString(), "fresh");
        var keys = Db.Factory.Services.GetRequiredService<IdempotencyKeys>();
        await using (var db = new Api.Data.DbSession(await Db.OpenAsync(), null, CancellationToken.None))
            Assert.Equal(1, await keys.PurgeAsync(db));
        Assert.Equal(["fresh"], (await connection.QueryAsync<string>("SELECT key FROM idempotency_keys")).ToList());
    }

    private Task<HttpResponseMessage> PostAsync(string url, string body, string key, HttpClient? client = null)
    {
        var request = HttpRequests.Request(HttpMethod.Post, url, body);
        request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
        return (client ?? Client).SendAsync(request);
    }

    private async Task<long> CountAsync(string sql)
    {
        await using var connection = await Db.OpenAsync();
        return await connection.ExecuteScalarAsync<long>(sql);
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 200 && !await condition(); i++)
            await Task.Delay(25);
    }
}
