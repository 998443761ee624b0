using System.Net.Http.Json;
using System.Text.Json;
using Api.Tests.Fixtures;
using static Api.Tests.Fixtures.ListPages;

namespace Api.Tests.Delegations;

/// <summary>The delegation list: its filters (meeting, country, person), sorts, keyset paging and counts.</summary>
public sealed class DelegationListTests(DbFixture db) : DatabaseTest(db)
{
    [Fact]
    public async Task Delegations_filter_by_meeting_by_country_and_by_both()
    {
        var first = await Db.InsertMeetingAsync(new NewMeeting { StartDate = new DateOnly(2019, 1, 29) });
        var second = await Db.InsertMeetingAsync(new NewMeeting { StartDate = new DateOnly(2019, 2, 15) });
        var firstLibya = await Db.InsertDelegationAsync(first, "LBY", "guest");
        var firstNiger = await Db.InsertDelegationAsync(first, "NER", "host");
        var secondLibya = await Db.InsertDelegationAsync(second, "LBY");
        var secondChad = await Db.InsertDelegationAsync(second, "TCD");

        Assert.Equal(Set(firstLibya, firstNiger), Set(await GetPageAsync($"/api/v1/delegations?meeting={first}")));
        Assert.Equal(Set(firstLibya, secondLibya), Set(await GetPageAsync("/api/v1/delegations?country=LBY")));
        Assert.Equal(Set(firstLibya, secondLibya), Set(await GetPageAsync("/api/v1/delegations?country=lby")));
        Assert.Equal(Set(secondLibya), Set(await GetPageAsync($"/api/v1/delegations?meeting={second}&country=LBY")));
        Assert.Equal(Set(secondChad, secondLibya, firstNiger, firstLibya), Set(await GetPageAsync("/api/v1/delegations")));
        Assert.Empty((await GetPageAsync($"/api/v1/delegations?meeting={Guid.NewGuid()}")).Ids);
    }

    [Fact]
    public async Task Delegations_list_shows_each_delegation_with_its_meeting_and_country()
    {
        var meeting = await Db.InsertMeetingAsync(new NewMeeting());
        var delegation = await Db.InsertDelegationAsync(meeting, "TCD", "mediator");

        var item = (await Client.GetFromJsonAsync<JsonElement>($"/api/v1/delegations?meeting={meeting}")).GetProperty("items")[0];

        Assert.Equal(delegation, item.GetProperty("id").GetGuid());
        Assert.Equal(meeting, item.GetProperty("meetingId").GetGuid());
        Assert.Equal("TCD", item.GetProperty("countryCode").GetString());
        Assert.Equal("mediator", item.GetProperty("role").GetString());
    }

    [Fact]
    public async Task Person_keeps_the_delegations_the_person_sat_in_each_once()
    {
        var first = await Db.InsertMeetingAsync(new NewMeeting { StartDate = new DateOnly(2019, 1, 29) });
        var second = await Db.InsertMeetingAsync(new NewMeeting { StartDate = new DateOnly(2019, 3, 12) });
        var bazoum = await Db.InsertPersonAsync("Mohamed Bazoum");
        var mazen = await Db.InsertPersonAsync("Khaled Mazen");
        var nigerFirst = await Db.InsertDelegationAsync(first, "NER", "host");
        var libyaFirst = await Db.InsertDelegationAsync(first, "LBY", "guest");
        var nigerSecond = await Db.InsertDelegationAsync(second, "NER", "guest");
        await Db.InsertDelegationAsync(second, "TCD", "host");
        await Db.InsertMemberAsync(nigerFirst, bazoum);
        await Db.InsertMemberAsync(libyaFirst, mazen);
        await Db.InsertMemberAsync(nigerSecond, mazen, 0);
        await Db.InsertMemberAsync(nigerSecond, bazoum, 1);

        Assert.Equal([nigerFirst, nigerSecond], await Client.GetIdsAsync($"/api/v1/delegations?person={bazoum}"));
        Assert.Equal([libyaFirst, nigerSecond], await Client.GetIdsAsync($"/api/v1/delegations?person={mazen}"));
        Assert.Equal([nigerSecond], await Client.GetIdsAsync($"/api/v1/delegations?person={mazen}&country=NER"));
        Assert.Equal([nigerFirst], await Client.GetIdsAsync($"/api/v1/delegations?person={bazoum}&meeting={first}"));
        Assert.Empty(await Client.GetIdsAsync($"/api/v1/delegations?person={await Db.InsertPersonAsync("Nobody")}"));
        Assert.Empty(await Client.GetIdsAsync($"/api/v1/delegations?person={Guid.NewGuid()}"));
    }

    [Fact]
    public async Task Meeting_and_country_keep_the_delegations_of_that_meeting_and_country()
    {
        var made = await InsertVariedAsync();
        var meeting = made[0].MeetingId;

        Assert.Equal(made.Where(d => d.MeetingId == meeting).Select(d => d.Id).ToHashSet(),
            (await Client.GetIdsAsync($"/api/v1/delegations?meeting={meeting}")).ToHashSet());
        Assert.Equal(made.Where(d => d.Country == "NER").Select(d => d.Id).ToHashSet(),
            (await Client.GetIdsAsync("/api/v1/delegations?country=ner&limit=500")).ToHashSet());
        Assert.Equal(made.Where(d => d.Country == "NER" && d.MeetingId == meeting).Select(d => d.Id).ToHashSet(),
            (await Client.GetIdsAsync($"/api/v1/delegations?country=NER&meeting={meeting}")).ToHashSet());
    }

    [Theory]
    [InlineData("")]
    [InlineData("startDate")]
    [InlineData("-startDate")]
    [InlineData("country")]
    [InlineData("-country")]
    [InlineData("role")]
    [InlineData("role,-startDate")]
    [InlineData("-country,role,startDate")]
    public async Task Sort_orders_by_each_field_in_turn_then_by_id(string sort)
    {
        var made = await InsertVariedAsync();

        var listed = await Client.GetIdsAsync($"/api/v1/delegations?limit=500" + (sort.Length == 0 ? "" : "&sort=" + sort));

        Assert.Equal(Sorted(made, sort.Length == 0 ? "startDate" : sort), listed);
    }

    [Fact]
    public async Task Sort_by_country_puts_delegations_of_an_organisation_alone_first()
    {
        var meeting = await Db.InsertMeetingAsync(new NewMeeting());
        var niger = await Db.InsertDelegationAsync(meeting, "NER");
        var iom = await Db.InsertOrganizationDelegationAsync(meeting, await Db.InsertOrganizationAsync("International Organization for Migration"));

        Assert.Equal([iom, niger], await Client.GetIdsAsync("/api/v1/delegations?sort=country"));
        Assert.Equal([niger, iom], await Client.GetIdsAsync("/api/v1/delegations?sort=-country"));
    }

    [Theory]
    [InlineData("", 1)]
    [InlineData("-startDate", 2)]
    [InlineData("country", 3)]
    [InlineData("role,-startDate", 2)]
    [InlineData("-country,role,startDate", 4)]
    public async Task Paging_with_a_small_limit_gives_every_delegation_once_in_the_sort_order(string sort, int limit)
    {
        var made = await InsertVariedAsync();

        var paged = await Client.GetAllPagesAsync("/api/v1/delegations" + (sort.Length == 0 ? "" : "?sort=" + sort), limit);

        Assert.Equal(made.Count, paged.Distinct().Count());
        Assert.Equal(Sorted(made, sort.Length == 0 ? "startDate" : sort), paged);
    }

    [Fact]
    public async Task Paging_keeps_the_filters_on_every_page()
    {
        var made = await InsertVariedAsync();

        var paged = await Client.GetAllPagesAsync("/api/v1/delegations?country=LBY&sort=-startDate", 2);

        Assert.Equal(Sorted(made.Where(d => d.Country == "LBY"), "-startDate"), paged);
    }

    [Fact]
    public async Task Count_exact_gives_the_number_of_matching_delegations()
    {
        var made = await InsertVariedAsync();
        var person = await Db.InsertPersonAsync("Khaled Mazen");
        foreach (var d in made.Where(d => d.Role == "guest"))
            await Db.InsertMemberAsync(d.Id, person);

        Assert.Equal(made.Count, (await Client.GetPageAsync("/api/v1/delegations?count=exact&limit=1")).Total);
        Assert.Equal(made.Count(d => d.Country == "TCD"), (await Client.GetPageAsync("/api/v1/delegations?country=TCD&count=exact&limit=1")).Total);
        Assert.Equal(made.Count(d => d.Role == "guest"), (await Client.GetPageAsync($"/api/v1/delegations?person={person}&count=exact")).Total);
        Assert.Equal(made.Count(d => d.MeetingId == made[0].MeetingId),
            (await Client.GetPageAsync($"/api/v1/delegations?meeting={made[0].MeetingId}&count=exact")).Total);
        Assert.True((await Client.GetPageAsync("/api/v1/delegations?count=estimated")).Total >= 0);
        Assert.Null((await Client.GetPageAsync("/api/v1/delegations")).Total);
    }

    [Theory]
    [InlineData("country=XXX", "country")]
    [InlineData("country=LB", "country")]
    [InlineData("meeting=nope", "meeting")]
    [InlineData("person=nope", "person")]
    [InlineData("sort=name", "sort")]
    [InlineData("sort=relevance", "sort")]
    [InlineData("sort=role,role", "sort")]
    [InlineData("count=some", "count")]
    [InlineData("limit=501", "limit")]
    [InlineData("q=bazoum", "q")]
    public async Task A_bad_parameter_is_refused_with_400_naming_it(string query, string field)
    {
        await Client.AssertBadRequestAsync("/api/v1/delegations?" + query, field);
    }

    [Fact]
    public async Task A_cursor_is_refused_with_another_sort()
    {
        await InsertVariedAsync();
        var page = await Client.GetPageAsync("/api/v1/delegations?sort=role&limit=1");

        await Client.AssertBadRequestAsync("/api/v1/delegations?cursor=" + Q(page.NextCursor!), "cursor");
        await Client.AssertBadRequestAsync("/api/v1/delegations?sort=-role&cursor=" + Q(page.NextCursor!), "cursor");
        Assert.Single((await Client.GetPageAsync("/api/v1/delegations?sort=role&limit=1&cursor=" + Q(page.NextCursor!))).Ids);
    }

    // ---- helpers ----

    private Task<ListPage> GetPageAsync(string url) => Client.GetPageAsync(url);

    private sealed record Made(Guid Id, Guid MeetingId, DateOnly StartDate, string Country, string Role);

    /// <summary>Six meetings on four start dates, each with two or three delegations, so every sort key has ties.</summary>
    private async Task<List<Made>> InsertVariedAsync()
    {
        DateOnly[] dates = [new(2019, 1, 29), new(2019, 3, 12), new(2019, 1, 29), new(2018, 6, 1), new(2019, 3, 12), new(2020, 2, 2)];
        string[] countries = ["LBY", "NER", "TCD", "SDN"];
        string[] roles = ["host", "guest", "participant"];
        var made = new List<Made>();
        for (var m = 0; m < dates.Length; m++)
        {
            var meeting = await Db.InsertMeetingAsync(new NewMeeting { StartDate = dates[m] });
            for (var d = 0; d < 2 + m % 2; d++)
            {
                var country = countries[(m + d) % countries.Length];
                var role = roles[(m * 2 + d) % roles.Length];
                made.Add(new Made(await Db.InsertDelegationAsync(meeting, country, role), meeting, dates[m], country, role));
            }
        }
        return made;
    }

    /// <summary>The order the list should have: each field in turn, then the id in the direction of the last field.</summary>
    private static List<Guid> Sorted(IEnumerable<Made> made, string sort)
    {
        var fields = sort.Split(',').Select(f => (Name: f.TrimStart('-'), Descending: f.StartsWith('-'))).ToList();
        var list = made.ToList();
        list.Sort((x, y) =>
        {
            foreach (var (name, descending) in fields)
            {
                var c = name switch
                {
                    "startDate" => x.StartDate.CompareTo(y.StartDate),
                    "country" => TextOrder.Compare(x.Country, y.Country),
                    "role" => TextOrder.Compare(x.Role, y.Role),
                    _ => throw new ArgumentException(name),
                };
                if (c != 0)
                    return descending ? -c : c;
            }
            var byId = TextOrder.Compare(Key(x.Id), Key(y.Id));
            return fields[^1].Descending ? -byId : byId;
        });
        return list.Select(d => d.Id).ToList();
    }
}
