using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Api.Tests.Fixtures;

namespace Api.Tests.Agreements;

/// <summary>Correcting agreements: an invitation fulfilled by a later meeting.</summary>
public sealed class AgreementWriteTests(DbFixture db) : DatabaseTest(db, db.WriterClient())
{
    public override Task InitializeAsync() => Db.ResetAndSeedAsync();

    [Theory]
    // The Niamey meeting: 2019-01-29, Libya and Niger.
    [InlineData("2019-01-29", "day", "NER", 201, null)]
    [InlineData("2019-01-01", "month", "LBY", 201, null)] // January 2019 holds the 29th
    [InlineData("2018-06-01", "day", "NER", 400, "date")]
    [InlineData("2019-02-01", "month", "NER", 400, "date")]
    [InlineData("2019-01-29", "day", "TCD", 400, "parties[0].countryCode")] // Chad took no part
    public async Task An_agreement_concluded_at_a_meeting_is_dated_within_it_and_its_countries_took_part(
        string date, string precision, string country, int status, string? field)
    {
        var body = Bodies.Agreement();
        body["date"] = date;
        body["datePrecision"] = precision;
        body["parties"] = new JsonArray(new JsonObject { ["role"] = "party", ["countryCode"] = country });
        body["meetings"] = new JsonArray(new JsonObject { ["meetingId"] = Bodies.NiameyMeeting, ["linkKind"] = "concluded_at" });

        var response = await Client.PostJsonAsync("/api/v1/agreements", body);

        Assert.Equal(status, (int)response.StatusCode);
        if (field is not null)
            Assert.Equal([field], await response.ErrorFieldsAsync());
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
        var visitId = (await (await Client.PostJsonAsync("/api/v1/meetings", visit)).JsonAsync()).GetProperty("id").GetString();
        const string url = "/api/v1/agreements/" + Bodies.Invitation;
        var invitation = await (await Client.GetAsync(url)).JsonAsync();
        var links = new JsonArray(
            [.. invitation.GetProperty("meetings").EnumerateArray().Select(m => (JsonNode)new JsonObject
            {
                ["meetingId"] = m.GetProperty("meetingId").GetString(), ["linkKind"] = m.GetProperty("linkKind").GetString(),
            })]);
        links.Add(new JsonObject { ["meetingId"] = visitId, ["linkKind"] = "fulfilled_by" });

        var response = await Client.MergePatchAsync(url, new JsonObject { ["status"] = "fulfilled", ["meetings"] = links }, await Client.ETagAsync(url));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var agreement = await response.JsonAsync();
        Assert.Equal("fulfilled", agreement.GetProperty("status").GetString());
        Assert.Contains(agreement.GetProperty("meetings").EnumerateArray(),
            m => m.GetProperty("meetingId").GetString() == visitId && m.GetProperty("linkKind").GetString() == "fulfilled_by");
        var visitRecord = await Client.GetFromJsonAsync<JsonElement>($"/api/v1/meetings/{visitId}");
        Assert.Contains(visitRecord.GetProperty("agreements").EnumerateArray(), a => a.GetProperty("linkKind").GetString() == "fulfilled_by");
    }
}
