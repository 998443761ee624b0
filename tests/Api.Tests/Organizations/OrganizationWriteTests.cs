using System.Net;
using System.Text.Json.Nodes;
using Api.Tests.Fixtures;

namespace Api.Tests.Organizations;

/// <summary>Writing organisations: the parent chain has no loops, whether the whole record or one field is sent.</summary>
public sealed class OrganizationWriteTests(DbFixture db) : DatabaseTest(db, db.WriterClient())
{
    public override Task InitializeAsync() => Db.ResetAndSeedAsync();

    [Fact]
    public async Task An_organisation_cannot_become_its_own_ancestor()
    {
        var child = await Client.PostJsonAsync("/api/v1/organizations", Bodies.Organization());
        var childId = (await child.JsonAsync()).GetProperty("id").GetString();
        const string parentUrl = "/api/v1/organizations/" + Bodies.NigerInterior;
        var parent = await (await Client.GetAsync(parentUrl)).JsonAsync();

        var response = await Client.PutJsonAsync(parentUrl, new JsonObject
        {
            ["nameEn"] = parent.GetProperty("nameEn").GetString(),
            ["kind"] = parent.GetProperty("kind").GetString(),
            ["countryCode"] = "NER",
            ["parentId"] = childId,
        }, await Client.ETagAsync(parentUrl));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["parentId"], await response.ErrorFieldsAsync());
    }

    [Fact]
    public async Task An_organisation_patched_keeps_the_fields_it_was_not_sent_and_a_patched_parent_is_checked()
    {
        var child = await Client.PostJsonAsync("/api/v1/organizations", Bodies.Organization());
        var childId = (await child.JsonAsync()).GetProperty("id").GetString();
        const string url = "/api/v1/organizations/" + Bodies.NigerInterior;
        var before = await (await Client.GetAsync(url)).JsonAsync();

        var renamed = await Client.MergePatchAsync(url, new JsonObject { ["abbreviation"] = "MISPD" }, await Client.ETagAsync(url));
        var cycle = await Client.MergePatchAsync(url, new JsonObject { ["parentId"] = childId }, await Client.ETagAsync(url));

        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        var patched = await renamed.JsonAsync();
        Assert.Equal("MISPD", patched.GetProperty("abbreviation").GetString());
        Assert.Equal(before.GetProperty("nameEn").GetString(), patched.GetProperty("nameEn").GetString());
        Assert.Equal(before.GetProperty("kind").GetString(), patched.GetProperty("kind").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, cycle.StatusCode);
        Assert.Equal(["parentId"], await cycle.ErrorFieldsAsync());
        Assert.Equal("MISPD", (await (await Client.GetAsync(url)).JsonAsync()).GetProperty("abbreviation").GetString());
    }
}
