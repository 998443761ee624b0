using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Api.Tests.Fixtures;
using Dapper;

namespace Api.Tests.Meetings;

/// <summary>The records drawn from the seed article, read back over HTTP the way a user reads them.</summary>
public sealed class SeedMeetingTests(DbFixture db) : DatabaseTest(db)
{
    public override Task InitializeAsync() => Db.ResetAndSeedAsync();

    [Fact]
    public async Task Meetings_in_Niger_list_the_Niamey_meeting_of_29_January_2019()
    {
        var meeting = await NiameyMeetingSummaryAsync();

        Assert.Equal("Niamey", meeting.GetProperty("cityEn").GetString());
        Assert.Equal("bilateral", meeting.GetProperty("format").GetString());
        Assert.Equal("held", meeting.GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_meeting_record_gives_place_date_precision_host_and_parent_roundtable()
    {
        var meeting = await NiameyMeetingAsync();

        Assert.Equal("2019-01-29", meeting.GetProperty("startDate").GetString());
        Assert.Equal("day", meeting.GetProperty("startDatePrecision").GetString());
        Assert.Equal("نيامي", meeting.GetProperty("cityAr").GetString());
        Assert.Equal("NER", meeting.GetProperty("countryCode").GetString());
        Assert.Equal("NER", meeting.GetProperty("hostCountryCode").GetString());
        Assert.InRange(meeting.GetProperty("latitude").GetDouble(), 13.4, 13.6);
        Assert.InRange(meeting.GetProperty("longitude").GetDouble(), 2.0, 2.2);

        var parent = meeting.GetProperty("parent");
        Assert.Equal(meeting.GetProperty("parentMeetingId").GetString(), parent.GetProperty("id").GetString());
        Assert.Equal("roundtable", parent.GetProperty("format").GetString());
        Assert.Equal("2019-01-28", parent.GetProperty("startDate").GetString());
        Assert.Equal("2019-01-30", parent.GetProperty("endDate").GetString());

        // The roundtable lists the bilateral meeting among its side meetings.
        var roundtable = await Client.GetFromJsonAsync<JsonElement>($"/api/v1/meetings/{parent.GetProperty("id").GetString()}");
        Assert.Contains(roundtable.GetProperty("sideMeetings").EnumerateArray(),
            m => m.GetProperty("id").GetString() == meeting.GetProperty("id").GetString());
    }

    [Fact]
    public async Task The_meeting_has_a_Nigerien_host_delegation_and_a_Libyan_guest_delegation_of_seven_people_in_all()
    {
        var meeting = await NiameyMeetingAsync();
        var delegations = meeting.GetProperty("delegations").EnumerateArray().ToList();

        Assert.Equal(2, delegations.Count);
        var host = delegations.Single(d => d.GetProperty("role").GetString() == "host");
        var guest = delegations.Single(d => d.GetProperty("role").GetString() == "guest");
        Assert.Equal("NER", host.GetProperty("countryCode").GetString());
        Assert.Equal("LBY", guest.GetProperty("countryCode").GetString());
        Assert.Equal("محمد بازوم", host.GetProperty("head").GetProperty("nameAr").GetString());
        Assert.Equal("خالد مازن", guest.GetProperty("head").GetProperty("nameAr").GetString());

        var people = delegations.SelectMany(d => d.GetProperty("members").EnumerateArray())
            .Select(m => m.GetProperty("nameAr").GetString()).ToHashSet();
        Assert.Equal(
            new HashSet<string?> { "محمد بازوم", "خالد مازن", "عبد الله بشير", "نورالدين أبوجريدة", "الطاهر المحمودي", "عبدالناصر الصغير", "ناصر العجيلي" },
            people);

        var mazen = Member(guest, "خالد مازن");
        Assert.Equal("Brigadier", mazen.GetProperty("rankEn").GetString());
        Assert.Equal("وكيل وزارة الداخلية", mazen.GetProperty("titleAr").GetString());
        var mahmoudi = Member(guest, "الطاهر المحمودي");
        Assert.Equal("الإدارة العامة لأمن المنافذ", mahmoudi.GetProperty("organization").GetProperty("nameAr").GetString());
        var ajili = Member(guest, "ناصر العجيلي");
        Assert.Contains("وزارة الدفاع", ajili.GetProperty("titleAr").GetString());

        // The sub-resource gives the same delegations.
        var viaSubResource = await Client.GetFromJsonAsync<JsonElement>($"/api/v1/meetings/{meeting.GetProperty("id").GetString()}/delegations");
        Assert.Equal(2, viaSubResource.GetArrayLength());
        var one = await Client.GetFromJsonAsync<JsonElement>($"/api/v1/delegations/{guest.GetProperty("id").GetString()}");
        Assert.Equal(6, one.GetProperty("members").GetArrayLength());
    }

    [Fact]
    public async Task The_meeting_lists_its_topics_and_both_sources()
    {
        var meeting = await NiameyMeetingAsync();

        var topics = meeting.GetProperty("topics").EnumerateArray().Select(t => t.GetProperty("code").GetString()).ToHashSet();
        Assert.Equal(
            new HashSet<string?> { "border-security", "migration", "terrorism", "human-trafficking", "drug-trafficking", "cross-border-crime", "security-cooperation" },
            topics);
        Assert.All(meeting.GetProperty("topics").EnumerateArray(), t => Assert.False(string.IsNullOrEmpty(t.GetProperty("labelAr").GetString())));

        var sources = meeting.GetProperty("sources").EnumerateArray().ToList();
        Assert.Equal(["2019-01-29", "2019-01-30"], sources.Select(s => s.GetProperty("publishedOn").GetString()));
        Assert.Equal("ar", sources[0].GetProperty("language").GetString());
        Assert.Contains("نيامي", sources[0].GetProperty("title").GetString());
    }

    [Fact]
    public async Task The_meeting_shows_the_four_agreements_with_how_each_is_linked()
    {
        var meeting = await NiameyMeetingAsync();
        var links = meeting.GetProperty("agreements").EnumerateArray().ToList();
        var agreements = links.Select(l => l.GetProperty("agreement")).ToList();

        Assert.Equal(4, agreements.Select(a => a.GetProperty("id").GetString()).Distinct().Count());

        var quadrilateral = agreements.Single(a => a.GetProperty("kind").GetString() == "multilateral_arrangement");
        Assert.Equal(["LBY", "NER", "TCD", "SDN"], quadrilateral.GetProperty("parties").EnumerateArray().Select(p => p.GetProperty("countryCode").GetString()));
        Assert.Equal("referenced_at", LinkKindOf(links, quadrilateral));

        var bilateral = agreements.Single(a => a.GetProperty("kind").GetString() == "bilateral_arrangement");
        Assert.Equal("referenced_at", LinkKindOf(links, bilateral));

        var invitation = agreements.Single(a => a.GetProperty("kind").GetString() == "invitation");
        Assert.Equal("accepted", invitation.GetProperty("status").GetString());
        Assert.Equal("concluded_at", LinkKindOf(links, invitation));
        var parties = invitation.GetProperty("parties").EnumerateArray().ToList();
        Assert.Equal("فتحي باشاغا", parties.Single(p => p.GetProperty("role").GetString() == "inviter").GetProperty("person").GetProperty("nameAr").GetString());
        Assert.Equal("Mohamed Bazoum", parties.Single(p => p.GetProperty("role").GetString() == "invitee").GetProperty("person").GetProperty("nameEn").GetString());

        // The commitment points at the quadrilateral meeting planned for February 2019, known only to the month.
        var commitment = agreements.Single(a => a.GetProperty("kind").GetString() == "commitment");
        var planned = commitment.GetProperty("meetings").EnumerateArray().Single(m => m.GetProperty("linkKind").GetString() == "planned_for");
        Assert.Equal("2019-02-01", planned.GetProperty("startDate").GetString());
        Assert.Equal("month", planned.GetProperty("startDatePrecision").GetString());
        Assert.Equal("planned", planned.GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_planned_February_meeting_is_known_to_the_month_and_counts_as_lasting_all_February()
    {
        var page = await Client.GetFromJsonAsync<JsonElement>("/api/v1/meetings?status=planned&from=2019-02-20&to=2019-02-28");

        var planned = Assert.Single(page.GetProperty("items").EnumerateArray());
        Assert.Equal("month", planned.GetProperty("startDatePrecision").GetString());
        Assert.Equal("Niamey", planned.GetProperty("cityEn").GetString());
        var record = await Client.GetFromJsonAsync<JsonElement>($"/api/v1/meetings/{planned.GetProperty("id").GetString()}");
        var delegations = record.GetProperty("delegations").EnumerateArray().ToList();
        Assert.Equal(new HashSet<string?> { "NER", "LBY", "TCD", "SDN" }, delegations.Select(d => d.GetProperty("countryCode").GetString()).ToHashSet());
        Assert.Equal("host", delegations[0].GetProperty("role").GetString());
    }

    [Fact]
    public async Task Bazoum_is_found_under_every_spelling_with_the_meetings_he_attended()
    {
        var meeting = await NiameyMeetingAsync();
        var host = meeting.GetProperty("delegations").EnumerateArray().Single(d => d.GetProperty("role").GetString() == "host");
        var personId = host.GetProperty("head").GetProperty("personId").GetString();

        var person = await Client.GetFromJsonAsync<JsonElement>($"/api/v1/persons/{personId}");

        var aliases = person.GetProperty("aliases").EnumerateArray().Select(a => a.GetProperty("alias").GetString()).ToList();
        Assert.Contains("محمد أبوعزوم", aliases);
        Assert.Contains("محمد بازوم", aliases);
        Assert.Contains("Mohamed Bazoum", aliases);
        var attended = Assert.Single(person.GetProperty("meetings").EnumerateArray());
        Assert.Equal(meeting.GetProperty("id").GetString(), attended.GetProperty("meetingId").GetString());
        Assert.Equal("host", attended.GetProperty("delegationRole").GetString());
        Assert.True(attended.GetProperty("isHead").GetBoolean());
    }

    [Fact]
    public async Task Agreements_with_Chad_among_the_parties_include_the_earlier_quadrilateral_agreements()
    {
        var page = await Client.GetFromJsonAsync<JsonElement>("/api/v1/agreements?party=TCD");

        var agreement = Assert.Single(page.GetProperty("items").EnumerateArray());
        Assert.Equal("multilateral_arrangement", agreement.GetProperty("kind").GetString());
        var byId = await Client.GetFromJsonAsync<JsonElement>($"/api/v1/agreements/{agreement.GetProperty("id").GetString()}");
        Assert.Equal("referenced_at", byId.GetProperty("meetings")[0].GetProperty("linkKind").GetString());
    }

    [Fact]
    public async Task Countries_are_the_whole_ISO_list_with_Arabic_names()
    {
        var page = await Client.GetFromJsonAsync<JsonElement>("/api/v1/countries?limit=500");
        var countries = page.GetProperty("items").EnumerateArray().ToList();

        Assert.InRange(countries.Count, 249, 250);
        Assert.Equal(countries.Count, countries.Select(c => c.GetProperty("alpha2").GetString()).Distinct().Count());
        Assert.All(countries, c => Assert.False(string.IsNullOrWhiteSpace(c.GetProperty("nameAr").GetString())));

        var niger = await Client.GetFromJsonAsync<JsonElement>("/api/v1/countries/ner");
        Assert.Equal("Niger", niger.GetProperty("nameEn").GetString());
        Assert.Equal("النيجر", niger.GetProperty("nameAr").GetString());
        Assert.Equal("NE", niger.GetProperty("alpha2").GetString());
    }

    [Fact]
    public async Task Seed_records_get_the_same_ids_in_a_separate_database()
    {
        var elsewhere = await Db.CreateDatabaseAsync();
        await DbFixture.RunJobAsync(elsewhere);

        const string ids = "SELECT id FROM meetings UNION ALL SELECT id FROM persons UNION ALL SELECT id FROM delegations UNION ALL SELECT id FROM agreements ORDER BY 1";
        await using var here = await Db.OpenAsync();
        await using var there = new Npgsql.NpgsqlConnection(elsewhere);
        Assert.Equal(await here.QueryAsync<Guid>(ids), await there.QueryAsync<Guid>(ids));
        Assert.Equal(3 + 8 + 9 + 4, (await here.QueryAsync<Guid>(ids)).Count());
    }

    [Fact]
    public async Task Responses_are_camelCase_json_with_Arabic_as_plain_text()
    {
        var response = await Client.GetAsync("/api/v1/meetings?country=NER");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"startDatePrecision\":", body);
        Assert.Contains("نيامي", body);
    }

    [Theory]
    [InlineData("/api/v1/meetings/{id}")]
    [InlineData("/api/v1/delegations/{id}")]
    [InlineData("/api/v1/agreements/{id}")]
    [InlineData("/api/v1/persons/{id}")]
    [InlineData("/api/v1/countries/{code}")]
    [InlineData("/api/v1/organizations/{id}")]
    [InlineData("/api/v1/sources/{id}")]
    [InlineData("/api/v1/topics/{code}")]
    public async Task The_example_Swagger_UI_fills_in_for_each_id_is_a_real_seed_record(string path)
    {
        var document = await Client.GetFromJsonAsync<JsonElement>("/swagger/v1/swagger.json");
        var parameter = document.GetProperty("paths").GetProperty(path).GetProperty("get").GetProperty("parameters")[0];
        var example = parameter.GetProperty("example").GetString();

        var response = await Client.GetAsync(path.Replace("{" + parameter.GetProperty("name").GetString() + "}", example));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Every_source_and_topic_a_meeting_shows_can_be_fetched_on_its_own()
    {
        var meeting = await NiameyMeetingAsync();

        foreach (var source in meeting.GetProperty("sources").EnumerateArray())
        {
            var alone = await Client.GetFromJsonAsync<JsonElement>($"/api/v1/sources/{source.GetProperty("id").GetString()}");
            Assert.Equal(source.GetRawText(), alone.GetRawText());
        }
        var topics = await Client.GetFromJsonAsync<JsonElement>("/api/v1/topics");
        Assert.Equal(
            meeting.GetProperty("topics").EnumerateArray().Select(t => t.GetRawText()).Order(),
            topics.GetProperty("items").EnumerateArray().Select(t => t.GetRawText()).Order());
        var topic = await Client.GetFromJsonAsync<JsonElement>("/api/v1/topics/migration");
        Assert.Equal("الهجرة", topic.GetProperty("labelAr").GetString());
    }

    [Fact]
    public async Task An_organisation_shows_its_parent_and_its_parts()
    {
        var meeting = await NiameyMeetingAsync();
        var guest = meeting.GetProperty("delegations").EnumerateArray().Single(d => d.GetProperty("role").GetString() == "guest");
        var portsSecurity = Member(guest, "الطاهر المحمودي").GetProperty("organization").GetProperty("id").GetString();

        var department = await Client.GetFromJsonAsync<JsonElement>($"/api/v1/organizations/{portsSecurity}");
        var ministryId = department.GetProperty("parent").GetProperty("id").GetString();
        var ministry = await Client.GetFromJsonAsync<JsonElement>($"/api/v1/organizations/{ministryId}");

        Assert.Equal("department", department.GetProperty("kind").GetString());
        Assert.Equal(guest.GetProperty("organization").GetProperty("id").GetString(), ministryId);
        Assert.Equal("ministry", ministry.GetProperty("kind").GetString());
        Assert.Contains(ministry.GetProperty("children").EnumerateArray(), c => c.GetProperty("id").GetString() == portsSecurity);
        Assert.Equal("حكومة الوفاق الوطني", ministry.GetProperty("parent").GetProperty("nameAr").GetString());
    }

    private async Task<JsonElement> NiameyMeetingSummaryAsync()
    {
        var page = await Client.GetFromJsonAsync<JsonElement>("/api/v1/meetings?country=NER");
        return page.GetProperty("items").EnumerateArray().Single(m => m.GetProperty("startDate").GetString() == "2019-01-29");
    }

    private async Task<JsonElement> NiameyMeetingAsync()
    {
        var summary = await NiameyMeetingSummaryAsync();
        return await Client.GetFromJsonAsync<JsonElement>($"/api/v1/meetings/{summary.GetProperty("id").GetString()}");
    }

    private static JsonElement Member(JsonElement delegation, string nameAr) =>
        delegation.GetProperty("members").EnumerateArray().Single(m => m.GetProperty("nameAr").GetString() == nameAr);

    private static string? LinkKindOf(List<JsonElement> links, JsonElement agreement) =>
        links.Single(l => l.GetProperty("agreement").GetProperty("id").GetString() == agreement.GetProperty("id").GetString())
            .GetProperty("linkKind").GetString();
}
