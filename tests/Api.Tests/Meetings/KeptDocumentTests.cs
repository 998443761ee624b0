using System.Net;
using System.Text.Json.Nodes;
using Api.Meetings;
using Api.Tests.Fixtures;
using Dapper;

namespace Api.Tests.Meetings;

/// <summary>
/// A meeting and its delegations are sent from the documents an earlier read kept (migration 0025): a write must drop
/// every kept document it changes, whichever record it writes, so that what is sent is always what would be built now.
/// </summary>
public sealed class KeptDocumentTests(DbFixture db) : DatabaseTest(db, db.WriterClient())
{
    public override Task InitializeAsync() => Db.ResetAndSeedAsync();

    [Fact]
    public async Task A_read_sends_the_document_an_earlier_read_kept()
    {
        var url = $"/api/v1/meetings/{Bodies.NiameyMeeting}";
        var built = await Client.GetAsync(url);
        await Client.GetAsync(url + "/delegations");

        // Kept: the next read sends these bytes, not a document built again. (Changed here behind the triggers' back,
        // which no write can do, to tell the two apart.)
        await using (var connection = await Db.OpenAsync())
        {
            var kept = await connection.ExecuteAsync("""
                UPDATE kept_documents SET document = convert_to('{"kept":"document"}', 'UTF8'), delegations = convert_to('[{"kept":"delegations"}]', 'UTF8')
                WHERE meeting_id = @id AND document IS NOT NULL AND delegations IS NOT NULL
                """, new { id = Guid.Parse(Bodies.NiameyMeeting) });
            Assert.Equal(1, kept);
        }

        var read = await Client.GetAsync(url);
        Assert.Equal("""{"kept":"document"}""", await read.Content.ReadAsStringAsync());
        Assert.NotEqual(built.Headers.ETag, read.Headers.ETag);
        Assert.Equal("""[{"kept":"delegations"}]""", await (await Client.GetAsync(url + "/delegations")).Content.ReadAsStringAsync());
    }

    /// <summary>Writes of every record a meeting's document shows, by name.</summary>
    private static readonly Dictionary<string, Func<KeptDocumentTests, Task>> WritesByName = new()
    {
        ["rename a meeting (its side meeting shows it as parent, the meetings of its agreements list it)"] =
            t => t.PatchAsync($"/api/v1/meetings/{Bodies.NiameyMeeting}", "titleEn", "Renamed meeting"),
        ["rename the parent meeting"] = async t => await t.PatchAsync($"/api/v1/meetings/{await t.ParentMeetingAsync()}", "titleEn", "Renamed parent"),
        ["add a side meeting"] = async t =>
        {
            var body = Bodies.Meeting();
            body["parentMeetingId"] = Bodies.NiameyMeeting;
            Assert.Equal(HttpStatusCode.Created, (await t.Client.PostJsonAsync("/api/v1/meetings", body)).StatusCode);
        },
        ["detach a side meeting from its parent"] = t => t.PatchAsync($"/api/v1/meetings/{Bodies.NiameyMeeting}", "parentMeetingId", null),
        ["rename a person in a delegation and in an agreement's parties"] = t => t.PatchAsync($"/api/v1/persons/{Bodies.Mazen}", "nameEn", "Renamed person"),
        ["rename an organisation"] = t => t.PatchAsync($"/api/v1/organizations/{Bodies.NigerInterior}", "nameEn", "Renamed ministry"),
        ["rename a topic"] = async t =>
        {
            const string topic = "/api/v1/topics/border-security";
            var body = JsonNode.Parse(await (await t.Client.GetAsync(topic)).Content.ReadAsStringAsync())!.AsObject();
            var renamed = new JsonObject { ["code"] = body["code"]!.GetValue<string>(), ["labelEn"] = "Renamed topic", ["labelAr"] = body["labelAr"]!.GetValue<string>() };
            var response = await t.Client.PutJsonAsync(topic, renamed, await t.Client.ETagAsync(topic));
            Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        },
        ["rename a source"] = t => t.PatchAsync($"/api/v1/sources/{Bodies.SeedSource}", "title", "Renamed source"),
        ["rename an agreement"] = t => t.PatchAsync($"/api/v1/agreements/{Bodies.Invitation}", "titleEn", "Renamed agreement"),
        ["add an agreement linked to two meetings"] = async t =>
        {
            var body = Bodies.Agreement();
            body["meetings"]!.AsArray().Add(new JsonObject { ["meetingId"] = await t.ParentMeetingAsync(), ["linkKind"] = "referenced_at" });
            var response = await t.Client.PostJsonAsync("/api/v1/agreements", body);
            Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        },
        ["delete an agreement"] = t => t.DeleteAsync($"/api/v1/agreements/{Bodies.Invitation}"),
        ["add a delegation"] = async t =>
        {
            var body = new JsonObject
            {
                ["meetingId"] = Bodies.NiameyMeeting, ["role"] = "participant", ["countryCode"] = "TCD",
                ["members"] = new JsonArray(new JsonObject { ["personId"] = Bodies.Bashagha, ["isHead"] = true }),
            };
            Assert.Equal(HttpStatusCode.Created, (await t.Client.PostJsonAsync("/api/v1/delegations", body)).StatusCode);
        },
        ["retitle a delegation's member"] = async t =>
        {
            var delegation = $"/api/v1/delegations/{Bodies.GuestDelegation}";
            var current = JsonNode.Parse(await (await t.Client.GetAsync(delegation)).Content.ReadAsStringAsync())!;
            var members = new JsonArray(current["members"]!.AsArray().Select(m => (JsonNode)new JsonObject
            {
                ["personId"] = m!["personId"]!.GetValue<string>(), ["isHead"] = m["isHead"]!.GetValue<bool>(),
                ["titleEn"] = m["titleEn"]?.GetValue<string>(), ["titleAr"] = m["titleAr"]?.GetValue<string>(),
                ["rankEn"] = m["rankEn"]?.GetValue<string>(), ["rankAr"] = m["rankAr"]?.GetValue<string>(),
                ["organizationId"] = m["organization"]?["id"]?.GetValue<string>(),
            }).ToArray());
            members[0]!["titleEn"] = "Retitled member";
            var body = new JsonObject
            {
                ["role"] = current["role"]!.GetValue<string>(), ["countryCode"] = current["countryCode"]?.GetValue<string>(),
                ["organizationId"] = current["organization"]?["id"]?.GetValue<string>(), ["members"] = members,
            };
            var response = await t.Client.PutJsonAsync(delegation, body, await t.Client.ETagAsync(delegation));
            Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        },
        ["delete a delegation"] = async t => await t.DeleteAsync($"/api/v1/delegations/{await t.ScalarAsync("SELECT id FROM delegations WHERE country_code = 'SDN'")}"),
        ["rename a person behind the API (plain SQL)"] = async t =>
        {
            await using var connection = await t.Db.OpenAsync();
            await connection.ExecuteAsync("UPDATE persons SET name_en = 'Renamed behind the API' WHERE id = @id", new { id = Guid.Parse(Bodies.Mazen) });
        },
    };

    public static TheoryData<string> Writes => new(WritesByName.Keys);

    [Fact]
    public async Task A_page_that_embeds_delegations_keeps_them_and_sends_those_kept()
    {
        const string page = "/api/v1/meetings?include=delegations&limit=500";
        var first = await Client.GetAsync(page);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        await using var connection = await Db.OpenAsync();
        Assert.Equal(await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM meetings"),
            await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM kept_documents WHERE delegations IS NOT NULL"));
        // What a single read of the delegations sends is what the page kept.
        var niamey = JsonNode.Parse(await first.Content.ReadAsStringAsync())!["items"]!.AsArray()
            .Single(m => m!["id"]!.GetValue<string>() == Bodies.NiameyMeeting)!["delegations"];
        var single = JsonNode.Parse(await (await Client.GetAsync($"/api/v1/meetings/{Bodies.NiameyMeeting}/delegations")).Content.ReadAsStringAsync());
        Assert.NotEmpty(single!.AsArray());
        Assert.True(JsonNode.DeepEquals(niamey, single));

        // Kept: the next page sends them (changed here behind the triggers' back, which no write can do, to tell).
        await connection.ExecuteAsync("UPDATE kept_documents SET delegations = convert_to('[]', 'UTF8') WHERE meeting_id = @id",
            new { id = Guid.Parse(Bodies.NiameyMeeting) });
        var second = JsonNode.Parse(await (await Client.GetAsync(page)).Content.ReadAsStringAsync())!["items"]!.AsArray()
            .Single(m => m!["id"]!.GetValue<string>() == Bodies.NiameyMeeting)!;
        Assert.Empty(second["delegations"]!.AsArray());
    }

    [Theory]
    [MemberData(nameof(Writes))]
    public async Task After_every_kind_of_write_each_meeting_and_its_delegations_are_sent_as_they_would_be_built_now(string write)
    {
        var urls = await UrlsAsync();
        var before = await ReadAllAsync(urls);
        await using (var connection = await Db.OpenAsync())
            Assert.Equal(await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM meetings"), await connection.ExecuteScalarAsync<int>(
                "SELECT count(*) FROM kept_documents WHERE document IS NOT NULL AND delegations IS NOT NULL"));

        await WritesByName[write](this);

        urls = (await UrlsAsync()).Union(urls).ToList();
        var sent = await ReadAllAsync(urls);
        await using (var connection = await Db.OpenAsync())
            await connection.ExecuteAsync("DELETE FROM kept_documents");
        var builtNow = await ReadAllAsync(urls);
        Assert.Equal(builtNow, sent);
        // The write shows in some document (else this case would test nothing).
        Assert.NotEqual(before.Where(r => builtNow.ContainsKey(r.Key)), builtNow.Where(r => before.ContainsKey(r.Key)));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_document_built_before_a_write_committed_is_not_kept(bool throughTheApi)
    {
        var id = Guid.Parse(Bodies.NiameyMeeting);
        await using var connection = await Db.OpenAsync();
        // What a read saw: the generation of the meeting's row before a write (no row yet: 0).
        var seen = await connection.ExecuteScalarAsync<long?>("SELECT generation FROM kept_documents WHERE meeting_id = @id", new { id }) ?? 0;
        // A write that changes the meeting commits in the meantime: through the API, or one statement on the meeting's row.
        if (throughTheApi)
        {
            var rename = await Client.MergePatchAsync($"/api/v1/meetings/{Bodies.NiameyMeeting}", new JsonObject { ["titleEn"] = "Renamed meanwhile" },
                await Client.ETagAsync($"/api/v1/meetings/{Bodies.NiameyMeeting}"));
            Assert.Equal(HttpStatusCode.OK, rename.StatusCode);
        }
        else
        {
            await connection.ExecuteAsync("UPDATE meetings SET title_en = 'Renamed meanwhile' WHERE id = @id", new { id });
        }

        // The read now keeps what it built before the write: refused, for the document as for the delegations.
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await connection.ExecuteAsync(KeptDocuments.Document.KeepSql, new
            {
                ids = new[] { id }, generations = new[] { seen }, versions = new long?[] { 1 }, documents = new[] { "{\"stale\":true}"u8.ToArray() },
            }, transaction);
            await connection.ExecuteAsync(KeptDocuments.Delegations.KeepSql, new
            {
                ids = new[] { id }, generations = new[] { seen }, versions = new long?[] { null }, documents = new[] { "[\"stale\"]"u8.ToArray() },
            }, transaction);
            await transaction.CommitAsync();
        }

        var read = await (await Client.GetAsync($"/api/v1/meetings/{Bodies.NiameyMeeting}")).Content.ReadAsStringAsync();
        Assert.Contains("Renamed meanwhile", read);
        Assert.DoesNotContain("stale", await (await Client.GetAsync($"/api/v1/meetings/{Bodies.NiameyMeeting}/delegations")).Content.ReadAsStringAsync());
    }

    /// <summary>Each meeting's document and delegations, and pages of them with their delegations embedded.</summary>
    private async Task<List<string>> UrlsAsync()
    {
        await using var connection = await Db.OpenAsync();
        var ids = await connection.QueryAsync<Guid>("SELECT id FROM meetings ORDER BY id");
        // First a search, which reads in a read-only transaction: it sends kept delegations, and keeps none.
        return new[] { "/api/v1/meetings?q=Niamey&include=delegations&limit=500" }
            .Concat(ids.SelectMany(id => new[] { $"/api/v1/meetings/{id}", $"/api/v1/meetings/{id}/delegations" }))
            .Append("/api/v1/meetings?include=delegations,agreements&limit=500").ToList();
    }

    /// <summary>What each url answers: status, ETag and body.</summary>
    private async Task<Dictionary<string, string>> ReadAllAsync(IEnumerable<string> urls)
    {
        var answers = new Dictionary<string, string>();
        foreach (var url in urls)
        {
            var response = await Client.GetAsync(url);
            answers[url] = $"{(int)response.StatusCode} {response.Headers.ETag} {await response.Content.ReadAsStringAsync()}";
        }
        return answers;
    }

    private async Task PatchAsync(string url, string field, string? value)
    {
        var response = await Client.MergePatchAsync(url, new JsonObject { [field] = value }, await Client.ETagAsync(url));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task DeleteAsync(string url)
    {
        var response = await Client.DeleteAsync(url, await Client.ETagAsync(url));
        Assert.True(response.StatusCode == HttpStatusCode.NoContent, await response.Content.ReadAsStringAsync());
    }

    private async Task<Guid> ScalarAsync(string sql)
    {
        await using var connection = await Db.OpenAsync();
        return await connection.ExecuteScalarAsync<Guid>(sql);
    }

    private Task<Guid> ParentMeetingAsync() => ScalarAsync("SELECT parent_meeting_id FROM meetings WHERE parent_meeting_id IS NOT NULL");
}
