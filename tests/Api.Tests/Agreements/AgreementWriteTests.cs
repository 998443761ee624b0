using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Api.Tests.Fixtures;

namespace Api.Tests.Agreements;

/// <summary>Correcting agreements: an invitation fulfilled by a later meeting.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class AgreementWriteTests(DbFixture db) : IAsyncLifetime
{
    private readonly HttpClient _client = db.WriterClient();

    public Task InitializeAsync() => db.ResetAndSeedAsync();

    public Task DisposeAsync() => Task.CompletedTask;

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
}
