using System.Text.Json;
using Api.Tests.Fixtures;

namespace Api.Tests.Meetings;

/// <summary>The meeting list: what each filter keeps, and paging through it.</summary>
public sealed class MeetingListTests(DbFixture db) : DatabaseTest(db)
{
    // ---- paging ----

    [Fact]
    public async Task Paging_with_limit_7_returns_every_meeting_once_in_start_date_then_id_order()
    {
        var inserted = await InsertMeetingsSharingStartDatesAsync(130);

        var pages = new List<Page>();
        string? cursor = null;
        do
        {
            var page = await GetPageAsync("/api/v1/meetings?limit=7" + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor)));
            pages.Add(page);
            cursor = page.NextCursor;
        } while (cursor is not null && pages.Count <= inserted.Count);

        var seen = pages.SelectMany(p => p.Ids).ToList();
        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Equal(InListOrder(inserted), seen);
        Assert.All(pages.Take(pages.Count - 1), p => Assert.Equal(7, p.Ids.Count));
        Assert.All(pages.Take(pages.Count - 1), p => Assert.NotNull(p.NextCursor));
        Assert.Null(pages[^1].NextCursor);
        Assert.Equal(inserted.Count % 7 == 0 ? 7 : inserted.Count % 7, pages[^1].Ids.Count);
    }

    [Fact]
    public async Task Paging_when_the_total_is_a_multiple_of_the_limit_ends_without_an_empty_page()
    {
        var inserted = await InsertMeetingsSharingStartDatesAsync(14);

        var first = await GetPageAsync("/api/v1/meetings?limit=7");
        var second = await GetPageAsync("/api/v1/meetings?limit=7&cursor=" + Uri.EscapeDataString(first.NextCursor!));

        Assert.Equal(InListOrder(inserted), first.Ids.Concat(second.Ids));
        Assert.Null(second.NextCursor);
    }

    [Fact]
    public async Task Get_without_limit_returns_the_documented_default_of_50_and_a_cursor()
    {
        var inserted = await InsertMeetingsSharingStartDatesAsync(51);

        var first = await GetPageAsync("/api/v1/meetings");
        var rest = await GetPageAsync("/api/v1/meetings?cursor=" + Uri.EscapeDataString(first.NextCursor!));

        Assert.Equal(50, first.Ids.Count);
        Assert.Equal(InListOrder(inserted), first.Ids.Concat(rest.Ids));
        Assert.Null(rest.NextCursor);
    }

    [Fact]
    public async Task Paging_a_filtered_list_keeps_the_filter_on_every_page()
    {
        var held = new List<NewMeeting>();
        for (var i = 0; i < 12; i++)
        {
            var meeting = new NewMeeting { StartDate = new DateOnly(2019, 1, 1).AddDays(i / 4), Status = i % 2 == 0 ? "held" : "planned" };
            await Db.InsertMeetingAsync(meeting);
            if (meeting.Status == "held")
                held.Add(meeting);
        }

        var seen = new List<Guid>();
        string? cursor = null;
        do
        {
            var page = await GetPageAsync("/api/v1/meetings?status=held&limit=2" + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor)));
            seen.AddRange(page.Ids);
            cursor = page.NextCursor;
        } while (cursor is not null && seen.Count <= held.Count);

        Assert.Equal(InListOrder(held), seen);
    }

    // ---- from / to ----

    [Fact]
    public async Task From_keeps_meetings_that_end_on_or_after_it_including_one_still_running()
    {
        var from = new DateOnly(2019, 2, 20);
        var cases = new (NewMeeting Meeting, bool Expected)[]
        {
            (Day(from.AddDays(-1)), false),
            (Day(from), true),
            (Day(from.AddDays(1)), true),
            (Day(from.AddDays(-2)) with { EndDate = from.AddDays(1), EndDatePrecision = "day" }, true),
            (Day(from.AddDays(-5)) with { EndDate = from, EndDatePrecision = "day" }, true),
            (Day(from.AddDays(-5)) with { EndDate = from.AddDays(-1), EndDatePrecision = "day" }, false),
        };

        await AssertListKeepsExpectedAsync($"/api/v1/meetings?from={from:yyyy-MM-dd}", cases);
    }

    [Fact]
    public async Task From_counts_a_meeting_known_only_to_the_month_or_year_as_lasting_all_of_it()
    {
        var cases = new (NewMeeting Meeting, bool Expected)[]
        {
            (Month(2019, 2), true), // February 2019 still runs on the 20th
            (Month(2019, 1), false),
            (Year(2019), true),
            (Year(2018), false),
            // Starts on a known day, ends some time in March.
            (Day(new DateOnly(2019, 1, 15)) with { EndDate = new DateOnly(2019, 3, 1), EndDatePrecision = "month" }, true),
        };

        await AssertListKeepsExpectedAsync("/api/v1/meetings?from=2019-02-20", cases);
    }

    [Fact]
    public async Task From_on_the_last_day_of_a_month_or_year_still_includes_that_month_or_year()
    {
        var cases = new (NewMeeting Meeting, bool Expected)[]
        {
            (Month(2019, 12), true),
            (Month(2019, 11), false),
            (Year(2019), true),
        };

        await AssertListKeepsExpectedAsync("/api/v1/meetings?from=2019-12-31", cases);
    }

    [Fact]
    public async Task To_keeps_meetings_that_start_on_or_before_it()
    {
        var to = new DateOnly(2019, 2, 20);
        var cases = new (NewMeeting Meeting, bool Expected)[]
        {
            (Day(to.AddDays(-1)), true),
            (Day(to), true),
            (Day(to.AddDays(1)), false),
            // Starts before and runs past it.
            (Day(to.AddDays(-1)) with { EndDate = to.AddDays(3), EndDatePrecision = "day" }, true),
            (Month(2019, 2), true),
            (Month(2019, 3), false),
        };

        await AssertListKeepsExpectedAsync($"/api/v1/meetings?to={to:yyyy-MM-dd}", cases);
    }

    [Fact]
    public async Task From_and_to_together_keep_meetings_that_overlap_the_window()
    {
        var from = new DateOnly(2019, 3, 10);
        var to = new DateOnly(2019, 3, 20);
        var cases = new (NewMeeting Meeting, bool Expected)[]
        {
            (Day(from.AddDays(-1)), false),
            (Day(from), true),
            (Day(to), true),
            (Day(to.AddDays(1)), false),
            (Day(from.AddDays(-3)) with { EndDate = to.AddDays(3), EndDatePrecision = "day" }, true),
            (Month(2019, 3), true),
        };

        await AssertListKeepsExpectedAsync($"/api/v1/meetings?from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}", cases);
    }

    [Fact]
    public async Task From_and_to_on_the_same_day_keep_meetings_of_that_day()
    {
        var day = new DateOnly(2019, 5, 5);
        var cases = new (NewMeeting Meeting, bool Expected)[]
        {
            (Day(day), true),
            (Day(day.AddDays(-1)), false),
            (Day(day.AddDays(1)), false),
        };

        await AssertListKeepsExpectedAsync($"/api/v1/meetings?from={day:yyyy-MM-dd}&to={day:yyyy-MM-dd}", cases);
    }

    // ---- country ----

    [Fact]
    public async Task Country_keeps_meetings_with_its_delegation_in_it_or_hosted_by_it()
    {
        var cases = new (NewMeeting Meeting, bool Expected)[]
        {
            (new NewMeeting { CountryCode = "FRA", HostCountryCode = "FRA", DelegationCountries = ["FRA", "NER"] }, true),
            (new NewMeeting { CountryCode = "NER", HostCountryCode = "LBY", DelegationCountries = ["LBY", "TCD"] }, true),
            (new NewMeeting { CountryCode = "DZA", HostCountryCode = "NER", DelegationCountries = ["DZA"] }, true),
            // In, hosted by and attended by Niger: listed once.
            (new NewMeeting { CountryCode = "NER", HostCountryCode = "NER", DelegationCountries = ["NER", "LBY"] }, true),
            (new NewMeeting { CountryCode = "LBY", HostCountryCode = "LBY", DelegationCountries = ["LBY", "TCD"] }, false),
            (new NewMeeting(), false),
        };

        await AssertListKeepsExpectedAsync("/api/v1/meetings?country=NER", cases);
    }

    [Fact]
    public async Task Country_in_lower_case_works_like_upper_case()
    {
        await Db.InsertMeetingAsync(new NewMeeting { DelegationCountries = ["NER"] });
        await Db.InsertMeetingAsync(new NewMeeting { CountryCode = "NER" });
        await Db.InsertMeetingAsync(new NewMeeting { HostCountryCode = "LBY" });

        var upper = await GetPageAsync("/api/v1/meetings?country=NER");
        var lower = await GetPageAsync("/api/v1/meetings?country=ner");

        Assert.Equal(2, upper.Ids.Count);
        Assert.Equal(upper.Ids, lower.Ids);
    }

    // ---- status ----

    [Fact]
    public async Task Status_keeps_only_meetings_with_that_status()
    {
        var cases = new (NewMeeting Meeting, bool Expected)[]
        {
            (new NewMeeting { Status = "planned" }, true),
            (new NewMeeting { Status = "planned", StartDate = new DateOnly(2020, 6, 1) }, true),
            (new NewMeeting { Status = "held" }, false),
            (new NewMeeting { Status = "cancelled" }, false),
            (new NewMeeting { Status = "unknown" }, false),
        };

        await AssertListKeepsExpectedAsync("/api/v1/meetings?status=planned", cases);
    }

    [Fact]
    public async Task Status_and_country_together_keep_meetings_matching_both()
    {
        var cases = new (NewMeeting Meeting, bool Expected)[]
        {
            (new NewMeeting { Status = "held", CountryCode = "NER" }, true),
            (new NewMeeting { Status = "planned", CountryCode = "NER" }, false),
            (new NewMeeting { Status = "held", CountryCode = "LBY" }, false),
        };

        await AssertListKeepsExpectedAsync("/api/v1/meetings?status=held&country=NER", cases);
    }

    // ---- helpers ----

    private sealed record Page(IReadOnlyList<Guid> Ids, string? NextCursor);

    private async Task<Page> GetPageAsync(string url)
    {
        var response = await Client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {url} returned {(int)response.StatusCode}: {body}");
        var page = JsonDocument.Parse(body).RootElement;
        var ids = page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToList();
        var next = page.TryGetProperty("nextCursor", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
        return new Page(ids, next);
    }

    /// <summary>Inserts each meeting, gets the list, and checks it holds exactly the expected ones in (start date, id) order.</summary>
    private async Task AssertListKeepsExpectedAsync(string url, (NewMeeting Meeting, bool Expected)[] cases)
    {
        foreach (var (meeting, _) in cases)
            await Db.InsertMeetingAsync(meeting);

        var page = await GetPageAsync(url);

        var expected = InListOrder(cases.Where(c => c.Expected).Select(c => c.Meeting));
        var titles = cases.ToDictionary(c => c.Meeting.Id, c => Describe(c.Meeting));
        Assert.Equal(expected.Select(id => titles[id]), page.Ids.Select(id => titles.GetValueOrDefault(id, id.ToString())));
    }

    /// <summary>Meetings on count / 5 start dates, five to a date, so ties on the date are broken by id.</summary>
    private async Task<List<NewMeeting>> InsertMeetingsSharingStartDatesAsync(int count)
    {
        var meetings = new List<NewMeeting>();
        for (var i = 0; i < count; i++)
        {
            // Interleave dates so insertion order is not list order.
            var meeting = new NewMeeting { StartDate = new DateOnly(2019, 1, 1).AddDays((i * 7) % (count / 5 + 1)) };
            await Db.InsertMeetingAsync(meeting);
            meetings.Add(meeting);
        }
        Assert.Contains(meetings.GroupBy(m => m.StartDate), g => g.Count() > 1);
        return meetings;
    }

    /// <summary>PostgreSQL orders uuids byte by byte, which is ordinal order of the lower-case canonical string.</summary>
    private static List<Guid> InListOrder(IEnumerable<NewMeeting> meetings) =>
        meetings.OrderBy(m => m.StartDate).ThenBy(m => m.Id.ToString("D"), StringComparer.Ordinal).Select(m => m.Id).ToList();

    private static string Describe(NewMeeting m) =>
        $"{m.StartDate:yyyy-MM-dd}/{m.StartDatePrecision}" +
        (m.EndDate is { } end ? $"–{end:yyyy-MM-dd}/{m.EndDatePrecision}" : "") +
        $" {m.Status} in={m.CountryCode} host={m.HostCountryCode} delegations=[{string.Join(",", m.DelegationCountries)}] {m.Id.ToString()[..8]}";

    private static NewMeeting Day(DateOnly date) => new() { StartDate = date };

    private static NewMeeting Month(int year, int month) => new() { StartDate = new DateOnly(year, month, 1), StartDatePrecision = "month" };

    private static NewMeeting Year(int year) => new() { StartDate = new DateOnly(year, 1, 1), StartDatePrecision = "year" };
}
