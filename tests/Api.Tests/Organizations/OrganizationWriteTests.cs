using System.Net;
using System.Text.Json.Nodes;
using Api.Tests.Fixtures;

namespace Api.Tests.Organizations;

/// <summary>Writing organisations: the parent chain has no loops.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class OrganizationWriteTests(DbFixture db) : IAsyncLifetime
{
    private readonly HttpClient _client = db.WriterClient();

    public Task InitializeAsync() => db.ResetAndSeedAsync();

    public Task DisposeAsync() => Task.CompletedTask;

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
}
