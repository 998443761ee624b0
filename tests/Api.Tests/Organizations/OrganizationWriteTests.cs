using System.Net;
using System.Text.Json.Nodes;
using Api.Tests.Fixtures;

namespace Api.Tests.Organizations;

/// <summary>Writing organisations: the parent chain has no loops.</summary>
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
}
