using System.Net;
using System.Text.Json.Nodes;
using Api.Tests.Fixtures;
using static Api.Tests.Fixtures.ListPages;

namespace Api.Tests.Persons;

/// <summary>The person list: search by name and alias in Arabic and English, the country filter, sorts, paging and counts.</summary>
public sealed class PersonListTests(DbFixture db) : DatabaseTest(db, db.WriterClient())
{
    // ---- q ----

    [Fact]
    public async Task Persons_q_finds_the_seed_person_by_the_reports_spelling_with_or_without_hamza_and_diacritics()
    {
        await Db.ResetAndSeedAsync();

        // The seed's Mohamed Bazoum is محمد بازوم; one report spells him محمد أبوعزوم, which is an alias.
        foreach (var q in new[] { "أبوعزوم", "ابوعزوم", "أَبُوعَزُّوم", "محمد ابوعزوم" })
            Assert.Equal([Guid.Parse(Bodies.Bazoum)], await Client.GetIdsAsync($"/api/v1/persons?q={Q(q)}"));
    }

    [Fact]
    public async Task Persons_q_matches_names_in_both_scripts_and_aliases_ignoring_case_and_accents()
    {
        var bazoum = await CreatePersonAsync("Mohamed Bazoum", "محمد بازوم", ("Mohammed Bazoum", "en"), ("محمد أبوعزوم", "ar"));
        var mazen = await CreatePersonAsync("Khaled Mazen", "خالد مازن", ("Khalid Mazen", "en"));
        var aissa = await CreatePersonAsync("Aïssa Tchiroma", null);
        await CreatePersonAsync("Fathi Bashagha", "فتحي باشاغا");

        Assert.Equal([bazoum], await Client.GetIdsAsync($"/api/v1/persons?q={Q("BAZOUM")}"));
        Assert.Equal([bazoum], await Client.GetIdsAsync($"/api/v1/persons?q={Q("بازوم")}"));
        Assert.Equal([mazen], await Client.GetIdsAsync($"/api/v1/persons?q={Q("khalid")}"));
        Assert.Equal([mazen], await Client.GetIdsAsync($"/api/v1/persons?q={Q("خالد مازن")}"));
        Assert.Equal([aissa], await Client.GetIdsAsync($"/api/v1/persons?q={Q("aissa")}"));
        Assert.Equal([aissa], await Client.GetIdsAsync($"/api/v1/persons?q={Q("AÏSSA TCHIROMA")}"));
        Assert.Equal([bazoum], await Client.GetIdsAsync($"/api/v1/persons?q={Q("Bazum")}"));
        Assert.Empty(await Client.GetIdsAsync($"/api/v1/persons?q={Q("Haftar")}"));
    }

    [Fact]
    public async Task Persons_q_lists_a_person_matched_by_name_and_by_aliases_once_best_match_first()
    {
        var exact = await CreatePersonAsync("Mohamed Bazoum", null, ("Mohammed Bazoum", "en"), ("M. Bazoum", "en"));
        var near = await CreatePersonAsync("Mohamed Bazum", null);

        Assert.Equal([exact, near], await Client.GetIdsAsync($"/api/v1/persons?q={Q("Mohamed Bazoum")}"));
        Assert.Equal([near, exact], await Client.GetIdsAsync($"/api/v1/persons?q={Q("Mohamed Bazoum")}&sort=relevance"));
        Assert.Equal(2, (await Client.GetPageAsync($"/api/v1/persons?q={Q("Mohamed Bazoum")}&count=exact")).Total);
    }

    [Fact]
    public async Task Persons_items_are_id_names_and_aliases()
    {
        var id = await CreatePersonAsync("Khaled Mazen", "خالد مازن", ("Khalid Mazen", "en"), ("خالد مازن الورفلي", "ar"));

        var item = (await Client.GetPageAsync("/api/v1/persons")).Items.Single();

        Assert.Equal(["id", "nameEn", "nameAr", "aliases"], item.EnumerateObject().Select(p => p.Name));
        Assert.Equal(id, item.GetProperty("id").GetGuid());
        Assert.Equal("خالد مازن", item.GetProperty("nameAr").GetString());
        Assert.Equal([("خالد مازن الورفلي", "ar"), ("Khalid Mazen", "en")],
            item.GetProperty("aliases").EnumerateArray().Select(a => (a.GetProperty("alias").GetString(), a.GetProperty("language").GetString())));
    }

    // ---- country, sort, paging ----

    [Fact]
    public async Task Persons_country_keeps_those_who_sat_in_a_delegation_of_that_country_each_once()
    {
        var first = await Db.InsertMeetingAsync(new NewMeeting());
        var second = await Db.InsertMeetingAsync(new NewMeeting());
        var nigerFirst = await Db.InsertDelegationAsync(first, "NER", "host");
        var nigerSecond = await Db.InsertDelegationAsync(second, "NER", "guest");
        var libya = await Db.InsertDelegationAsync(first, "LBY", "guest");
        var twice = await Db.InsertPersonAsync("Mohamed Bazoum");
        var once = await Db.InsertPersonAsync("Hassoumi Massaoudou");
        var libyan = await Db.InsertPersonAsync("Khaled Mazen");
        await Db.InsertPersonAsync("Nobody Anywhere");
        await Db.InsertMemberAsync(nigerFirst, twice);
        await Db.InsertMemberAsync(nigerSecond, twice);
        await Db.InsertMemberAsync(nigerSecond, once, 1);
        await Db.InsertMemberAsync(libya, libyan);

        Assert.Equal([once, twice], await Client.GetIdsAsync("/api/v1/persons?country=ner"));
        Assert.Equal([libyan], await Client.GetIdsAsync("/api/v1/persons?country=LBY"));
        Assert.Empty(await Client.GetIdsAsync("/api/v1/persons?country=TCD"));
        Assert.Equal(2, (await Client.GetPageAsync("/api/v1/persons?country=NER&count=exact")).Total);
        Assert.Equal([twice], await Client.GetIdsAsync($"/api/v1/persons?country=NER&q={Q("bazoum")}"));
    }

    [Theory]
    [InlineData("", 1)]
    [InlineData("name", 2)]
    [InlineData("-name", 3)]
    public async Task Persons_page_by_name_every_person_once(string sort, int limit)
    {
        var made = await InsertNamedPersonsAsync();
        var expected = made.OrderBy(p => p.Name, TextOrder).ThenBy(p => Key(p.Id), TextOrder).Select(p => p.Id).ToList();
        if (sort.StartsWith('-'))
            expected.Reverse();

        var listed = await Client.GetIdsAsync("/api/v1/persons?limit=500" + (sort.Length == 0 ? "" : "&sort=" + sort));
        var paged = await Client.GetAllPagesAsync("/api/v1/persons" + (sort.Length == 0 ? "" : "?sort=" + sort), limit);

        Assert.Equal(expected, listed);
        Assert.Equal(expected, paged);
        Assert.Equal(made.Count, (await Client.GetPageAsync("/api/v1/persons?count=exact&limit=1")).Total);
    }

    [Fact]
    public async Task Persons_page_a_search_every_match_once_in_relevance_order_even_between_equal_scores()
    {
        // Ties on scores that a float8 cannot hold exactly (0.73333335, 0.93333334), where pages end.
        var matches = new List<Guid>();
        foreach (var name in new[] { "Mohamed Bazoum", "Mohamed Bazum", "Mohammed Bazoum", "Mohamed Bazum", "Mohamed Bazoum Jr", "Mohammed Bazoum", "Mohamed Bazum" })
            matches.Add(await CreatePersonAsync(name, null));
        await CreatePersonAsync("Khaled Mazen", null);
        var url = $"/api/v1/persons?q={Q("mohamed bazoum")}";

        var all = await Client.GetIdsAsync(url);
        var byRelevanceThenName = await Client.GetAllPagesAsync(url + "&sort=relevance,-name", 1);

        Assert.Equal(matches.ToHashSet(), all.ToHashSet());
        Assert.Equal(all, await Client.GetAllPagesAsync(url, 1));
        Assert.Equal(all, await Client.GetAllPagesAsync(url, 2));
        Assert.Equal(Enumerable.Reverse(all), await Client.GetAllPagesAsync(url + "&sort=relevance", 2));
        Assert.Equal(matches.Count, byRelevanceThenName.Distinct().Count());
        Assert.Equal(matches.ToHashSet(), byRelevanceThenName.ToHashSet());
    }

    [Theory]
    [InlineData("persons", "country=XXX", "country")]
    [InlineData("persons", "country=N", "country")]
    [InlineData("persons", "q=x", "q")]
    [InlineData("persons", "sort=date", "sort")]
    [InlineData("persons", "sort=relevance", "sort")]
    [InlineData("persons", "count=1", "count")]
    [InlineData("persons", "limit=0", "limit")]
    [InlineData("persons", "kind=ministry", "kind")]
    public async Task A_bad_parameter_is_refused_with_400_naming_it(string resource, string query, string field)
    {
        await Client.AssertBadRequestAsync($"/api/v1/{resource}?{query}", field);
    }

    [Theory]
    [InlineData("persons")]
    public async Task Q_longer_than_200_characters_is_refused(string resource)
    {
        await Client.AssertBadRequestAsync($"/api/v1/{resource}?q={new string('x', 201)}", "q");
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync($"/api/v1/{resource}?q={new string('x', 200)}")).StatusCode);
    }

    [Theory]
    [InlineData("persons")]
    public async Task A_cursor_is_refused_with_another_sort(string resource)
    {
        await Db.ResetAndSeedAsync();
        var page = await Client.GetPageAsync($"/api/v1/{resource}?limit=1");

        await Client.AssertBadRequestAsync($"/api/v1/{resource}?sort=-name&cursor={Q(page.NextCursor!)}", "cursor");
        await Client.AssertBadRequestAsync($"/api/v1/{resource}?q=interior&cursor={Q(page.NextCursor!)}", "cursor");
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync($"/api/v1/{resource}?sort=name&cursor={Q(page.NextCursor!)}")).StatusCode);
    }

    // ---- helpers ----

    private async Task<Guid> CreatePersonAsync(string? nameEn, string? nameAr, params (string Alias, string Language)[] aliases)
    {
        var body = new JsonObject
        {
            ["nameEn"] = nameEn,
            ["nameAr"] = nameAr,
            ["aliases"] = new JsonArray(aliases.Select(a => (JsonNode)new JsonObject { ["alias"] = a.Alias, ["language"] = a.Language }).ToArray()),
        };
        var response = await Client.PostJsonAsync("/api/v1/persons", body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"POST person: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.JsonAsync()).GetProperty("id").GetGuid();
    }

    private sealed record Named(Guid Id, string Name);

    /// <summary>Persons with shared and Arabic-only names, so the name order has ties and mixes scripts.</summary>
    private async Task<List<Named>> InsertNamedPersonsAsync()
    {
        var made = new List<Named>();
        foreach (var (en, ar) in new (string?, string?)[]
                 {
                     ("Khaled Mazen", null), ("Abdullah Bashir", "عبد الله بشير"), (null, "نورالدين أبوجريدة"), ("Khaled Mazen", "خالد مازن"),
                     ("Fathi Bashagha", null), (null, "الطاهر المحمودي"), ("Abdullah Bashir", null),
                 })
            made.Add(new Named(await CreatePersonAsync(en, ar), (en ?? ar)!));
        return made;
    }
}
