using System.Net;
using System.Text.Json;
using Api.Tests.Fixtures;
using Api.Tests.Stats;

namespace Api.Tests.Partners;

/// <summary>GET /api/v1/countries/{code}/partners: the countries one met, with counts and first and last meetings.</summary>
public sealed class PartnerTests(DbFixture db) : DatabaseTest(db)
{
    /// <summary>Niger's meetings, and two it had no part in.</summary>
    private async Task ArrangeAsync()
    {
        await Db.InsertMeetingAsync(Day(2019, 1, 29) with { HostCountryCode = "NER", DelegationCountries = ["NER", "LBY"] });
        await Db.InsertMeetingAsync(Day(2019, 3, 5) with { DelegationCountries = ["NER", "LBY", "TCD"], Format = "multilateral" });
        await Db.InsertMeetingAsync(Day(2018, 6, 1) with { HostCountryCode = "TCD", DelegationCountries = ["NER"] });
        await Db.InsertMeetingAsync(Day(2020, 2, 1) with { HostCountryCode = "NER", DelegationCountries = ["DZA"], Status = "planned" });
        // Without Niger: Libya and Chad alone; and a meeting held in Niger that it took no part in.
        await Db.InsertMeetingAsync(Day(2019, 5, 1) with { HostCountryCode = "LBY", DelegationCountries = ["LBY", "TCD"] });
        await Db.InsertMeetingAsync(Day(2019, 7, 1) with { CountryCode = "NER", DelegationCountries = ["LBY", "SDN"] });
    }

    [Fact]
    public async Task Partners_are_the_countries_in_its_meetings_with_counts_and_first_and_last_dates_most_meetings_first()
    {
        await ArrangeAsync();

        var partners = await GetJsonAsync("/api/v1/countries/NER/partners");

        Assert.Equal("NER", partners.GetProperty("country").GetString());
        Assert.Equal(
        [
            ("LBY", 2L, "2019-01-29", "2019-03-05"),
            ("TCD", 2L, "2018-06-01", "2019-03-05"),
            ("DZA", 1L, "2020-02-01", "2020-02-01"),
        ], Rows(partners));
        var libya = partners.GetProperty("items")[0];
        Assert.Equal("Libya", libya.GetProperty("nameEn").GetString());
        Assert.Equal("ليبيا", libya.GetProperty("nameAr").GetString());
    }

    [Fact]
    public async Task Partnership_is_symmetric_and_counts_the_host()
    {
        await ArrangeAsync();

        var chad = await GetJsonAsync("/api/v1/countries/TCD/partners");

        // With Niger: 2018-06-01 (Chad hosting) and 2019-03-05; with Libya: 2019-03-05 and 2019-05-01.
        Assert.Equal([("LBY", 2L, "2019-03-05", "2019-05-01"), ("NER", 2L, "2018-06-01", "2019-03-05")], Rows(chad));
    }

    [Fact]
    public async Task From_to_and_the_other_meeting_filters_narrow_the_meetings_considered()
    {
        await ArrangeAsync();

        var in2019 = await GetJsonAsync("/api/v1/countries/NER/partners?from=2019-01-01&to=2019-12-31");
        var multilateral = await GetJsonAsync("/api/v1/countries/NER/partners?format=multilateral");
        var planned = await GetJsonAsync("/api/v1/countries/NER/partners?status=planned");
        var withLibya = await GetJsonAsync("/api/v1/countries/NER/partners?country=LBY");

        Assert.Equal([("LBY", 2L, "2019-01-29", "2019-03-05"), ("TCD", 1L, "2019-03-05", "2019-03-05")], Rows(in2019));
        Assert.Equal([("LBY", 1L, "2019-03-05", "2019-03-05"), ("TCD", 1L, "2019-03-05", "2019-03-05")], Rows(multilateral));
        Assert.Equal([("DZA", 1L, "2020-02-01", "2020-02-01")], Rows(planned));
        Assert.Equal([("LBY", 2L, "2019-01-29", "2019-03-05"), ("TCD", 1L, "2019-03-05", "2019-03-05")], Rows(withLibya));
    }

    [Fact]
    public async Task A_lower_case_code_is_the_same_country()
    {
        await ArrangeAsync();

        var upper = await GetJsonAsync("/api/v1/countries/NER/partners");
        var lower = await GetJsonAsync("/api/v1/countries/ner/partners");

        Assert.Equal(Rows(upper), Rows(lower));
        Assert.Equal("NER", lower.GetProperty("country").GetString());
    }

    [Fact]
    public async Task A_country_that_met_no_one_has_an_empty_list()
    {
        await ArrangeAsync();

        var partners = await GetJsonAsync("/api/v1/countries/FRA/partners");

        Assert.Empty(partners.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Csv_lists_partners_with_English_and_Arabic_names_and_ISO_dates_with_an_optional_bom()
    {
        await ArrangeAsync();

        var response = await Client.GetAsync("/api/v1/countries/ner/partners?format=csv");
        var (records, hadBom) = await MeetingStatsTests.ReadCsvAsync(response);
        var withBom = await MeetingStatsTests.ReadCsvAsync(await Client.GetAsync("/api/v1/countries/NER/partners?format=csv&bom=true"));

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment; filename=\"partners-NER.csv\"", Assert.Single(response.Content.Headers.GetValues("Content-Disposition")));
        Assert.False(hadBom);
        Assert.Equal(
        [
            ["code", "name_en", "name_ar", "meetings", "first_meeting", "last_meeting"],
            ["LBY", "Libya", "ليبيا", "2", "2019-01-29", "2019-03-05"],
            ["TCD", "Chad", "تشاد", "2", "2018-06-01", "2019-03-05"],
            ["DZA", "Algeria", "الجزائر", "1", "2020-02-01", "2020-02-01"],
        ], records);
        Assert.True(withBom.HadBom);
        Assert.Equal(records, withBom.Records);
    }

    [Fact]
    public async Task Seed_data_gives_the_examples_the_documentation_shows()
    {
        await Db.ResetAndSeedAsync();

        var partners = await GetJsonAsync("/api/v1/countries/NER/partners?from=2019-01-01&to=2019-12-31");
        var months = await GetJsonAsync("/api/v1/stats/meetings?groupBy=month&country=NER&from=2019-01-01&to=2019-12-31");
        var countries = await GetJsonAsync("/api/v1/stats/meetings?groupBy=country&from=2019-01-01&to=2019-12-31");

        Assert.Equal(
            [("LBY", 3L, "2019-01-28", "2019-02-01"), ("SDN", 1L, "2019-02-01", "2019-02-01"), ("TCD", 1L, "2019-02-01", "2019-02-01")],
            Rows(partners));
        var monthItems = months.GetProperty("items").EnumerateArray().Select(i => (i.GetProperty("key").GetString(), i.GetProperty("count").GetInt64())).ToList();
        Assert.Equal(12, monthItems.Count);
        Assert.Equal([("2019-01", 2L), ("2019-02", 1L), ("2019-03", 0L)], monthItems.Take(3));
        Assert.Equal(("2019-12", 0L), monthItems[^1]);
        Assert.Equal(["LBY:3", "NER:3", "SDN:1", "TCD:1"],
            countries.GetProperty("items").EnumerateArray().Select(i => $"{i.GetProperty("key").GetString()}:{i.GetProperty("count").GetInt64()}"));
    }

    [Theory]
    [InlineData("/api/v1/countries/NE/partners", 400, "code")]
    [InlineData("/api/v1/countries/N1R/partners", 400, "code")]
    [InlineData("/api/v1/countries/NIGER/partners", 400, "code")]
    [InlineData("/api/v1/countries/ZZZ/partners", 404, null)]
    [InlineData("/api/v1/countries/zzz/partners?format=csv", 404, null)]
    [InlineData("/api/v1/countries/NER/partners?from=29-01-2019", 400, "from")]
    [InlineData("/api/v1/countries/NER/partners?from=2019-02-01&to=2019-01-01", 400, "to")]
    [InlineData("/api/v1/countries/NER/partners?country=XXX", 400, "country")]
    [InlineData("/api/v1/countries/NER/partners?format=ndjson", 400, "format")]
    [InlineData("/api/v1/countries/NER/partners?bom=maybe", 400, "bom")]
    [InlineData("/api/v1/countries/NER/partners?groupBy=month", 400, "groupBy")]
    [InlineData("/api/v1/countries/NER/partners?limit=10", 400, "limit")]
    public async Task Bad_request_returns_its_status_and_names_the_field(string url, int status, string? field)
    {
        var response = await Client.GetAsync(url);

        Assert.Equal((HttpStatusCode)status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        if (field is not null)
            Assert.Contains(field, await response.ErrorFieldsAsync());
    }

    private static NewMeeting Day(int year, int month, int day) => new() { StartDate = new DateOnly(year, month, day) };

    private async Task<JsonElement> GetJsonAsync(string url)
    {
        var response = await Client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} returned {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    private static List<(string Code, long Meetings, string First, string Last)> Rows(JsonElement partners) =>
        partners.GetProperty("items").EnumerateArray()
            .Select(p => (p.GetProperty("code").GetString()!, p.GetProperty("meetings").GetInt64(),
                p.GetProperty("firstMeeting").GetString()!, p.GetProperty("lastMeeting").GetString()!))
            .ToList();
}
