using System.Net;
using System.Text.Json.Nodes;
using Api.Tests.Fixtures;
using static Api.Tests.Fixtures.ListPages;

namespace Api.Tests.Agreements;

/// <summary>The agreement list: each filter and what it means, search in Arabic and English, sorts, keyset paging and counts.</summary>
public sealed class AgreementListTests(DbFixture db) : DatabaseTest(db, db.WriterClient())
{
    private readonly HttpClient _reader = db.Factory.CreateClient();

    // ---- party / parties ----

    [Fact]
    public async Task Party_keeps_agreements_with_that_country_among_their_parties_in_any_role()
    {
        var inviter = await CreateAsync(new Agreement { Parties = [Party("inviter", "NER"), Party("invitee", "LBY")] });
        var witness = await CreateAsync(new Agreement { Parties = [Party("party", "TCD"), Party("party", "SDN"), Party("witness", "NER")] });
        await CreateAsync(new Agreement { Parties = [Party("party", "LBY"), Party("party", "TCD")] });
        await CreateAsync(new Agreement());

        Assert.Equal(Set(inviter.Id, witness.Id), (await Client.GetIdsAsync("/api/v1/agreements?party=NER")).ToHashSet());
        Assert.Equal(Set(inviter.Id, witness.Id), (await Client.GetIdsAsync("/api/v1/agreements?party=ner")).ToHashSet());
    }

    [Fact]
    public async Task Parties_keeps_agreements_to_which_every_listed_country_is_a_party()
    {
        var minister = await CreatePersonAsync("Khaled Mazen");
        var both = await CreateAsync(new Agreement { Parties = [Party("party", "LBY"), Party("party", "NER")] });
        var bothAndChad = await CreateAsync(new Agreement { Parties = [Party("party", "TCD"), Party("signatory", "NER"), Party("guarantor", "LBY")] });
        // Libya twice (the country, and its minister): still both countries, once each.
        var libyaTwice = await CreateAsync(new Agreement { Parties = [Party("party", "LBY"), Party("signatory", "LBY", minister), Party("party", "NER")] });
        await CreateAsync(new Agreement { Parties = [Party("party", "LBY"), Party("party", "LBY", minister)] });
        await CreateAsync(new Agreement { Parties = [Party("party", "NER"), Party("party", "TCD")] });
        await CreateAsync(new Agreement { Parties = [Party("party", "LBY")] });

        var expected = Set(both.Id, bothAndChad.Id, libyaTwice.Id);
        Assert.Equal(expected, (await Client.GetIdsAsync("/api/v1/agreements?parties=LBY,NER")).ToHashSet());
        Assert.Equal(expected, (await Client.GetIdsAsync("/api/v1/agreements?parties=ner,%20lby")).ToHashSet());
        Assert.Equal(Set(bothAndChad.Id), (await Client.GetIdsAsync("/api/v1/agreements?parties=LBY,NER,TCD")).ToHashSet());
        // One code means the same as party=.
        Assert.Equal((await Client.GetIdsAsync("/api/v1/agreements?party=TCD")).ToHashSet(), (await Client.GetIdsAsync("/api/v1/agreements?parties=TCD")).ToHashSet());
        Assert.Equal(Set(bothAndChad.Id), (await Client.GetIdsAsync("/api/v1/agreements?parties=LBY,NER&party=TCD")).ToHashSet());
    }

    // ---- kind / status / meeting ----

    [Fact]
    public async Task Kind_and_status_keep_agreements_of_that_kind_and_status_and_combine_with_each_other()
    {
        var signedMou = await CreateAsync(new Agreement { Kind = "mou", Status = "signed" });
        var proposedMou = await CreateAsync(new Agreement { Kind = "mou", Status = "proposed" });
        var signedTreaty = await CreateAsync(new Agreement { Kind = "treaty", Status = "signed" });
        await CreateAsync(new Agreement { Kind = "invitation", Status = "accepted" });

        Assert.Equal(Set(signedMou.Id, proposedMou.Id), (await Client.GetIdsAsync("/api/v1/agreements?kind=mou")).ToHashSet());
        Assert.Equal(Set(signedMou.Id, signedTreaty.Id), (await Client.GetIdsAsync("/api/v1/agreements?status=signed")).ToHashSet());
        Assert.Equal([signedMou.Id], await Client.GetIdsAsync("/api/v1/agreements?kind=mou&status=signed"));
        Assert.Empty(await Client.GetIdsAsync("/api/v1/agreements?kind=protocol"));
    }

    [Fact]
    public async Task Meeting_keeps_agreements_linked_to_it_however_linked()
    {
        var meeting = await Db.InsertMeetingAsync(new NewMeeting());
        var other = await Db.InsertMeetingAsync(new NewMeeting());
        var linked = new List<Guid>();
        foreach (var link in new[] { "concluded_at", "referenced_at", "planned_for", "fulfilled_by" })
            linked.Add((await CreateAsync(new Agreement { Meetings = [(meeting, link)] })).Id);
        // Linked twice, in two ways: listed once.
        linked.Add((await CreateAsync(new Agreement { Meetings = [(meeting, "referenced_at"), (meeting, "planned_for"), (other, "concluded_at")] })).Id);
        var elsewhere = await CreateAsync(new Agreement { Meetings = [(other, "concluded_at")] });

        var found = await Client.GetIdsAsync($"/api/v1/agreements?meeting={meeting}");

        Assert.Equal(linked.Count, found.Count);
        Assert.Equal(linked.ToHashSet(), found.ToHashSet());
        Assert.Equal(2, (await Client.GetIdsAsync($"/api/v1/agreements?meeting={other}")).Count);
        Assert.DoesNotContain(elsewhere.Id, found);
        Assert.Empty(await Client.GetIdsAsync($"/api/v1/agreements?meeting={Guid.NewGuid()}"));
    }

    [Fact]
    public async Task Agreements_filter_by_party_kind_status_and_meeting()
    {
        var first = await Db.InsertMeetingAsync(new NewMeeting());
        var second = await Db.InsertMeetingAsync(new NewMeeting { StartDate = new DateOnly(2019, 3, 1) });
        var signedMou = await Db.InsertAgreementAsync("mou", "signed", new DateOnly(2019, 1, 29),
            ["LBY", "NER"], [(first, "concluded_at")]);
        var invitation = await Db.InsertAgreementAsync("invitation", "proposed", new DateOnly(2019, 1, 30),
            ["NER", "TCD"], [(second, "planned_for")]);
        var undatedMou = await Db.InsertAgreementAsync("mou", "proposed", null,
            ["TCD"], [(first, "referenced_at"), (second, "fulfilled_by")]);
        var unrelated = await Db.InsertAgreementAsync("treaty", "in_force", new DateOnly(2018, 5, 1), ["DZA"]);

        Assert.Equal(Set(signedMou, invitation), Set(await GetPageAsync("/api/v1/agreements?party=NER")));
        Assert.Equal(Set(signedMou, invitation), Set(await GetPageAsync("/api/v1/agreements?party=ner")));
        Assert.Equal(Set(signedMou, undatedMou), Set(await GetPageAsync("/api/v1/agreements?kind=mou")));
        Assert.Equal(Set(invitation, undatedMou), Set(await GetPageAsync("/api/v1/agreements?status=proposed")));
        Assert.Equal(Set(signedMou, undatedMou), Set(await GetPageAsync($"/api/v1/agreements?meeting={first}")));
        Assert.Equal(Set(invitation, undatedMou), Set(await GetPageAsync($"/api/v1/agreements?meeting={second}")));
        Assert.Equal(Set(undatedMou), Set(await GetPageAsync("/api/v1/agreements?party=TCD&kind=mou")));
        Assert.Equal(Set(invitation), Set(await GetPageAsync($"/api/v1/agreements?party=NER&status=proposed&meeting={second}")));
        Assert.Equal(Set(unrelated, signedMou, invitation, undatedMou), Set(await GetPageAsync("/api/v1/agreements")));
        Assert.Empty((await GetPageAsync("/api/v1/agreements?party=FRA")).Ids);
    }

    // ---- from / to ----

    [Fact]
    public async Task From_keeps_agreements_dated_on_or_after_it_a_month_or_year_counting_whole_and_no_undated_one()
    {
        var cases = new (Agreement Agreement, bool Expected)[]
        {
            (Dated("2019-02-19", "day"), false),
            (Dated("2019-02-20", "day"), true),
            (Dated("2019-03-01", "day"), true),
            (Dated("2019-02-01", "month"), true), // some day of February 2019 is on or after the 20th
            (Dated("2019-01-01", "month"), false),
            (Dated("2019-01-01", "year"), true),
            (Dated("2018-01-01", "year"), false),
            (new Agreement(), false),
        };

        await AssertKeepsAsync("/api/v1/agreements?from=2019-02-20", cases);
    }

    [Fact]
    public async Task To_keeps_agreements_dated_on_or_before_it_from_the_first_day_of_their_month_or_year_and_no_undated_one()
    {
        var cases = new (Agreement Agreement, bool Expected)[]
        {
            (Dated("2019-02-01", "day"), true),
            (Dated("2019-02-02", "day"), false),
            (Dated("2019-02-01", "month"), true),
            (Dated("2019-03-01", "month"), false),
            (Dated("2019-01-01", "year"), true),
            (Dated("2020-01-01", "year"), false),
            (new Agreement(), false),
        };

        await AssertKeepsAsync("/api/v1/agreements?to=2019-02-01", cases);
    }

    [Fact]
    public async Task From_and_to_keep_agreements_whose_date_or_period_overlaps_the_window()
    {
        var cases = new (Agreement Agreement, bool Expected)[]
        {
            (Dated("2019-03-09", "day"), false),
            (Dated("2019-03-10", "day"), true),
            (Dated("2019-03-20", "day"), true),
            (Dated("2019-03-21", "day"), false),
            (Dated("2019-03-01", "month"), true),
            (Dated("2019-02-01", "month"), false),
            (Dated("2019-01-01", "year"), true),
            (Dated("2020-01-01", "year"), false),
            (new Agreement(), false),
        };

        await AssertKeepsAsync("/api/v1/agreements?from=2019-03-10&to=2019-03-20", cases);
    }

    // ---- q ----

    [Fact]
    public async Task Q_in_Arabic_ignores_hamza_and_diacritics_on_either_side()
    {
        var withHamza = await CreateAsync(new Agreement { TitleEn = null, TitleAr = "دعوة محمد أبوعزوم لزيارة ليبيا" });
        var withoutHamza = await CreateAsync(new Agreement { TitleEn = null, TitleAr = "التزام ابوعزوم بتأمين الحدود" });
        await CreateAsync(new Agreement { TitleEn = null, TitleAr = "اتفاق حول الجمارك" });

        foreach (var q in new[] { "أبوعزوم", "ابوعزوم", "أَبُوعَزُّوم", "إبوعزوم" })
            Assert.Equal(Set(withHamza.Id, withoutHamza.Id), (await Client.GetIdsAsync($"/api/v1/agreements?q={Q(q)}")).ToHashSet());
    }

    [Fact]
    public async Task Q_in_Latin_ignores_case_and_accents_and_tolerates_a_small_misspelling()
    {
        var accented = await CreateAsync(new Agreement { TitleEn = "Démarche on the Niamey border crossing" });
        await CreateAsync(new Agreement { TitleEn = "Customs protocol" });

        foreach (var q in new[] { "demarche", "DÉMARCHE", "Demarche niamey", "niamey bordr" })
            Assert.Equal([accented.Id], await Client.GetIdsAsync($"/api/v1/agreements?q={Q(q)}"));
    }

    [Fact]
    public async Task Q_finds_an_agreement_by_its_parties_country_names_and_a_persons_alias()
    {
        await Db.ResetAndSeedAsync();
        var byAlias = await CreateAsync(new Agreement { TitleEn = "Visit programme", Parties = [Party("invitee", "NER", Bodies.Bazoum)] });
        var byCountry = await CreateAsync(new Agreement { TitleEn = "Fisheries", Parties = [Party("party", "MRT")] });

        // The seed gives Mohamed Bazoum the alias محمد أبوعزوم, which this agreement's text does not hold.
        Assert.Contains(byAlias.Id, await Client.GetIdsAsync($"/api/v1/agreements?q={Q("ابوعزوم")}"));
        Assert.Contains(byCountry.Id, await Client.GetIdsAsync($"/api/v1/agreements?q={Q("mauritania")}"));
        Assert.DoesNotContain(byCountry.Id, await Client.GetIdsAsync($"/api/v1/agreements?q={Q("ابوعزوم")}"));
    }

    [Fact]
    public async Task Q_lists_title_matches_first_the_closest_title_first_and_sort_relevance_reverses_it()
    {
        var title = await CreateAsync(new Agreement { TitleEn = "Niger" });
        var longerTitle = await CreateAsync(new Agreement { TitleEn = "Niger border patrols" });
        var party = await CreateAsync(new Agreement { TitleEn = "Fisheries", Parties = [Party("party", "NER")] });
        // Matched only by similarity, which is not tried while something holds q as written.
        await CreateAsync(new Agreement { TitleEn = "Nigr customs" });
        await CreateAsync(new Agreement { TitleEn = "Customs" });

        Assert.Equal([title.Id, longerTitle.Id, party.Id], await Client.GetIdsAsync($"/api/v1/agreements?q={Q("niger")}"));
        Assert.Equal([party.Id, longerTitle.Id, title.Id], await Client.GetIdsAsync($"/api/v1/agreements?q={Q("niger")}&sort=relevance"));
        // Another sort replaces the ranking; the search still filters.
        Assert.Equal(new[] { title, longerTitle, party }.OrderBy(a => a.TitleEn, TextOrder).Select(a => a.Id),
            await Client.GetIdsAsync($"/api/v1/agreements?q={Q("niger")}&sort=title"));
    }

    [Fact]
    public async Task Q_that_nothing_holds_as_written_lists_similar_matches_the_most_alike_first()
    {
        var exact = await CreateAsync(new Agreement { TitleEn = "Border patrols" });
        var near = await CreateAsync(new Agreement { TitleEn = "Bordr patrols" });
        var farther = await CreateAsync(new Agreement { TitleEn = "Border patrol" });
        await CreateAsync(new Agreement { TitleEn = "Customs" });

        // "bordar patrols" is in no title: by word similarity, 0.71, 0.67 and 0.56.
        Assert.Equal([near.Id, exact.Id, farther.Id], await Client.GetIdsAsync($"/api/v1/agreements?q={Q("bordar patrols")}"));
        Assert.Equal([farther.Id, exact.Id, near.Id], await Client.GetIdsAsync($"/api/v1/agreements?q={Q("bordar patrols")}&sort=relevance"));
    }

    [Fact]
    public async Task Q_combines_with_the_other_filters()
    {
        var nigerMou = await CreateAsync(new Agreement { TitleEn = "Border patrols", Kind = "mou", Parties = [Party("party", "NER")] });
        await CreateAsync(new Agreement { TitleEn = "Border patrols", Kind = "treaty", Parties = [Party("party", "NER")] });
        await CreateAsync(new Agreement { TitleEn = "Border patrols", Kind = "mou", Parties = [Party("party", "TCD")] });

        Assert.Equal([nigerMou.Id], await Client.GetIdsAsync($"/api/v1/agreements?q={Q("border patrols")}&kind=mou&party=NER"));
    }

    // ---- sort ----

    [Fact]
    public async Task Default_order_is_by_date_with_undated_agreements_last_and_minus_date_puts_them_first()
    {
        var made = await CreateVariedAsync();
        var byDate = made.OrderBy(a => a.DateKey).ThenBy(a => Key(a.Id), TextOrder).Select(a => a.Id).ToList();

        Assert.Equal(byDate, await Client.GetIdsAsync("/api/v1/agreements?limit=500"));
        Assert.Equal(byDate, await Client.GetIdsAsync("/api/v1/agreements?sort=date&limit=500"));
        Assert.Equal(Enumerable.Reverse(byDate), await Client.GetIdsAsync("/api/v1/agreements?sort=-date&limit=500"));
        Assert.Null(made.First(a => a.Id == byDate[^1]).Date);
    }

    [Theory]
    [InlineData("title")]
    [InlineData("-title")]
    [InlineData("kind")]
    [InlineData("status,-date")]
    [InlineData("-kind,title,date")]
    public async Task Sort_orders_by_each_field_in_turn_then_by_id(string sort)
    {
        var made = await CreateVariedAsync();

        Assert.Equal(Sorted(made, sort), await Client.GetIdsAsync($"/api/v1/agreements?sort={sort}&limit=500"));
    }

    // ---- paging and counts ----

    [Theory]
    [InlineData("", 1)]
    [InlineData("sort=-date", 2)]
    [InlineData("sort=title", 3)]
    [InlineData("sort=kind,-date", 2)]
    [InlineData("sort=-status,title", 4)]
    public async Task Paging_with_a_small_limit_gives_every_agreement_once_in_the_sort_order(string sort, int limit)
    {
        var made = await CreateVariedAsync();

        var paged = await Client.GetAllPagesAsync("/api/v1/agreements?" + sort, limit);

        Assert.Equal(made.Count, paged.Distinct().Count());
        Assert.Equal(Sorted(made, sort.Length == 0 ? "date" : sort["sort=".Length..]), paged);
    }

    [Theory]
    [InlineData("bordar patrols", 8)] // in no title: by similarity, with ties a float8 cannot hold exactly (0.6666667, 0.7058824)
    [InlineData("border patrols", 3)] // as written in three titles, two of them equal
    public async Task Paging_a_search_by_relevance_gives_every_match_once_even_between_equal_scores(string q, int count)
    {
        var titles = new[] { "Border patrols", "Border patrol", "Bordr patrols", "Border patrol", "Border patrols", "Bordr patrols", "Border patrol", "Joint border patrols" };
        var made = new List<(Guid Id, string Title)>();
        foreach (var title in titles)
            made.Add(((await CreateAsync(new Agreement { TitleEn = title })).Id, title));
        await CreateAsync(new Agreement { TitleEn = "Fisheries" });
        var url = $"/api/v1/agreements?q={Q(q)}";

        var all = await Client.GetIdsAsync(url);

        var expected = count == titles.Length ? made : made.Where(m => m.Title.Contains(q, StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.Equal(count, expected.Count);
        Assert.Equal(expected.Select(m => m.Id).ToHashSet(), all.ToHashSet());
        Assert.Equal(all, await Client.GetAllPagesAsync(url, 1));
        Assert.Equal(all, await Client.GetAllPagesAsync(url, 2));
        Assert.Equal(Enumerable.Reverse(all), await Client.GetAllPagesAsync(url + "&sort=relevance", 1));
        Assert.Equal(Enumerable.Reverse(all), await Client.GetAllPagesAsync(url + "&sort=relevance", 3));
    }

    [Fact]
    public async Task Paging_keeps_the_filters_on_every_page()
    {
        var made = await CreateVariedAsync();
        var expected = made.Where(a => a.Kind == "mou").OrderBy(a => a.DateKey).ThenBy(a => Key(a.Id), TextOrder).Select(a => a.Id).ToList();

        Assert.True(expected.Count > 2);
        Assert.Equal(expected, await Client.GetAllPagesAsync("/api/v1/agreements?kind=mou", 2));
    }

    [Fact]
    public async Task Agreements_page_through_dated_then_undated_ones_without_gaps()
    {
        var dated = new List<(DateOnly Date, Guid Id)>();
        var undated = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            var date = new DateOnly(2019, 1, 1).AddDays(i / 2);
            dated.Add((date, await Db.InsertAgreementAsync("commitment", "agreed", date)));
            undated.Add(await Db.InsertAgreementAsync("commitment", "agreed"));
        }
        var expected = dated.OrderBy(a => a.Date).ThenBy(a => a.Id.ToString(), StringComparer.Ordinal).Select(a => a.Id)
            .Concat(undated.OrderBy(id => id.ToString(), StringComparer.Ordinal))
            .ToList();

        var seen = new List<Guid>();
        string? cursor = null;
        do
        {
            var page = await GetPageAsync("/api/v1/agreements?limit=3" + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor)));
            seen.AddRange(page.Ids);
            cursor = page.NextCursor;
        } while (cursor is not null && seen.Count <= expected.Count);

        Assert.Equal(expected, seen);
    }

    [Fact]
    public async Task Count_exact_gives_the_number_of_matching_agreements_on_every_page()
    {
        var made = await CreateVariedAsync();

        var all = await Client.GetPageAsync("/api/v1/agreements?count=exact&limit=2");
        var mous = await Client.GetPageAsync("/api/v1/agreements?kind=mou&count=exact&limit=1");
        var next = await Client.GetPageAsync("/api/v1/agreements?kind=mou&count=exact&limit=1&cursor=" + Q(mous.NextCursor!));
        var dated = await Client.GetPageAsync("/api/v1/agreements?from=2000-01-01&count=exact");
        var none = await Client.GetPageAsync("/api/v1/agreements?party=FRA&count=exact");

        Assert.Equal(made.Count, all.Total);
        Assert.Equal(made.Count(a => a.Kind == "mou"), mous.Total);
        Assert.Equal(mous.Total, next.Total);
        Assert.Equal(made.Count(a => a.Date is not null), dated.Total);
        Assert.Equal(0, none.Total);
        Assert.Null((await Client.GetPageAsync("/api/v1/agreements")).Total);
    }

    [Fact]
    public async Task Count_estimated_gives_the_planners_estimate()
    {
        await CreateVariedAsync();

        var page = await Client.GetPageAsync("/api/v1/agreements?count=estimated&kind=mou");

        Assert.NotNull(page.Total);
        Assert.True(page.Total >= 0);
    }

    [Fact]
    public async Task Items_keep_the_shape_of_a_single_agreement()
    {
        var meeting = await Db.InsertMeetingAsync(new NewMeeting());
        var made = await CreateAsync(new Agreement { Parties = [Party("party", "NER")], Meetings = [(meeting, "referenced_at")] });

        var item = (await Client.GetPageAsync("/api/v1/agreements")).Items.Single();
        var single = await (await Client.GetAsync($"/api/v1/agreements/{made.Id}")).JsonAsync();

        Assert.Equal(single.GetRawText(), item.GetRawText());
    }

    // ---- bad requests ----

    [Theory]
    [InlineData("party=XXX", "party")]
    [InlineData("party=NE", "party")]
    [InlineData("parties=LBY,XXX", "parties")]
    [InlineData("parties=LBY,LBY", "parties")]
    [InlineData("parties=LBY,,NER", "parties")]
    [InlineData("parties=LBY,NER,TCD,SDN,DZA,TUN,EGY,MLI,FRA,ITA,TUR", "parties")]
    [InlineData("kind=pact", "kind")]
    [InlineData("status=done", "status")]
    [InlineData("from=2019-02-30", "from")]
    [InlineData("to=soon", "to")]
    [InlineData("from=2019-02-01&to=2019-01-31", "to")]
    [InlineData("meeting=not-an-id", "meeting")]
    [InlineData("q=a", "q")]
    [InlineData("q=%20%20x%20", "q")]
    [InlineData("sort=date,date", "sort")]
    [InlineData("sort=startDate", "sort")]
    [InlineData("sort=date,title,kind,status", "sort")]
    [InlineData("sort=relevance", "sort")]
    [InlineData("sort=-relevance&kind=mou", "sort")]
    [InlineData("count=all", "count")]
    [InlineData("limit=0", "limit")]
    [InlineData("cursor=garbage", "cursor")]
    [InlineData("partie=LBY", "partie")]
    public async Task A_bad_parameter_is_refused_with_400_naming_it(string query, string field)
    {
        await Client.AssertBadRequestAsync("/api/v1/agreements?" + query, field);
    }

    [Fact]
    public async Task Q_longer_than_200_characters_is_refused()
    {
        await Client.AssertBadRequestAsync($"/api/v1/agreements?q={new string('x', 201)}", "q");
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync($"/api/v1/agreements?q={new string('x', 200)}")).StatusCode);
    }

    [Fact]
    public async Task A_cursor_is_refused_with_another_sort_or_without_the_search_it_was_made_for()
    {
        await CreateVariedAsync();
        var byDate = await Client.GetPageAsync("/api/v1/agreements?limit=1");
        var byRelevance = await Client.GetPageAsync($"/api/v1/agreements?q={Q("border patrols")}&limit=1");

        await Client.AssertBadRequestAsync("/api/v1/agreements?sort=title&cursor=" + Q(byDate.NextCursor!), "cursor");
        await Client.AssertBadRequestAsync("/api/v1/agreements?sort=-date&cursor=" + Q(byDate.NextCursor!), "cursor");
        await Client.AssertBadRequestAsync("/api/v1/agreements?cursor=" + Q(byRelevance.NextCursor!), "cursor");
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync("/api/v1/agreements?sort=date&cursor=" + Q(byDate.NextCursor!))).StatusCode);
    }

    // ---- helpers ----

    /// <summary>A page read without a key, as the tests that use it (from the meeting list tests) have always read it.</summary>
    private Task<ListPage> GetPageAsync(string url) => _reader.GetPageAsync(url);

    private sealed record Agreement
    {
        public string? TitleEn { get; init; } = "Test agreement";
        public string? TitleAr { get; init; }
        public string Kind { get; init; } = "commitment";
        public string Status { get; init; } = "agreed";
        public string? Date { get; init; }
        public string? DatePrecision { get; init; }
        public IReadOnlyList<(string Role, string Country, string? Person)> Parties { get; init; } = [];
        public IReadOnlyList<(Guid Meeting, string Link)> Meetings { get; init; } = [];
    }

    private sealed record Made(Guid Id, string? TitleEn, string? TitleAr, string Kind, string Status, DateOnly? Date)
    {
        public DateOnly DateKey => Date ?? DateOnly.MaxValue;
        public string Title => TitleEn ?? TitleAr!;
    }

    private static (string Role, string Country, string? Person) Party(string role, string country, string? person = null) => (role, country, person);

    private static Agreement Dated(string date, string precision) => new() { Date = date, DatePrecision = precision };

    private async Task<string> CreatePersonAsync(string nameEn)
    {
        var response = await Client.PostJsonAsync("/api/v1/persons", new JsonObject { ["nameEn"] = nameEn, ["aliases"] = new JsonArray() });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.JsonAsync()).GetProperty("id").GetString()!;
    }

    private async Task<Made> CreateAsync(Agreement a)
    {
        var body = new JsonObject
        {
            ["titleEn"] = a.TitleEn,
            ["titleAr"] = a.TitleAr,
            ["kind"] = a.Kind,
            ["status"] = a.Status,
            ["date"] = a.Date,
            ["datePrecision"] = a.DatePrecision,
            ["parties"] = new JsonArray(a.Parties.Select(p => (JsonNode)new JsonObject
            {
                ["role"] = p.Role, ["countryCode"] = p.Country, ["personId"] = p.Person,
            }).ToArray()),
            ["meetings"] = new JsonArray(a.Meetings.Select(m => (JsonNode)new JsonObject
            {
                ["meetingId"] = m.Meeting, ["linkKind"] = m.Link,
            }).ToArray()),
            ["sourceIds"] = new JsonArray(),
        };
        var response = await Client.PostJsonAsync("/api/v1/agreements", body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"POST agreement: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        var id = (await response.JsonAsync()).GetProperty("id").GetGuid();
        return new Made(id, a.TitleEn, a.TitleAr, a.Kind, a.Status, a.Date is null ? null : DateOnly.Parse(a.Date));
    }

    /// <summary>Fourteen agreements sharing dates, kinds, statuses and titles, some undated, some with an Arabic title only.</summary>
    private async Task<List<Made>> CreateVariedAsync()
    {
        string[] kinds = ["mou", "treaty", "invitation"];
        string[] statuses = ["signed", "proposed", "agreed", "lapsed"];
        string?[] dates = ["2019-01-29", "2019-03-01", null, "2018-01-01", "2019-01-29"];
        string?[] precisions = ["day", "month", null, "year", "day"];
        var made = new List<Made>();
        for (var i = 0; i < 14; i++)
        {
            made.Add(await CreateAsync(new Agreement
            {
                TitleEn = i % 5 == 4 ? null : $"Border patrols {(char)('A' + i % 4)}",
                TitleAr = i % 5 == 4 ? $"دوريات الحدود {i % 3}" : null,
                Kind = kinds[i % 3],
                Status = statuses[i % 4],
                Date = dates[i % 5],
                DatePrecision = precisions[i % 5],
            }));
        }
        return made;
    }

    /// <summary>The order the list should have: each field in turn, then the id in the direction of the last field.</summary>
    private static List<Guid> Sorted(IEnumerable<Made> made, string sort)
    {
        var fields = sort.Split(',').Select(f => (Name: f.TrimStart('-'), Descending: f.StartsWith('-'))).ToList();
        var comparers = fields.Select(f => (Comparison<Made>)(f.Name switch
        {
            "date" => (x, y) => x.DateKey.CompareTo(y.DateKey),
            "title" => (x, y) => TextOrder.Compare(x.Title, y.Title),
            "kind" => (x, y) => TextOrder.Compare(x.Kind, y.Kind),
            "status" => (x, y) => TextOrder.Compare(x.Status, y.Status),
            _ => throw new ArgumentException(f.Name),
        })).Zip(fields, (c, f) => f.Descending ? (x, y) => c(y, x) : c).ToList();
        var idDescending = fields[^1].Descending;
        var list = made.ToList();
        list.Sort((x, y) =>
        {
            foreach (var compare in comparers)
                if (compare(x, y) is var c and not 0)
                    return c;
            var byId = TextOrder.Compare(Key(x.Id), Key(y.Id));
            return idDescending ? -byId : byId;
        });
        return list.Select(a => a.Id).ToList();
    }

    private async Task AssertKeepsAsync(string url, (Agreement Agreement, bool Expected)[] cases)
    {
        var made = new List<(Made Made, bool Expected)>();
        foreach (var (agreement, expected) in cases)
            made.Add((await CreateAsync(agreement), expected));

        var found = await Client.GetIdsAsync(url);

        var describe = made.ToDictionary(m => m.Made.Id, m => $"{m.Made.Date?.ToString("yyyy-MM-dd") ?? "undated"}");
        Assert.Equal(
            made.Where(m => m.Expected).Select(m => m.Made).OrderBy(m => m.DateKey).ThenBy(m => Key(m.Id), TextOrder).Select(m => describe[m.Id]),
            found.Select(id => describe[id]));
    }
}
