using System.Net;
using System.Text.Json.Nodes;
using Api.Tests.Fixtures;
using Dapper;

namespace Api.Tests.Http;

/// <summary>
/// Bad writes: each gets its exact status as RFC 9457 problem details, names the field to fix, and
/// writes nothing. Bodies are a valid body with one thing wrong, given as a JSON merge patch over it.
/// </summary>
public sealed class BadWriteRequestTests(DbFixture db) : DatabaseTest(db, db.WriterClient())
{
    private const string Niamey = "/api/v1/meetings/" + Bodies.NiameyMeeting;
    private const string Bazoum = "/api/v1/persons/" + Bodies.Bazoum;

    public override Task InitializeAsync() => Db.ResetAndSeedAsync();

    [Theory]
    // Meetings: every field's rule.
    [InlineData("POST", "/api/v1/meetings", "meeting", """{"titleEn":null,"titleAr":null}""", 400, "titleEn")]
    [InlineData("POST", "/api/v1/meetings", "meeting", """{"titleEn":"{long301}"}""", 400, "titleEn")]
    [InlineData("POST", "/api/v1/meetings", "meeting", """{"titleEn":"Bell\u0007in title"}""", 400, "titleEn")]
    [InlineData("POST", "/api/v1/meetings", "meeting", """{"titleAr":"   "}""", 400, "titleAr")]
    [InlineData("POST", "/api/v1/meetings", "meeting", """{"summaryEn":"{long4001}"}""", 400, "summaryEn")]
    [InlineData("POST", "/api/v1/meetings", "meeting", """{"startDate":null}""", 400, "startDate")]
    [InlineData("POST", "/api/v1/meetings", "meeting", """{"startDate":"2019-02-30"}""", 400, "startDate")]
    [InlineData("POST", "/api/v1/meetings", "meeting", """{"startDate":"12/03/2019"}""", 400, "startDate")]
    // Dates outside the years 1000-2999: 0001-01-01 and 9999-12-31 were stored as -infinity and infinity, and broke writes.
    [InlineData("POST", "/api/v1/meetings", "meeting", """{"startDate":"0001-01-01"}""", 400, "startDate")]
    [InlineData("POST", "/api/v1/meetings", "meeting", """{"startDate":"9999-12-31"}""", 400, "startDate")]
    [InlineData("POST", "/api/v1/meetings", "meeting", """{"startDate":"0999-12-31"}""", 400, "startDate")]
    [InlineData("POST", "/api/v1/meetings", "meeting", """{"endDate":"3000-01-01","endDatePrecision":"day"}""", 400, "endDate")]
    [InlineData("POST", "/api/v1/meetings", "meeting", """{"startDate":"2099-05-01","status":"held"}""", 400, "startDate")]
    [InlineData("POST", "/api/v1/meetings", "meeting", """{"delegations":[{"role":"host","countryCode":"TCD","members":[{"personId":"{mazen}"}]},{"role":"guest","countryCode":"LBY","members":[{"personId":"{bashagha}"},{"personId":"{mazen}"}]}]}""", 400, "delegations[1].members[1].personId")]
    [InlineData("POST", "/api/v1/meetings", "meeting", """{"startDatePrecision":"week"}""", 400, "startDatePrecision")]
    [InlineData("POST", "/api/v1/meetings", "meeting", """{"startDatePrecision":"month"}""", 400, "startDate")]
    [InlineData("POST", "/api/v1/meetings", "meeting", """{"endDate":"2019-03-11","endDatePrecision":"day"}""", 400, "endDate")]
    [InlineData("POST", "/api/v1/meetings", "meeting", """{"endDate":"2019-03-13"}""", 400, "endDatePrecision")]
    [InlineData("POST", "/api/v1/meetings", "meeting", """{"status":"finished"}""", 400, "status")]
    [InlineData("POST", "/api/v1/meetings", "meeting", """{"format":"dinner"}""", 400, "format")]
    [InlineData("POST", "/api/v1/meetings", "meeting", """{"countryCode":"XYZ"}""", 400, "countryCode")]
    [InlineData("POST", "/api/v1/meetings", "meeting", """{"hostCountryCode":"td"}""", 400, "hostCountryCode")]
    [InlineData("POST", "/api/v1/meetings", "meeting", """{"latitude":91}""", 400, "latitude")]
    [InlineData("POST", "/api/v1/meetings", "meeting", """{"longitude":-180.5}""", 400, "longitude")]
    [InlineData("POST", "/api/v1/meetings", "meeting", """{"latitude":null}""", 400, "latitude")]
    [InlineData("POST", "/api/v1/meetings", "meeting", """{"latitude":"north"}""", 400, "latitude")]
    [InlineData("POST", "/api/v1/meetings", "meeting", """{"topicIds":["{random}"]}""", 400, "topicIds[0]")]
    [InlineData("POST", "/api/v1/meetings", "meeting", """{"sourceIds":["{seedSource}","{seedSource}"]}""", 400, "sourceIds")]
    [InlineData("POST", "/api/v1/meetings", "meeting", """{"parentMeetingId":"{random}"}""", 400, "parentMeetingId")]
    [InlineData("POST", "/api/v1/meetings", "meeting", """{"delegations":[{"role":"observer","countryCode":"TCD","members":[]}]}""", 400, "delegations[0].role")]
    [InlineData("POST", "/api/v1/meetings", "meeting", """{"delegations":[{"role":"host","members":[]}]}""", 400, "delegations[0].countryCode")]
    [InlineData("POST", "/api/v1/meetings", "meeting", """{"delegations":[{"role":"host","countryCode":"TCD","members":[]},{"role":"host","countryCode":"TCD","members":[]}]}""", 400, "delegations")]
    [InlineData("POST", "/api/v1/meetings", "meeting", """{"delegations":[{"role":"guest","countryCode":"LBY","members":[{"personId":"{mazen}","isHead":true},{"personId":"{bashagha}","isHead":true}]}]}""", 400, "delegations[0].members")]
    [InlineData("POST", "/api/v1/meetings", "meeting", """{"delegations":[{"role":"guest","countryCode":"LBY","members":[{"personId":"{random}"}]}]}""", 400, "delegations[0].members[0].personId")]
    [InlineData("POST", "/api/v1/meetings", "meeting", """{"delegations":[{"role":"guest","countryCode":"LBY","members":[{"personId":"{mazen}","organizationId":"{random}"}]}]}""", 400, "delegations[0].members[0].organizationId")]
    [InlineData("POST", "/api/v1/meetings", "meeting", """{"delegations":[{"role":"guest","countryCode":"LBY","members":[{"isHead":true}]}]}""", 400, "delegations[0].members[0].personId")]
    [InlineData("POST", "/api/v1/meetings", "meeting", """{"venue":"Presidential palace"}""", 400, "venue")]
    [InlineData("POST", "/api/v1/meetings", "meeting", """{"delegations":[{"role":"host","countryCode":"TCD","members":[],"head":"{mazen}"}]}""", 400, "delegations[0].head")]
    // Bodies that are not a record at all.
    [InlineData("POST", "/api/v1/meetings", "raw", """[1, 2]""", 400, "body")]
    [InlineData("POST", "/api/v1/meetings", "raw", """{"titleEn": "unfinished""", 400, "body")]
    [InlineData("POST", "/api/v1/meetings", "raw", "", 400, "body")]
    [InlineData("POST", "/api/v1/meetings", "meeting", null, 415, null, "none", "text/plain")]
    [InlineData("POST", "/api/v1/meetings", "meeting", null, 415, null, "none", "application/xml")]
    [InlineData("POST", "/api/v1/meetings", "huge", null, 413, null)]
    // Persons, organisations, sources, topics, agreements, delegations.
    [InlineData("POST", "/api/v1/persons", "person", """{"nameEn":null,"nameAr":null}""", 400, "nameEn")]
    [InlineData("POST", "/api/v1/persons", "person", """{"aliases":[{"alias":"Chaibo","language":"arabic"}]}""", 400, "aliases[0].language")]
    [InlineData("POST", "/api/v1/persons", "person", """{"aliases":[{"alias":"Chaibo","language":"en"},{"alias":"Chaibo","language":"fr"}]}""", 400, "aliases")]
    [InlineData("POST", "/api/v1/organizations", "organization", """{"kind":"club"}""", 400, "kind")]
    [InlineData("POST", "/api/v1/organizations", "organization", """{"parentId":"{random}"}""", 400, "parentId")]
    [InlineData("POST", "/api/v1/organizations", "organization", """{"abbreviation":"ABCDEFGHIJKLMNOPQRSTU"}""", 400, "abbreviation")]
    [InlineData("POST", "/api/v1/sources", "source", """{"url":"ftp://files.example.org/report.txt"}""", 400, "url")]
    [InlineData("POST", "/api/v1/sources", "source", """{"url":"www.libyaobserver.ly/news"}""", 400, "url")]
    [InlineData("POST", "/api/v1/sources", "source", """{"title":null,"url":null}""", 400, "title")]
    [InlineData("POST", "/api/v1/sources", "source", """{"language":"english"}""", 400, "language")]
    [InlineData("POST", "/api/v1/sources", "source", """{"publishedOn":"9999-12-31"}""", 400, "publishedOn")]
    [InlineData("POST", "/api/v1/topics", "topic", """{"code":"Refugees and IDPs"}""", 400, "code")]
    [InlineData("POST", "/api/v1/topics", "topic", """{"code":"border-security"}""", 409, null)]
    [InlineData("POST", "/api/v1/agreements", "agreement", """{"date":"0001-01-01","datePrecision":"day"}""", 400, "date")]
    [InlineData("POST", "/api/v1/agreements", "agreement", """{"kind":"deal"}""", 400, "kind")]
    [InlineData("POST", "/api/v1/agreements", "agreement", """{"status":"pending"}""", 400, "status")]
    [InlineData("POST", "/api/v1/agreements", "agreement", """{"parties":[{"role":"party"}]}""", 400, "parties[0].countryCode")]
    [InlineData("POST", "/api/v1/agreements", "agreement", """{"parties":[{"role":"party","personId":"{random}"}]}""", 400, "parties[0].personId")]
    [InlineData("POST", "/api/v1/agreements", "agreement", """{"meetings":[{"meetingId":"{niamey}","linkKind":"signed_at"}]}""", 400, "meetings[0].linkKind")]
    [InlineData("POST", "/api/v1/agreements", "agreement", """{"meetings":[{"meetingId":"{random}","linkKind":"concluded_at"}]}""", 400, "meetings[0].meetingId")]
    [InlineData("POST", "/api/v1/agreements", "agreement", """{"date":"2019-03-01","datePrecision":"year"}""", 400, "date")]
    [InlineData("POST", "/api/v1/delegations", "delegation", """{"meetingId":null}""", 400, "meetingId")]
    [InlineData("POST", "/api/v1/delegations", "delegation", """{"meetingId":"{random}"}""", 400, "meetingId")]
    // Preconditions: no If-Match, a stale, weak or forged one (the current version with another digest), and records that are not there.
    [InlineData("PUT", Niamey, "meeting", null, 428, null)]
    [InlineData("PUT", Niamey, "meeting", null, 412, null, "stale")]
    [InlineData("PUT", Niamey, "meeting", null, 412, null, "weak")]
    [InlineData("PUT", Niamey, "meeting", null, 412, null, "forged")]
    [InlineData("PATCH", Bazoum, "raw", """{"notes":"x"}""", 412, null, "forged", "application/merge-patch+json")]
    [InlineData("DELETE", "/api/v1/delegations/" + Bodies.GuestDelegation, "none", null, 412, null, "forged")]
    [InlineData("PUT", Niamey, "meeting", """{"status":"over"}""", 400, "status", "current")]
    [InlineData("PUT", "/api/v1/meetings/{random}", "meeting", null, 404, null, "*")]
    [InlineData("PUT", "/api/v1/meetings/not-an-id", "meeting", null, 400, "id", "*")]
    [InlineData("PATCH", Niamey, "raw", """{"titleEn":"x"}""", 428, null, "none", "application/merge-patch+json")]
    [InlineData("PATCH", Niamey, "raw", """{"titleEn":"x"}""", 415, null, "current", "application/json")]
    [InlineData("PATCH", Niamey, "raw", """["titleEn"]""", 400, "body", "current", "application/merge-patch+json")]
    [InlineData("PATCH", Niamey, "raw", """{"startDate":"29 January 2019"}""", 400, "startDate", "current", "application/merge-patch+json")]
    [InlineData("PATCH", Niamey, "raw", """{"startDate":"0001-01-01"}""", 400, "startDate", "current", "application/merge-patch+json")]
    [InlineData("PATCH", Bazoum, "raw", """{"aliases":[{"alias":"Bazoum"}]}""", 400, "aliases[0].language", "current", "application/merge-patch+json")]
    [InlineData("DELETE", Niamey, "none", null, 428, null)]
    [InlineData("DELETE", Niamey, "none", null, 412, null, "stale")]
    [InlineData("DELETE", "/api/v1/topics/border-security", "none", null, 412, null, "forged")]
    [InlineData("DELETE", "/api/v1/meetings/{random}", "none", null, 404, null, "*")]
    [InlineData("DELETE", Bazoum, "none", null, 409, null, "current")]
    [InlineData("DELETE", "/api/v1/sources/" + Bodies.SeedSource, "none", null, 409, null, "current")]
    [InlineData("DELETE", "/api/v1/topics/border-security", "none", null, 409, null, "current")]
    [InlineData("DELETE", "/api/v1/organizations/" + Bodies.NigerInterior, "none", null, 409, null, "current")]
    [InlineData("DELETE", "/api/v1/delegations/{random}", "none", null, 404, null, "*")]
    // The change feed and histories.
    [InlineData("GET", "/api/v1/changes?after=yesterday", "none", null, 400, "after")]
    [InlineData("GET", "/api/v1/changes?limit=1001", "none", null, 400, "limit")]
    [InlineData("GET", "/api/v1/changes?resource=delegations", "none", null, 400, "resource")]
    [InlineData("GET", "/api/v1/changes?since=1", "none", null, 400, "since")]
    [InlineData("GET", "/api/v1/meetings/{random}/history", "none", null, 404, null)]
    [InlineData("GET", Niamey + "/history?cursor=abc", "none", null, 400, "cursor")]
    public async Task A_bad_write_gets_its_status_names_its_field_and_writes_nothing(
        string method, string path, string body, string? patch, int status, string? field, string ifMatch = "none", string contentType = "application/json")
    {
        path = Fill(path);
        var etag = ifMatch switch
        {
            "none" => null,
            "current" => await Client.ETagAsync(path),
            "stale" => "\"0.0000000000000000\"",
            "weak" => "W/" + await Client.ETagAsync(path),
            "forged" => (await Client.ETagAsync(path)).Split('.')[0] + ".0123456789abcdef\"",
            _ => ifMatch,
        };
        var changesBefore = await ChangeCountAsync();

        var response = await Client.SendAsync(HttpRequests.Request(new HttpMethod(method), path, Body(body, patch), etag, contentType));

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.JsonAsync();
        Assert.Equal(status, problem.GetProperty("status").GetInt32());
        if (field is not null)
            Assert.Contains(field, problem.GetProperty("errors").EnumerateObject().Select(e => e.Name));
        Assert.Equal(changesBefore, await ChangeCountAsync());
    }

    private static object? Body(string name, string? patch)
    {
        JsonObject? valid = name switch
        {
            "meeting" => Bodies.Meeting(),
            "person" => Bodies.Person(),
            "organization" => Bodies.Organization(),
            "source" => Bodies.Source(),
            "topic" => Bodies.Topic(),
            "agreement" => Bodies.Agreement(),
            "delegation" => new JsonObject { ["meetingId"] = Bodies.NiameyMeeting, ["role"] = "mediator", ["countryCode"] = "TCD", ["members"] = new JsonArray() },
            "huge" => new JsonObject { ["titleEn"] = new string('x', 2 << 20) },
            _ => null,
        };
        if (name == "raw")
            return Fill(patch!);
        if (valid is null || patch is null)
            return valid;
        return Merge(valid, JsonNode.Parse(Fill(patch))!.AsObject());
    }

    // RFC 7396, written out here so the test's bodies do not depend on the code under test.
    private static JsonObject Merge(JsonObject target, JsonObject patch)
    {
        foreach (var (name, value) in patch.ToList())
        {
            if (value is null)
                target.Remove(name);
            else if (value is JsonObject inner && target[name] is JsonObject existing)
                Merge(existing, inner);
            else
                target[name] = value.DeepClone();
        }
        return target;
    }

    private static string Fill(string text) => text
        .Replace("{random}", Guid.NewGuid().ToString())
        .Replace("{long301}", new string('x', 301))
        .Replace("{long4001}", new string('x', 4001))
        .Replace("{seedSource}", Bodies.SeedSource)
        .Replace("{mazen}", Bodies.Mazen)
        .Replace("{bashagha}", Bodies.Bashagha)
        .Replace("{niamey}", Bodies.NiameyMeeting);

    private async Task<long> ChangeCountAsync()
    {
        await using var connection = await Db.OpenAsync();
        return await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM changes");
    }
}
