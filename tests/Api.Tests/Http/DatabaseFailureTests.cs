using System.Net;
using Api.Tests.Fixtures;
using Dapper;

namespace Api.Tests.Http;

/// <summary>
/// A database that ends the API's sessions (as a fast stop or a restart does), is busy, or does not answer: 503 with
/// Retry-After within the request's time, never a 500 or a hang.
/// </summary>
public sealed class DatabaseFailureTests(DbFixture db) : DatabaseTest(db)
{
    private const string ApplicationName = "api-failure-test";

    public override Task InitializeAsync() => Db.ResetAndSeedAsync();

    [Fact]
    public async Task Sessions_the_database_ends_are_answered_503_with_retry_after_and_the_api_recovers()
    {
        // A host of its own, whose sessions are told apart by their application name, so that no other test's are ended.
        await using var api = new ApiFactory($"{Db.ConnectionString};Application Name={ApplicationName}");
        var client = api.CreateClient();
        const string url = "/api/v1/meetings/" + Bodies.NiameyMeeting;
        var warm = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => client.GetAsync(url)));
        Assert.All(warm, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));

        // Every idle session in the API's pool is ended by the server (57P01, "terminating connection due to administrator command").
        const string terminate = """
            SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = @ApplicationName
            """;
        await using (var connection = await Db.OpenAsync())
            Assert.True(await connection.ExecuteScalarAsync<long>(terminate, new { ApplicationName }) > 0);
        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 30 && answers.LastOrDefault()?.StatusCode != HttpStatusCode.OK; i++)
            answers.Add(await client.GetAsync(url));

        var failed = answers.Where(r => r.StatusCode != HttpStatusCode.OK).ToList();
        Assert.NotEmpty(failed);
        Assert.All(failed, r => Assert.Equal(HttpStatusCode.ServiceUnavailable, r.StatusCode));
        foreach (var response in failed)
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.NotNull(response.Headers.RetryAfter);
            Assert.Contains("try again", (await response.JsonAsync()).GetProperty("detail").GetString());
        }
        Assert.Equal(HttpStatusCode.OK, answers[^1].StatusCode);
    }

    [Fact]
    public async Task A_write_that_waits_too_long_for_a_lock_is_answered_503_busy_and_writes_nothing()
    {
        // Writes wait at most 200 ms for a row lock here (lock_timeout); the test holds the meeting's row meanwhile.
        await using var api = new ApiFactory($"{Db.ConnectionString};Options=-c lock_timeout=200");
        var client = api.CreateWriterClient();
        const string url = "/api/v1/meetings/" + Bodies.NiameyMeeting;
        var etag = await client.ETagAsync(url);
        await using var holder = await Db.OpenAsync();
        await using var transaction = await holder.BeginTransactionAsync();
        await holder.ExecuteAsync("SELECT 1 FROM meetings WHERE id = @id FOR UPDATE", new { id = Guid.Parse(Bodies.NiameyMeeting) }, transaction);

        var response = await client.MergePatchAsync(url, new System.Text.Json.Nodes.JsonObject { ["titleEn"] = "Never written" }, etag);
        await transaction.RollbackAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.NotNull(response.Headers.RetryAfter);
        Assert.Contains("busy", (await response.JsonAsync()).GetProperty("detail").GetString());
        Assert.NotEqual("Never written", (await (await client.GetAsync(url)).JsonAsync()).GetProperty("titleEn").GetString());
    }

    [Fact]
    public async Task A_read_the_database_does_not_answer_in_the_request_time_is_503_while_it_still_waits()
    {
        await using var api = new ApiFactory(Db.ConnectionString, settings: new Dictionary<string, string> { ["Api:RequestTimeoutSeconds"] = "1" });
        var client = api.CreateClient();
        client.Timeout = TimeSpan.FromSeconds(30);
        await using var holder = await Db.OpenAsync();
        HttpResponseMessage stalled;
        await using (var transaction = await holder.BeginTransactionAsync())
        {
            // Every read of meetings waits behind this lock until the transaction ends.
            await holder.ExecuteAsync("LOCK TABLE meetings IN ACCESS EXCLUSIVE MODE", transaction: transaction);
            stalled = await client.GetAsync("/api/v1/meetings");
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, stalled.StatusCode);
        Assert.NotNull(stalled.Headers.RetryAfter);
        Assert.Contains("did not answer", (await stalled.JsonAsync()).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/meetings")).StatusCode);
    }

    [Fact]
    public async Task Readiness_answers_while_the_database_does_not()
    {
        var client = Db.Factory.CreateClient();
        client.Timeout = TimeSpan.FromSeconds(30);
        await using var holder = await Db.OpenAsync();
        HttpResponseMessage waiting;
        await using (var transaction = await holder.BeginTransactionAsync())
        {
            await holder.ExecuteAsync("LOCK TABLE schema_migrations IN ACCESS EXCLUSIVE MODE", transaction: transaction);
            waiting = await client.GetAsync("/health/ready");
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, waiting.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
    }

    [Fact]
    public async Task A_statement_past_the_statement_timeout_is_503_but_an_export_is_not_held_to_it()
    {
        // Statements end themselves after 300 ms here; lock waits alone would wait a minute. The test holds the topics
        // table for a second, which a topic list and the meetings export both read.
        await using var api = new ApiFactory($"{Db.ConnectionString};Options=-c statement_timeout=300 -c lock_timeout=60000");
        var client = api.CreateClient();
        HttpResponseMessage list;
        Task<HttpResponseMessage> export;
        await using (var holder = await Db.OpenAsync())
        await using (var transaction = await holder.BeginTransactionAsync())
        {
            await holder.ExecuteAsync("LOCK TABLE topics IN ACCESS EXCLUSIVE MODE", transaction: transaction);
            export = client.GetAsync("/api/v1/meetings?format=csv");
            list = await client.GetAsync("/api/v1/topics");
            await Task.Delay(1000);
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, list.StatusCode);
        Assert.Contains("busy", (await list.JsonAsync()).GetProperty("detail").GetString());
        var csv = await export;
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        await using var connection = await Db.OpenAsync();
        var meetings = await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM meetings");
        Assert.Equal(meetings + 1, Rfc4180.Parse(await csv.Content.ReadAsStringAsync()).Count);
    }

    [Theory]
    [InlineData(2, HttpStatusCode.Created, 1)]
    [InlineData(3, HttpStatusCode.ServiceUnavailable, 0)]
    public async Task A_write_undone_for_colliding_with_another_is_tried_again_up_to_three_times(int collisions, HttpStatusCode status, int written)
    {
        // The first inserts of persons fail as a deadlock would (40P01); a sequence counts the tries, as it is not undone.
        await using var connection = await Db.OpenAsync();
        await connection.ExecuteAsync($$"""
            CREATE SEQUENCE test_collisions;
            CREATE FUNCTION test_collide() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF nextval('test_collisions') <= {{collisions}} THEN
                    RAISE EXCEPTION 'deadlock detected (made by the test)' USING ERRCODE = '40P01';
                END IF;
                RETURN NEW;
            END $$;
            CREATE TRIGGER test_collide BEFORE INSERT ON persons FOR EACH ROW EXECUTE FUNCTION test_collide();
            """);
        try
        {
            var response = await Db.WriterClient().PostJsonAsync("/api/v1/persons", new System.Text.Json.Nodes.JsonObject { ["nameEn"] = "Tried again" });

            Assert.Equal(status, response.StatusCode);
            if (status == HttpStatusCode.ServiceUnavailable)
                Assert.NotNull(response.Headers.RetryAfter);
            Assert.Equal(written, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM persons WHERE name_en = 'Tried again'"));
            Assert.Equal(Math.Min(collisions + 1, 3), await connection.ExecuteScalarAsync<long>("SELECT last_value FROM test_collisions"));
        }
        finally
        {
            await connection.ExecuteAsync("DROP TRIGGER test_collide ON persons; DROP FUNCTION test_collide(); DROP SEQUENCE test_collisions");
        }
    }

    [Fact]
    public async Task A_write_whose_answer_cannot_be_read_in_time_is_answered_503_and_writes_nothing()
    {
        // A person's answer lists the meetings they sat in; a person's write does not touch meetings. With meetings locked
        // the write is done but its answer, read in the same transaction, waits past the 1 s request time: nothing
        // commits, so the 503 means what it says and a retry writes once.
        await using var api = new ApiFactory(Db.ConnectionString, settings: new Dictionary<string, string> { ["Api:RequestTimeoutSeconds"] = "1" });
        var client = api.CreateWriterClient();
        client.Timeout = TimeSpan.FromSeconds(30);
        // Someone who sat in no meeting, so that changing them changes no meeting's document either.
        var other = (await client.PostJsonAsync("/api/v1/persons", new System.Text.Json.Nodes.JsonObject { ["nameEn"] = "Written before" })).Headers.Location!.ToString();
        var etag = await client.ETagAsync(other);
        HttpResponseMessage created, patched;
        await using (var holder = await Db.OpenAsync())
        await using (var transaction = await holder.BeginTransactionAsync())
        {
            await holder.ExecuteAsync("LOCK TABLE meetings IN ACCESS EXCLUSIVE MODE", transaction: transaction);
            created = await client.PostJsonAsync("/api/v1/persons", new System.Text.Json.Nodes.JsonObject { ["nameEn"] = "Written while meetings were locked" });
            patched = await client.MergePatchAsync(other, new System.Text.Json.Nodes.JsonObject { ["notes"] = "Patched while meetings were locked" }, etag);
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, created.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, patched.StatusCode);
        await using var connection = await Db.OpenAsync();
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM persons WHERE name_en = 'Written while meetings were locked'"));
        Assert.DoesNotContain("Patched while meetings were locked", await client.GetStringAsync(other));
        Assert.Equal(etag, await client.ETagAsync(other));
    }
}
