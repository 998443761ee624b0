using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Api.Tests.Fixtures;

namespace Api.Tests.Delegations;

/// <summary>Adding, editing and removing a delegation on its own, apart from the meeting it belongs to.</summary>
public sealed class DelegationWriteTests(DbFixture db) : DatabaseTest(db, db.WriterClient())
{
    public override Task InitializeAsync() => Db.ResetAndSeedAsync();

    [Fact]
    public async Task A_delegation_added_edited_and_removed_on_its_own_shows_in_the_meeting_and_its_history()
    {
        var (url, _) = await CreateAsync();
        var meetingId = url.Split('/')[^1];

        var added = await Client.PostJsonAsync("/api/v1/delegations", new JsonObject
        {
            ["meetingId"] = meetingId,
            ["role"] = "mediator",
            ["countryCode"] = "NER",
            ["members"] = new JsonArray(new JsonObject { ["personId"] = Bodies.Bazoum, ["isHead"] = true }),
        });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var delegationUrl = added.Headers.Location!.AbsolutePath;
        var delegationEtag = added.Headers.ETag!.ToString();

        var edited = await Client.PutJsonAsync(delegationUrl, new JsonObject
        {
            ["role"] = "participant",
            ["countryCode"] = "NER",
            ["members"] = new JsonArray(new JsonObject { ["personId"] = Bodies.Bazoum, ["isHead"] = true, ["titleEn"] = "Minister of Interior" }),
        }, delegationEtag);
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        Assert.Equal(delegationUrl, $"/api/v1/delegations/{(await edited.JsonAsync()).GetProperty("id").GetString()}");
        var stale = await Client.DeleteAsync(delegationUrl, delegationEtag);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);

        var removed = await Client.DeleteAsync(delegationUrl, edited.Headers.ETag!.ToString());
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync(delegationUrl)).StatusCode);

        var history = (await Client.GetFromJsonAsync<JsonElement>($"{url}/history")).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(4, history.Count);
        Assert.Equal([2, 3, 3, 2], history.Select(h => h.GetProperty("after").GetProperty("delegations").GetArrayLength()));
        var participant = history[2].GetProperty("after").GetProperty("delegations").EnumerateArray().Single(d => d.GetProperty("countryCode").GetString() == "NER");
        Assert.Equal("participant", participant.GetProperty("role").GetString());
    }

    [Fact]
    public async Task A_delegation_whose_member_already_sits_in_another_delegation_of_the_meeting_is_refused()
    {
        const string meeting = "/api/v1/meetings/" + Bodies.NiameyMeeting;
        var before = (await (await Client.GetAsync(meeting + "/delegations")).JsonAsync()).GetArrayLength();

        var response = await Client.PostJsonAsync("/api/v1/delegations", new JsonObject
        {
            ["meetingId"] = Bodies.NiameyMeeting,
            ["role"] = "mediator",
            ["countryCode"] = "TCD",
            ["members"] = new JsonArray(new JsonObject { ["personId"] = Bodies.Mazen }),
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["members[0].personId"], await response.ErrorFieldsAsync());
        Assert.Equal(before, (await (await Client.GetAsync(meeting + "/delegations")).JsonAsync()).GetArrayLength());
    }

    [Fact]
    public async Task A_second_delegation_of_the_same_party_in_the_same_role_is_a_conflict()
    {
        var response = await Client.PostJsonAsync("/api/v1/delegations", new JsonObject
        {
            ["meetingId"] = Bodies.NiameyMeeting,
            ["role"] = "guest",
            ["countryCode"] = "LBY",
            ["organizationId"] = "a0bba47d-90d0-5758-b739-e09c3d5b8ebe",
            ["members"] = new JsonArray(),
        });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }

    [Fact]
    public async Task A_meeting_shows_its_delegations_hosts_first_then_guests_organisers_participants_and_mediators_each_by_country()
    {
        var meeting = Bodies.Meeting();
        // Sent in the reverse of the order responses use; two guests, to see the country order within a role.
        meeting["delegations"] = new JsonArray(
            new JsonObject { ["role"] = "mediator", ["countryCode"] = "SDN", ["members"] = new JsonArray() },
            new JsonObject { ["role"] = "participant", ["countryCode"] = "NER", ["members"] = new JsonArray() },
            new JsonObject { ["role"] = "organiser", ["countryCode"] = "NER", ["members"] = new JsonArray() },
            new JsonObject { ["role"] = "guest", ["countryCode"] = "SDN", ["members"] = new JsonArray() },
            new JsonObject { ["role"] = "guest", ["countryCode"] = "LBY", ["members"] = new JsonArray() },
            new JsonObject { ["role"] = "host", ["countryCode"] = "TCD", ["members"] = new JsonArray() });
        var created = await Client.PostJsonAsync("/api/v1/meetings", meeting);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var url = created.Headers.Location!.AbsolutePath;
        string[] expected = ["host TCD", "guest LBY", "guest SDN", "organiser NER", "participant NER", "mediator SDN"];
        static IEnumerable<string> Order(JsonElement delegations) =>
            delegations.EnumerateArray().Select(d => $"{d.GetProperty("role").GetString()} {d.GetProperty("countryCode").GetString()}");

        Assert.Equal(expected, Order((await Client.GetFromJsonAsync<JsonElement>(url)).GetProperty("delegations")));
        Assert.Equal(expected, Order(await Client.GetFromJsonAsync<JsonElement>($"{url}/delegations")));
        var listed = await Client.GetFromJsonAsync<JsonElement>($"/api/v1/meetings?from=2019-03-12&to=2019-03-12&include=delegations");
        var item = listed.GetProperty("items").EnumerateArray().Single(m => url.EndsWith(m.GetProperty("id").GetString()!, StringComparison.Ordinal));
        Assert.Equal(expected, Order(item.GetProperty("delegations")));
    }

    private Task<(string Url, string ETag)> CreateAsync() => Client.CreateMeetingAsync();
}
