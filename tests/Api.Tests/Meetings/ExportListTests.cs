using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Api.Tests.Fixtures;
using Dapper;

namespace Api.Tests.Meetings;

/// <summary>
/// A meetings export sends with each meeting the countries of its delegations and the codes of its topics, from lists
/// kept on the meeting's row (migration 0026): every write that changes a meeting's delegations or topics, or a topic's
/// code, must show in the export as in the meeting's own document.
/// </summary>
public sealed class ExportListTests(DbFixture db) : DatabaseTest(db, db.WriterClient())
{
    public override Task InitializeAsync() => Db.ResetAndSeedAsync();

    private static readonly Dictionary<string, Func<ExportListTests, Task>> WritesByName = new()
    {
        ["create a meeting with two delegations of one country, one of a body alone, and two topics"] = async t =>
        {
            var body = Bodies.Meeting();
            body["topicIds"] = new JsonArray(await t.TopicIdAsync("migration"), Bodies.BorderSecurity);
            var delegations = body["delegations"]!.AsArray();
            delegations.Add(new JsonObject { ["role"] = "mediator", ["countryCode"] = "LBY", ["members"] = new JsonArray() });
            delegations.Add(new JsonObject { ["role"] = "organiser", ["organizationId"] = Bodies.NigerInterior, ["members"] = new JsonArray() });
            delegations.Add(new JsonObject { ["role"] = "participant", ["countryCode"] = "DZA", ["members"] = new JsonArray() });
            var response = await t.Client.PostJsonAsync("/api/v1/meetings", body);
            Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        },
        ["change a meeting's topics"] = async t => await t.PatchAsync($"/api/v1/meetings/{Bodies.NiameyMeeting}",
            new JsonObject { ["topicIds"] = new JsonArray(await t.TopicIdAsync("migration")) }),
        ["create a meeting, then replace its delegations"] = async t =>
        {
            var response = await t.Client.PostJsonAsync("/api/v1/meetings", Bodies.Meeting());
            Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
            await t.PatchAsync(response.Headers.Location!.ToString(), new JsonObject
            {
                ["delegations"] = new JsonArray(new JsonObject { ["role"] = "host", ["countryCode"] = "NER", ["members"] = new JsonArray() },
                    new JsonObject { ["role"] = "guest", ["countryCode"] = "EGY", ["members"] = new JsonArray() }),
            });
        },
        ["add a delegation"] = t => t.AddDelegationAsync("SDN"),
        ["move a delegation to another country"] = async t =>
        {
            var url = $"/api/v1/delegations/{await t.AddDelegationAsync("SDN")}";
            var body = new JsonObject { ["role"] = "participant", ["countryCode"] = "EGY", ["members"] = new JsonArray() };
            var response = await t.Client.PutJsonAsync(url, body, await t.Client.ETagAsync(url));
            Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        },
        ["delete a delegation"] = async t =>
        {
            await using var connection = await t.Db.OpenAsync();
            var url = $"/api/v1/delegations/{await connection.ExecuteScalarAsync<Guid>("SELECT id FROM delegations WHERE country_code = 'SDN'")}";
            var response = await t.Client.DeleteAsync(url, await t.Client.ETagAsync(url));
            Assert.True(response.StatusCode == HttpStatusCode.NoContent, await response.Content.ReadAsStringAsync());
        },
        ["give a topic a new code"] = async t =>
        {
            const string topic = "/api/v1/topics/border-security";
            var body = JsonNode.Parse(await (await t.Client.GetAsync(topic)).Content.ReadAsStringAsync())!.AsObject();
            var renamed = new JsonObject { ["code"] = "a-frontier-security", ["labelEn"] = body["labelEn"]!.GetValue<string>(), ["labelAr"] = body["labelAr"]!.GetValue<string>() };
            var response = await t.Client.PutJsonAsync(topic, renamed, await t.Client.ETagAsync(topic));
            Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        },
    };

    public static TheoryData<string> Writes => new(WritesByName.Keys);

    [Theory]
    [MemberData(nameof(Writes))]
    public async Task After_each_write_the_export_lists_every_meetings_delegation_countries_and_topics_as_its_document_shows_them(string write)
    {
        var before = await ExportedAsync();

        await WritesByName[write](this);

        var exported = await ExportedAsync();
        Assert.Equal(await ShownAsync(exported.Keys), exported);
        // The write changed some meeting's lists (else this case would test nothing).
        Assert.NotEqual(before.OrderBy(m => m.Key), exported.OrderBy(m => m.Key));
    }

    [Fact]
    public async Task The_csv_joins_each_list_with_semicolons_in_code_order_and_leaves_a_meeting_without_any_empty()
    {
        var body = Bodies.Meeting();
        body["topicIds"] = new JsonArray(await TopicIdAsync("migration"), Bodies.BorderSecurity);
        body["delegations"]!.AsArray().Add(new JsonObject { ["role"] = "participant", ["countryCode"] = "DZA", ["members"] = new JsonArray() });
        var listed = (await Client.PostJsonAsync("/api/v1/meetings", body)).Headers.Location!.ToString().Split('/')[^1];
        var bare = Bodies.Meeting();
        bare["topicIds"] = new JsonArray();
        bare["delegations"] = new JsonArray();
        var empty = (await Client.PostJsonAsync("/api/v1/meetings", bare)).Headers.Location!.ToString().Split('/')[^1];

        var rows = Rfc4180.Parse(Rfc4180.Decode(await Client.GetByteArrayAsync("/api/v1/meetings?format=csv")).Text);
        var header = rows[0];
        string[] Cells(string id) => rows.Single(r => r[0] == id) is var row
            ? [row[Array.IndexOf(header, "delegation_countries")], row[Array.IndexOf(header, "topics")]]
            : [];

        Assert.Equal(["DZA;LBY;TCD", "border-security;migration"], Cells(listed));
        Assert.Equal(["", ""], Cells(empty));
    }

    /// <summary>Each exported meeting's delegation countries and topic codes, from the NDJSON export of every meeting.</summary>
    private async Task<Dictionary<string, string>> ExportedAsync()
    {
        var lines = (await Client.GetStringAsync("/api/v1/meetings?format=ndjson")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return lines.Select(l => JsonDocument.Parse(l).RootElement).ToDictionary(m => m.GetProperty("id").GetString()!,
            m => Lists(m.GetProperty("delegationCountries").EnumerateArray().Select(c => c.GetString()!),
                m.GetProperty("topics").EnumerateArray().Select(c => c.GetString()!)));
    }

    /// <summary>The same, as each meeting's document shows them: its delegations' countries once each and its topics' codes, sorted.</summary>
    private async Task<Dictionary<string, string>> ShownAsync(IEnumerable<string> ids)
    {
        var shown = new Dictionary<string, string>();
        foreach (var id in ids)
        {
            var meeting = await (await Client.GetAsync($"/api/v1/meetings/{id}")).JsonAsync();
            shown[id] = Lists(
                meeting.GetProperty("delegations").EnumerateArray().Select(d => d.GetProperty("countryCode"))
                    .Where(c => c.ValueKind == JsonValueKind.String).Select(c => c.GetString()!).Distinct().Order(StringComparer.Ordinal),
                meeting.GetProperty("topics").EnumerateArray().Select(t => t.GetProperty("code").GetString()!).Order(StringComparer.Ordinal));
        }
        return shown;
    }

    private static string Lists(IEnumerable<string> countries, IEnumerable<string> topics) => $"{string.Join(';', countries)} | {string.Join(';', topics)}";

    /// <summary>A delegation of <paramref name="country"/> at the Niamey meeting, with no members; its id.</summary>
    private async Task<string> AddDelegationAsync(string country)
    {
        var body = new JsonObject { ["meetingId"] = Bodies.NiameyMeeting, ["role"] = "participant", ["countryCode"] = country, ["members"] = new JsonArray() };
        var response = await Client.PostJsonAsync("/api/v1/delegations", body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return response.Headers.Location!.ToString().Split('/')[^1];
    }

    private async Task<string> TopicIdAsync(string code) =>
        (await (await Client.GetAsync($"/api/v1/topics/{code}")).JsonAsync()).GetProperty("id").GetString()!;

    private async Task PatchAsync(string url, JsonObject patch)
    {
        var response = await Client.MergePatchAsync(url, patch, await Client.ETagAsync(url));
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }
}
