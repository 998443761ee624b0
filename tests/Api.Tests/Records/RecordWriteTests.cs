using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Api.Tests.Fixtures;

namespace Api.Tests.Records;

/// <summary>The write cycle of persons, organisations, sources, topics and agreements, and what only each of them has.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class RecordWriteTests(DbFixture db) : IAsyncLifetime
{
    private readonly HttpClient _client = db.WriterClient();

    public Task InitializeAsync() => db.ResetAndSeedAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("persons", "nameEn")]
    [InlineData("organizations", "nameEn")]
    [InlineData("sources", "title")]
    [InlineData("agreements", "titleEn")]
    public async Task A_record_is_created_replaced_and_retired_with_its_history_kept(string resource, string field)
    {
        var body = Body(resource);
        var created = await _client.PostJsonAsync($"/api/v1/{resource}", body);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var url = created.Headers.Location!.AbsolutePath;
        Assert.Equal(body[field]!.GetValue<string>(), (await created.JsonAsync()).GetProperty(field).GetString());

        body[field] = "Corrected";
        var replaced = await _client.PutJsonAsync(url, body, created.Headers.ETag!.ToString());
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        Assert.Equal("Corrected", (await (await _client.GetAsync(url)).JsonAsync()).GetProperty(field).GetString());

        var stale = await _client.DeleteAsync(url, created.Headers.ETag!.ToString());
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        var deleted = await _client.DeleteAsync(url, replaced.Headers.ETag!.ToString());
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync(url)).StatusCode);

        var history = (await _client.GetFromJsonAsync<JsonElement>($"{url}/history")).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["created", "updated", "deleted"], history.Select(h => h.GetProperty("kind").GetString()));
        Assert.Equal("Corrected", history[2].GetProperty("before").GetProperty(field).GetString());
    }

    [Fact]
    public async Task A_person_patched_with_a_new_alias_is_found_under_it_and_keeps_the_other_fields()
    {
        const string url = "/api/v1/persons/" + Bodies.Bazoum;
        var person = await (await _client.GetAsync(url)).JsonAsync();
        var aliases = JsonNode.Parse(person.GetProperty("aliases").GetRawText())!.AsArray();
        aliases.Add(new JsonObject { ["alias"] = "محمد بزوم", ["language"] = "ar" });

        var response = await _client.MergePatchAsync(url, new JsonObject { ["aliases"] = aliases }, await _client.ETagAsync(url));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var patched = await response.JsonAsync();
        Assert.Contains(patched.GetProperty("aliases").EnumerateArray(), a => a.GetProperty("alias").GetString() == "محمد بزوم");
        Assert.Equal(aliases.Count, patched.GetProperty("aliases").GetArrayLength());
        Assert.Equal(person.GetProperty("nameAr").GetString(), patched.GetProperty("nameAr").GetString());
        Assert.Equal(person.GetProperty("meetings").GetArrayLength(), patched.GetProperty("meetings").GetArrayLength());
    }

    [Fact]
    public async Task An_invitation_is_marked_fulfilled_by_a_later_visit()
    {
        var visit = Bodies.Meeting();
        visit["titleEn"] = "Mohamed Bazoum visits Tripoli";
        visit["format"] = "visit";
        visit["countryCode"] = "LBY";
        visit["hostCountryCode"] = "LBY";
        visit["delegations"] = new JsonArray(new JsonObject
        {
            ["role"] = "guest", ["countryCode"] = "NER",
            ["members"] = new JsonArray(new JsonObject { ["personId"] = Bodies.Bazoum, ["isHead"] = true }),
        });
        var visitId = (await (await _client.PostJsonAsync("/api/v1/meetings", visit)).JsonAsync()).GetProperty("id").GetString();
        const string url = "/api/v1/agreements/" + Bodies.Invitation;
        var invitation = await (await _client.GetAsync(url)).JsonAsync();
        var links = new JsonArray(
            [.. invitation.GetProperty("meetings").EnumerateArray().Select(m => (JsonNode)new JsonObject
            {
                ["meetingId"] = m.GetProperty("meetingId").GetString(), ["linkKind"] = m.GetProperty("linkKind").GetString(),
            })]);
        links.Add(new JsonObject { ["meetingId"] = visitId, ["linkKind"] = "fulfilled_by" });

        var response = await _client.MergePatchAsync(url, new JsonObject { ["status"] = "fulfilled", ["meetings"] = links }, await _client.ETagAsync(url));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var agreement = await response.JsonAsync();
        Assert.Equal("fulfilled", agreement.GetProperty("status").GetString());
        Assert.Contains(agreement.GetProperty("meetings").EnumerateArray(),
            m => m.GetProperty("meetingId").GetString() == visitId && m.GetProperty("linkKind").GetString() == "fulfilled_by");
        var visitRecord = await _client.GetFromJsonAsync<JsonElement>($"/api/v1/meetings/{visitId}");
        Assert.Contains(visitRecord.GetProperty("agreements").EnumerateArray(), a => a.GetProperty("linkKind").GetString() == "fulfilled_by");
    }

    [Fact]
    public async Task A_source_url_already_recorded_is_a_conflict()
    {
        var source = Bodies.Source();

        var first = await _client.PostJsonAsync("/api/v1/sources", source);
        var second = await _client.PostJsonAsync("/api/v1/sources", source);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("application/problem+json", second.Content.Headers.ContentType?.MediaType);
        Assert.Contains("URL", (await second.JsonAsync()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_topic_is_addressed_by_its_code_and_a_new_code_moves_it_with_its_meetings()
    {
        var created = await _client.PostJsonAsync("/api/v1/topics", Bodies.Topic());
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.EndsWith("/api/v1/topics/refugees", created.Headers.Location!.AbsolutePath);
        var meeting = Bodies.Meeting();
        meeting["topicIds"] = new JsonArray((await created.JsonAsync()).GetProperty("id").GetString());
        var meetingUrl = (await _client.PostJsonAsync("/api/v1/meetings", meeting)).Headers.Location!.AbsolutePath;

        var renamed = await _client.PutJsonAsync("/api/v1/topics/refugees",
            new JsonObject { ["code"] = "refugees-and-displaced", ["labelEn"] = "Refugees and displaced people", ["labelAr"] = "اللاجئون والنازحون" },
            created.Headers.ETag!.ToString());

        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/api/v1/topics/refugees")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync("/api/v1/topics/refugees-and-displaced")).StatusCode);
        var topics = (await _client.GetFromJsonAsync<JsonElement>(meetingUrl)).GetProperty("topics");
        Assert.Equal("refugees-and-displaced", Assert.Single(topics.EnumerateArray()).GetProperty("code").GetString());
        var inUse = await _client.DeleteAsync("/api/v1/topics/refugees-and-displaced", renamed.Headers.ETag!.ToString());
        Assert.Equal(HttpStatusCode.Conflict, inUse.StatusCode);
    }

    [Fact]
    public async Task An_organisation_cannot_become_its_own_ancestor()
    {
        var child = await _client.PostJsonAsync("/api/v1/organizations", Bodies.Organization());
        var childId = (await child.JsonAsync()).GetProperty("id").GetString();
        const string parentUrl = "/api/v1/organizations/" + Bodies.NigerInterior;
        var parent = await (await _client.GetAsync(parentUrl)).JsonAsync();

        var response = await _client.PutJsonAsync(parentUrl, new JsonObject
        {
            ["nameEn"] = parent.GetProperty("nameEn").GetString(),
            ["kind"] = parent.GetProperty("kind").GetString(),
            ["countryCode"] = "NER",
            ["parentId"] = childId,
        }, await _client.ETagAsync(parentUrl));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["parentId"], await response.ErrorFieldsAsync());
    }

    [Fact]
    public async Task A_person_no_record_names_any_more_can_be_retired()
    {
        const string url = "/api/v1/persons/" + Bodies.Bashagha;
        var inUse = await _client.DeleteAsync(url, await _client.ETagAsync(url));
        Assert.Equal(HttpStatusCode.Conflict, inUse.StatusCode);
        Assert.Contains(Bodies.Invitation, (await inUse.JsonAsync()).GetProperty("detail").GetString());

        const string invitationUrl = "/api/v1/agreements/" + Bodies.Invitation;
        Assert.Equal(HttpStatusCode.NoContent, (await _client.DeleteAsync(invitationUrl, await _client.ETagAsync(invitationUrl))).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await _client.DeleteAsync(url, await _client.ETagAsync(url))).StatusCode);
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
