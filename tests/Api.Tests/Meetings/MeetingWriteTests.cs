using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Api.Tests.Fixtures;
using Dapper;

namespace Api.Tests.Meetings;

/// <summary>Creating, correcting and retiring meetings, with the delegations they are written with, over HTTP.</summary>
public sealed class MeetingWriteTests(DbFixture db) : DatabaseTest(db, db.WriterClient())
{
    public override Task InitializeAsync() => Db.ResetAndSeedAsync();

    [Fact]
    public async Task A_host_that_sent_no_delegation_is_a_warning_in_the_document_until_it_has_one()
    {
        var visit = Bodies.Meeting();
        visit["format"] = "visit";
        visit["delegations"] = new JsonArray(new JsonObject { ["role"] = "guest", ["countryCode"] = "LBY", ["members"] = new JsonArray() });

        var created = await Client.PostJsonAsync("/api/v1/meetings", visit);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var document = await created.JsonAsync();
        var warning = Assert.Single(document.GetProperty("warnings").EnumerateArray());
        Assert.Equal("host-without-delegation", warning.GetProperty("code").GetString());
        Assert.Equal("hostCountryCode", warning.GetProperty("field").GetString());
        Assert.Contains("TCD", warning.GetProperty("message").GetString());
        var url = created.Headers.Location!.ToString();
        var host = await Client.PostJsonAsync("/api/v1/delegations", new JsonObject
        {
            ["meetingId"] = document.GetProperty("id").GetString(), ["role"] = "host", ["countryCode"] = "TCD", ["members"] = new JsonArray(),
        });
        Assert.Equal(HttpStatusCode.Created, host.StatusCode);
        Assert.Empty((await (await Client.GetAsync(url)).JsonAsync()).GetProperty("warnings").EnumerateArray());
        // The seed's meetings all have their host's delegation.
        Assert.Empty((await (await Client.GetAsync("/api/v1/meetings/" + Bodies.NiameyMeeting)).JsonAsync()).GetProperty("warnings").EnumerateArray());
    }

    public static TheoryData<string, string> EditsAgreementsConcludedAtTheMeetingForbid => new()
    {
        // Niamey, 2019-01-29: Libya's interior ministry invited Niger's there (and a second agreement, both LBY and NER).
        { """{"startDate":"2019-03-01","endDate":null}""", "startDate" },
        { """{"startDate":"2018-01-01","startDatePrecision":"day","endDate":"2019-01-28","endDatePrecision":"day"}""", "startDate" },
        { """{"delegations":[{"role":"host","countryCode":"NER","members":[]}]}""", "delegations" },
        { """{"hostCountryCode":null,"delegations":[{"role":"guest","countryCode":"LBY","members":[]}]}""", "delegations" },
    };

    [Theory]
    [MemberData(nameof(EditsAgreementsConcludedAtTheMeetingForbid))]
    public async Task A_meeting_is_not_edited_out_of_fitting_the_agreements_concluded_at_it(string patch, string field)
    {
        const string url = "/api/v1/meetings/" + Bodies.NiameyMeeting;
        var etag = await Client.ETagAsync(url);

        var response = await Client.SendAsync(HttpRequests.Request(HttpMethod.Patch, url, patch, etag, "application/merge-patch+json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(field, await response.ErrorFieldsAsync());
        Assert.Contains(Bodies.Invitation, await response.Content.ReadAsStringAsync());
        Assert.Equal(etag, await Client.ETagAsync(url));
    }

    [Fact]
    public async Task A_delegation_whose_country_is_party_to_an_agreement_concluded_at_its_meeting_stays()
    {
        const string url = "/api/v1/delegations/" + Bodies.GuestDelegation;

        var response = await Client.DeleteAsync(url, await Client.ETagAsync(url));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("LBY", await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task Post_creates_a_meeting_with_its_delegations_and_answers_201_with_location_etag_and_the_record()
    {
        var response = await Client.PostJsonAsync("/api/v1/meetings", Bodies.Meeting());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.JsonAsync();
        var id = created.GetProperty("id").GetString();
        Assert.EndsWith($"/api/v1/meetings/{id}", response.Headers.Location!.ToString());
        Assert.NotNull(response.Headers.ETag);
        Assert.False(response.Headers.ETag!.IsWeak);

        // What the Location says is what a reader gets, with the same ETag.
        var read = await Client.GetAsync(response.Headers.Location);
        Assert.Equal(response.Headers.ETag, read.Headers.ETag);
        var meeting = await read.JsonAsync();
        Assert.Equal("تشاد وليبيا تبحثان أمن الحدود في انجامينا", meeting.GetProperty("titleAr").GetString());
        Assert.Equal("TCD", meeting.GetProperty("hostCountryCode").GetString());
        Assert.Equal(["border-security"], meeting.GetProperty("topics").EnumerateArray().Select(t => t.GetProperty("code").GetString()));
        var delegations = meeting.GetProperty("delegations").EnumerateArray().ToList();
        Assert.Equal(["host", "guest"], delegations.Select(d => d.GetProperty("role").GetString()));
        var guest = delegations[1];
        Assert.Equal(Bodies.Mazen, guest.GetProperty("head").GetProperty("personId").GetString());
        Assert.Equal([Bodies.Mazen, Bodies.Bashagha], guest.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("personId").GetString()));

        // And it is listed among Chad's meetings.
        var list = await Client.GetFromJsonAsync<JsonElement>("/api/v1/meetings?country=TCD&from=2019-03-01&to=2019-03-31");
        Assert.Contains(list.GetProperty("items").EnumerateArray(), m => m.GetProperty("id").GetString() == id);
    }

    [Fact]
    public async Task The_country_filter_follows_a_meeting_moved_to_a_country_that_takes_no_part()
    {
        var (url, etag) = await CreateAsync(); // in Chad, hosted by Chad, delegations of Chad and Libya
        var id = url[(url.LastIndexOf('/') + 1)..];
        async Task<bool> ListedAsync(string country) =>
            (await Client.GetFromJsonAsync<JsonElement>($"/api/v1/meetings?country={country}&from=2019-03-01&to=2019-03-31&limit=500"))
            .GetProperty("items").EnumerateArray().Any(m => m.GetProperty("id").GetString() == id);
        Assert.False(await ListedAsync("SDN"));

        // Held in Sudan, which sent no delegation and did not host: listed under Sudan, still under Chad (host).
        var moved = await Client.MergePatchAsync(url, new JsonObject { ["countryCode"] = "SDN", ["cityEn"] = "Khartoum", ["cityAr"] = "الخرطوم" }, etag);
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.True(await ListedAsync("SDN"));
        Assert.True(await ListedAsync("TCD"));

        // Back to Chad: no longer under Sudan.
        var back = await Client.MergePatchAsync(url, new JsonObject { ["countryCode"] = "TCD" }, await Client.ETagAsync(url));
        Assert.Equal(HttpStatusCode.OK, back.StatusCode);
        Assert.False(await ListedAsync("SDN"));
        Assert.True(await ListedAsync("LBY"));
    }

    [Fact]
    public async Task The_persons_of_a_country_follow_delegations_renamed_emptied_and_meetings_deleted()
    {
        var person = await Client.PostJsonAsync("/api/v1/persons", Bodies.Person());
        Assert.Equal(HttpStatusCode.Created, person.StatusCode);
        var personId = (await person.JsonAsync()).GetProperty("id").GetString()!;
        async Task<bool> ListedAsync(string country) =>
            (await Client.GetIdsAsync($"/api/v1/persons?country={country}&limit=500")).Contains(Guid.Parse(personId));
        var body = Bodies.Meeting();
        body["delegations"]![1]!["countryCode"] = "SDN";
        body["delegations"]![1]!["members"] = new JsonArray(new JsonObject { ["personId"] = personId });
        var created = await Client.PostJsonAsync("/api/v1/meetings", body);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var url = created.Headers.Location!.ToString();
        Assert.True(await ListedAsync("SDN"));

        // The delegation now Algeria's: the person sat in Algeria's delegation, in Sudan's no more.
        body["delegations"]![1]!["countryCode"] = "DZA";
        Assert.Equal(HttpStatusCode.OK, (await Client.PutJsonAsync(url, body, await Client.ETagAsync(url))).StatusCode);
        Assert.False(await ListedAsync("SDN"));
        Assert.True(await ListedAsync("DZA"));

        // Gone from the delegation, then back; then the meeting retired.
        body["delegations"]![1]!["members"] = new JsonArray();
        Assert.Equal(HttpStatusCode.OK, (await Client.PutJsonAsync(url, body, await Client.ETagAsync(url))).StatusCode);
        Assert.False(await ListedAsync("DZA"));
        body["delegations"]![1]!["members"] = new JsonArray(new JsonObject { ["personId"] = personId });
        Assert.Equal(HttpStatusCode.OK, (await Client.PutJsonAsync(url, body, await Client.ETagAsync(url))).StatusCode);
        Assert.True(await ListedAsync("DZA"));
        // In a second meeting for Algeria too: still listed once the first is retired, not after the second.
        var second = await Client.PostJsonAsync("/api/v1/meetings", body);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        var secondUrl = second.Headers.Location!.ToString();
        Assert.Equal(HttpStatusCode.NoContent, (await Client.DeleteAsync(url, await Client.ETagAsync(url))).StatusCode);
        Assert.True(await ListedAsync("DZA"));
        Assert.Equal(HttpStatusCode.NoContent, (await Client.DeleteAsync(secondUrl, await Client.ETagAsync(secondUrl))).StatusCode);
        Assert.False(await ListedAsync("DZA"));
    }

    [Fact]
    public async Task A_meeting_posted_with_one_invalid_member_writes_nothing()
    {
        var before = await CountRowsAsync();
        var body = Bodies.Meeting();
        body["delegations"]![1]!["members"]![1]!["personId"] = Guid.NewGuid().ToString();

        var response = await Client.PostJsonAsync("/api/v1/meetings", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["delegations[1].members[1].personId"], await response.ErrorFieldsAsync());
        Assert.Equal(before, await CountRowsAsync());
    }

    [Fact]
    public async Task A_meeting_posted_with_a_member_whose_title_is_too_long_writes_nothing()
    {
        var before = await CountRowsAsync();
        var body = Bodies.Meeting();
        body["delegations"]![1]!["members"]![0]!["titleEn"] = new string('x', 301);

        var response = await Client.PostJsonAsync("/api/v1/meetings", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["delegations[1].members[0].titleEn"], await response.ErrorFieldsAsync());
        Assert.Equal(before, await CountRowsAsync());
    }

    [Fact]
    public async Task Put_with_the_current_etag_replaces_the_meeting_keeps_delegation_ids_and_changes_the_etag()
    {
        var (url, etag) = await CreateAsync();
        var guestId = await GuestDelegationIdAsync(url);
        var body = Bodies.Meeting();
        body["titleEn"] = "Chad and Libya agree on joint patrols";
        body["status"] = "cancelled";
        body["delegations"]!.AsArray().RemoveAt(0);

        var response = await Client.PutJsonAsync(url, body, etag);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEqual(etag, response.Headers.ETag!.ToString());
        var meeting = await (await Client.GetAsync(url)).JsonAsync();
        Assert.Equal("Chad and Libya agree on joint patrols", meeting.GetProperty("titleEn").GetString());
        Assert.Equal("cancelled", meeting.GetProperty("status").GetString());
        var delegation = Assert.Single(meeting.GetProperty("delegations").EnumerateArray());
        Assert.Equal(guestId, delegation.GetProperty("id").GetString());
    }

    [Fact]
    public async Task A_put_that_reorders_members_moves_the_head_drops_one_and_adds_one_shows_exactly_that_and_changes_the_delegation()
    {
        var (url, etag) = await CreateAsync();
        var guestId = await GuestDelegationIdAsync(url);
        var delegationETag = await Client.ETagAsync($"/api/v1/delegations/{guestId}");
        var body = Bodies.Meeting();
        // Was: Mazen (head, with titles and rank), Bashagha. Now: Bazoum (new, no titles), Bashagha (head now, a new
        // English title); Mazen gone.
        body["delegations"]![1]!["members"] = new JsonArray(
            new JsonObject { ["personId"] = Bodies.Bazoum },
            new JsonObject { ["personId"] = Bodies.Bashagha, ["isHead"] = true, ["titleEn"] = "Commissioner at the Ministry of Interior", ["titleAr"] = "المفوض بوزارة الداخلية" });

        var response = await Client.PutJsonAsync(url, body, etag);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var guest = (await (await Client.GetAsync(url)).JsonAsync()).GetProperty("delegations").EnumerateArray()
            .Single(d => d.GetProperty("role").GetString() == "guest");
        Assert.Equal(guestId, guest.GetProperty("id").GetString());
        var members = guest.GetProperty("members").EnumerateArray().ToList();
        Assert.Equal([Bodies.Bazoum, Bodies.Bashagha], members.Select(m => m.GetProperty("personId").GetString()));
        Assert.Equal([false, true], members.Select(m => m.GetProperty("isHead").GetBoolean()));
        Assert.Equal(JsonValueKind.Null, members[0].GetProperty("titleEn").ValueKind);
        Assert.Equal("Commissioner at the Ministry of Interior", members[1].GetProperty("titleEn").GetString());
        Assert.Equal("المفوض بوزارة الداخلية", members[1].GetProperty("titleAr").GetString());
        Assert.Equal(JsonValueKind.Null, members[1].GetProperty("rankEn").ValueKind);
        Assert.NotEqual(delegationETag, await Client.ETagAsync($"/api/v1/delegations/{guestId}"));

        // The same body again changes nothing: neither the meeting's ETag nor the delegation's.
        var newETag = response.Headers.ETag!.ToString();
        var newDelegationETag = await Client.ETagAsync($"/api/v1/delegations/{guestId}");
        var again = await Client.PutJsonAsync(url, body, newETag);
        Assert.Equal(newETag, again.Headers.ETag!.ToString());
        Assert.Equal(newDelegationETag, await Client.ETagAsync($"/api/v1/delegations/{guestId}"));
    }

    [Fact]
    public async Task A_put_that_changes_nothing_keeps_the_etag_and_adds_no_history()
    {
        var (url, etag) = await CreateAsync();

        var response = await Client.PutJsonAsync(url, Bodies.Meeting(), etag);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(etag, response.Headers.ETag!.ToString());
        var history = await Client.GetFromJsonAsync<JsonElement>($"{url}/history");
        Assert.Single(history.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Patch_changes_only_the_fields_it_names_and_null_removes_one()
    {
        var (url, etag) = await CreateAsync();

        var response = await Client.MergePatchAsync(url, new JsonObject { ["titleEn"] = "Corrected title", ["summaryEn"] = null }, etag);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var meeting = await response.JsonAsync();
        Assert.Equal("Corrected title", meeting.GetProperty("titleEn").GetString());
        Assert.Equal(JsonValueKind.Null, meeting.GetProperty("summaryEn").ValueKind);
        Assert.Equal("تشاد وليبيا تبحثان أمن الحدود في انجامينا", meeting.GetProperty("titleAr").GetString());
        Assert.Equal(2, meeting.GetProperty("delegations").GetArrayLength());
        Assert.Equal(2, meeting.GetProperty("delegations")[1].GetProperty("members").GetArrayLength());
    }

    [Fact]
    public async Task A_patch_is_checked_like_a_whole_body()
    {
        var (url, etag) = await CreateAsync();

        var badPrecision = await Client.MergePatchAsync(url, new JsonObject { ["startDatePrecision"] = "month" }, etag);
        var unknownField = await Client.MergePatchAsync(url, new JsonObject { ["venue"] = "Palace" }, etag);
        var bothTitlesGone = await Client.MergePatchAsync(url, new JsonObject { ["titleEn"] = null, ["titleAr"] = null }, etag);

        Assert.Equal(HttpStatusCode.BadRequest, badPrecision.StatusCode);
        Assert.Equal(["startDate"], await badPrecision.ErrorFieldsAsync());
        Assert.Equal(HttpStatusCode.BadRequest, unknownField.StatusCode);
        Assert.Equal(["venue"], await unknownField.ErrorFieldsAsync());
        Assert.Equal(HttpStatusCode.BadRequest, bothTitlesGone.StatusCode);
        Assert.Equal(["titleEn"], await bothTitlesGone.ErrorFieldsAsync());
        Assert.Equal(etag, await Client.ETagAsync(url));
    }

    [Fact]
    public async Task Two_clients_updating_with_the_same_etag_one_wins_the_other_gets_412_and_nothing_is_lost()
    {
        var (url, etag) = await CreateAsync();
        var alice = Db.WriterClient();
        var bob = Db.WriterClient();

        var first = await alice.MergePatchAsync(url, new JsonObject { ["titleEn"] = "Alice's title" }, etag);
        var second = await bob.MergePatchAsync(url, new JsonObject { ["summaryEn"] = "Bob's summary" }, etag);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, second.StatusCode);
        Assert.Equal("application/problem+json", second.Content.Headers.ContentType?.MediaType);

        // Bob reads again and re-applies his change on top of Alice's.
        var retry = await bob.MergePatchAsync(url, new JsonObject { ["summaryEn"] = "Bob's summary" }, await bob.ETagAsync(url));
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        var meeting = await retry.JsonAsync();
        Assert.Equal("Alice's title", meeting.GetProperty("titleEn").GetString());
        Assert.Equal("Bob's summary", meeting.GetProperty("summaryEn").GetString());
    }

    [Fact]
    public async Task Twenty_simultaneous_puts_with_the_same_etag_let_exactly_one_through()
    {
        var (url, etag) = await CreateAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
        {
            var body = Bodies.Meeting();
            body["titleEn"] = $"Writer {i}";
            return Db.WriterClient().PutJsonAsync(url, body, etag);
        }));

        var winner = Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.All(responses.Where(r => r != winner), r => Assert.Equal(HttpStatusCode.PreconditionFailed, r.StatusCode));
        var title = (await winner.JsonAsync()).GetProperty("titleEn").GetString();
        var stored = await (await Client.GetAsync(url)).JsonAsync();
        Assert.Equal(title, stored.GetProperty("titleEn").GetString());
        var history = await Client.GetFromJsonAsync<JsonElement>($"{url}/history");
        Assert.Equal(2, history.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task If_none_match_with_the_current_etag_gives_304_and_after_a_change_the_new_record()
    {
        var (url, etag) = await CreateAsync();

        var notModified = await Client.SendAsync(new HttpRequestMessage(HttpMethod.Get, url) { Headers = { { "If-None-Match", etag } } });
        await Client.MergePatchAsync(url, new JsonObject { ["status"] = "cancelled" }, etag);
        var modified = await Client.SendAsync(new HttpRequestMessage(HttpMethod.Get, url) { Headers = { { "If-None-Match", etag } } });

        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.OK, modified.StatusCode);
        Assert.Equal("cancelled", (await modified.JsonAsync()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_etag_changes_when_a_person_shown_in_the_meeting_is_renamed()
    {
        const string url = "/api/v1/meetings/" + Bodies.NiameyMeeting;
        var etag = await Client.ETagAsync(url);
        var personUrl = "/api/v1/persons/" + Bodies.Mazen;

        var rename = await Client.MergePatchAsync(personUrl, new JsonObject { ["nameEn"] = "Khalid Mazin" }, await Client.ETagAsync(personUrl));
        var reread = await Client.SendAsync(new HttpRequestMessage(HttpMethod.Get, url) { Headers = { { "If-None-Match", etag } } });

        Assert.Equal(HttpStatusCode.OK, rename.StatusCode);
        Assert.Equal(HttpStatusCode.OK, reread.StatusCode);
        Assert.Contains("Khalid Mazin", await reread.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Delete_retires_the_meeting_from_reads_and_lists_and_keeps_its_history()
    {
        var (url, etag) = await CreateAsync();
        var guestId = await GuestDelegationIdAsync(url);

        var delete = await Client.DeleteAsync(url, etag);

        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync($"/api/v1/delegations/{guestId}")).StatusCode);
        var list = await Client.GetFromJsonAsync<JsonElement>("/api/v1/meetings?country=TCD");
        Assert.DoesNotContain(list.GetProperty("items").EnumerateArray(), m => url.EndsWith(m.GetProperty("id").GetString()!));
        var history = (await Client.GetFromJsonAsync<JsonElement>($"{url}/history")).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["created", "deleted"], history.Select(h => h.GetProperty("kind").GetString()));
        Assert.Equal("N'Djamena", history[1].GetProperty("before").GetProperty("cityEn").GetString());
        Assert.Equal(JsonValueKind.Null, history[1].GetProperty("after").ValueKind);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.DeleteAsync(url, "*")).StatusCode);
    }

    [Fact]
    public async Task A_meeting_in_the_future_is_taken_as_planned_and_refused_as_held()
    {
        var planned = Bodies.Meeting();
        planned["startDate"] = "2099-05-01";
        planned["status"] = "planned";
        var held = Bodies.Meeting();
        held["startDate"] = "2099-05-01";
        held["status"] = "held";

        Assert.Equal(HttpStatusCode.Created, (await Client.PostJsonAsync("/api/v1/meetings", planned)).StatusCode);
        var refused = await Client.PostJsonAsync("/api/v1/meetings", held);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("planned", (await refused.JsonAsync()).GetProperty("errors").GetProperty("startDate")[0].GetString());
    }

    [Fact]
    public async Task Dates_are_taken_from_the_year_1000_to_2999_and_the_refusal_names_the_range()
    {
        var widest = Bodies.Meeting();
        widest["startDate"] = "1000-01-01";
        widest["startDatePrecision"] = "year";
        widest["endDate"] = "2999-12-31";
        widest["endDatePrecision"] = "day";
        var tooEarly = Bodies.Meeting();
        tooEarly["startDate"] = "0001-01-01";

        var created = await Client.PostJsonAsync("/api/v1/meetings", widest);
        var refused = await Client.PostJsonAsync("/api/v1/meetings", tooEarly);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var stored = await (await Client.GetAsync(created.Headers.Location)).JsonAsync();
        Assert.Equal("1000-01-01", stored.GetProperty("startDate").GetString());
        Assert.Equal("2999-12-31", stored.GetProperty("endDate").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var message = (await refused.JsonAsync()).GetProperty("errors").GetProperty("startDate")[0].GetString();
        Assert.Contains("1000", message);
        Assert.Contains("2999", message);
    }

    [Fact]
    public async Task A_meeting_others_refer_to_cannot_be_deleted()
    {
        const string url = "/api/v1/meetings/" + Bodies.Roundtable;

        var response = await Client.DeleteAsync(url, await Client.ETagAsync(url));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains(Bodies.NiameyMeeting, (await response.JsonAsync()).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task A_meeting_cannot_be_put_on_the_margins_of_itself_or_of_its_own_side_meeting()
    {
        const string url = "/api/v1/meetings/" + Bodies.Roundtable;

        var underSide = await Client.MergePatchAsync(url, new JsonObject { ["parentMeetingId"] = Bodies.NiameyMeeting }, await Client.ETagAsync(url));
        var underItself = await Client.MergePatchAsync(url, new JsonObject { ["parentMeetingId"] = Bodies.Roundtable }, await Client.ETagAsync(url));

        Assert.Equal(HttpStatusCode.BadRequest, underSide.StatusCode);
        Assert.Equal(["parentMeetingId"], await underSide.ErrorFieldsAsync());
        Assert.Equal(HttpStatusCode.BadRequest, underItself.StatusCode);
        Assert.Equal(["parentMeetingId"], await underItself.ErrorFieldsAsync());
        var stored = await (await Client.GetAsync(url)).JsonAsync();
        Assert.False(stored.TryGetProperty("parentMeetingId", out var parent) && parent.GetString() is not null);
    }

    private Task<(string Url, string ETag)> CreateAsync() => Client.CreateMeetingAsync();

    private async Task<string> GuestDelegationIdAsync(string meetingUrl)
    {
        var meeting = await (await Client.GetAsync(meetingUrl)).JsonAsync();
        return meeting.GetProperty("delegations").EnumerateArray().Single(d => d.GetProperty("role").GetString() == "guest").GetProperty("id").GetString()!;
    }

    private async Task<(long Meetings, long Delegations, long Members, long Changes)> CountRowsAsync()
    {
        await using var connection = await Db.OpenAsync();
        return await connection.QuerySingleAsync<(long, long, long, long)>(
            "SELECT (SELECT count(*) FROM meetings), (SELECT count(*) FROM delegations), (SELECT count(*) FROM delegation_members), (SELECT count(*) FROM changes)");
    }
}
