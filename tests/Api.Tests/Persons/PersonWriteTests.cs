using System.Net;
using System.Text.Json.Nodes;
using Api.Tests.Fixtures;

namespace Api.Tests.Persons;

/// <summary>Correcting and retiring persons: the aliases they are found under, and when they may be retired.</summary>
public sealed class PersonWriteTests(DbFixture db) : DatabaseTest(db, db.WriterClient())
{
    public override Task InitializeAsync() => Db.ResetAndSeedAsync();

    [Fact]
    public async Task A_person_patched_with_a_new_alias_is_found_under_it_and_keeps_the_other_fields()
    {
        const string url = "/api/v1/persons/" + Bodies.Bazoum;
        var person = await (await Client.GetAsync(url)).JsonAsync();
        var aliases = JsonNode.Parse(person.GetProperty("aliases").GetRawText())!.AsArray();
        aliases.Add(new JsonObject { ["alias"] = "محمد بزوم", ["language"] = "ar" });

        var response = await Client.MergePatchAsync(url, new JsonObject { ["aliases"] = aliases }, await Client.ETagAsync(url));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var patched = await response.JsonAsync();
        Assert.Contains(patched.GetProperty("aliases").EnumerateArray(), a => a.GetProperty("alias").GetString() == "محمد بزوم");
        Assert.Equal(aliases.Count, patched.GetProperty("aliases").GetArrayLength());
        Assert.Equal(person.GetProperty("nameAr").GetString(), patched.GetProperty("nameAr").GetString());
        Assert.Equal(person.GetProperty("meetings").GetArrayLength(), patched.GetProperty("meetings").GetArrayLength());
    }

    [Fact]
    public async Task A_person_no_record_names_any_more_can_be_retired()
    {
        const string url = "/api/v1/persons/" + Bodies.Bashagha;
        var inUse = await Client.DeleteAsync(url, await Client.ETagAsync(url));
        Assert.Equal(HttpStatusCode.Conflict, inUse.StatusCode);
        Assert.Contains(Bodies.Invitation, (await inUse.JsonAsync()).GetProperty("detail").GetString());

        const string invitationUrl = "/api/v1/agreements/" + Bodies.Invitation;
        Assert.Equal(HttpStatusCode.NoContent, (await Client.DeleteAsync(invitationUrl, await Client.ETagAsync(invitationUrl))).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await Client.DeleteAsync(url, await Client.ETagAsync(url))).StatusCode);
    }
}
