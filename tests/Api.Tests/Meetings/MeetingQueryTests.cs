using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Api.Tests.Fixtures;
using Dapper;
using Microsoft.VisualBasic.FileIO;

namespace Api.Tests.Meetings;

/// <summary>
/// The questions users ask of meetings: filters with their documented meaning, search in both scripts,
/// sorting and paging, embedding, exports and caching. Seed records plus two meetings made over the API:
/// A (N'Djamena, 2019-03-12, host Chad, delegations Chad and Libya with Mazen and Bashagha, border security)
/// and B (a summit in Tripoli planned for May 2020 on the margins of A, delegations Libya and Niger's interior ministry).
/// </summary>
public sealed class MeetingQueryTests(DbFixture db) : DatabaseTest(db, db.WriterClient())
{
    private string _a = "";
    private string _b = "";

    public override async Task InitializeAsync()
    {
        await Db.ResetAndSeedAsync();
        _a = await CreateAsync(Bodies.Meeting());
        var b = Bodies.Meeting();
        b["titleEn"] = "Summit of Libya and Niger in Tripoli";
        b["titleAr"] = "قمة ليبيا والنيجر في طرابلس";
        b["startDate"] = "2020-05-01";
        b["startDatePrecision"] = "month";
        b["status"] = "planned";
        b["format"] = "summit";
        b["cityEn"] = "Tripoli";
        b["cityAr"] = "طرابلس";
        b["countryCode"] = "LBY";
        b["hostCountryCode"] = "LBY";
        b["latitude"] = null;
        b["longitude"] = null;
        b["parentMeetingId"] = _a;
        b["topicIds"] = new JsonArray();
        b["delegations"] = new JsonArray(
            new JsonObject { ["role"] = "host", ["countryCode"] = "LBY", ["members"] = new JsonArray() },
            new JsonObject { ["role"] = "guest", ["countryCode"] = "NER", ["organizationId"] = Bodies.NigerInterior, ["members"] = new JsonArray() });
        _b = await CreateAsync(b);
    }

    [Theory]
    [InlineData("بازوم")]
    [InlineData("Bazoum")]
    [InlineData("ابوعزوم")]
    public async Task Searching_bazoum_in_any_spelling_finds_the_Niamey_meeting_first(string q)
    {
        var ids = await IdsAsync($"q={Uri.EscapeDataString(q)}");

        Assert.Equal(Bodies.NiameyMeeting, ids.FirstOrDefault());
    }

    [Theory]
    [InlineData("محمد أبوعزوم")]       // the report's spelling, an alias, with hamza
    [InlineData("مُحَمَّد بَازُوم")]     // with diacritics
    [InlineData("محمد بازوم")]         // the usual spelling
    [InlineData("MOHAMMED BAZOUM")]    // an English alias, any case
    [InlineData("Bazum")]              // a small misspelling
    [InlineData("Abdullah Bashir")]    // another member of the delegations
    [InlineData("عبدالله بشير")]       // the same, in Arabic, written without the space
    public async Task A_person_is_found_under_any_alias_and_spelling(string q)
    {
        Assert.Contains(Bodies.NiameyMeeting, await IdsAsync($"q={Uri.EscapeDataString(q)}"));
    }

    [Theory]
    [InlineData("نيامى", true)]        // alef maqsura for yaa
    [InlineData("NIAMÉY", true)]       // case and accents
    [InlineData("انجامينا", false)]
    public async Task Places_are_found_in_both_scripts_with_folded_spelling(string q, bool niamey)
    {
        var ids = await IdsAsync($"q={Uri.EscapeDataString(q)}");

        Assert.Equal(niamey, ids.Contains(Bodies.NiameyMeeting));
        if (!niamey)
            Assert.Contains(_a, ids);
    }

    [Theory]
    [InlineData("Bazum Niamy")]          // both words misspelt
    [InlineData("بازم نيامي")]           // the same in Arabic
    public async Task A_search_that_nothing_holds_as_written_matches_records_holding_a_similar_word_for_each_word(string q)
    {
        var ids = await IdsAsync($"q={Uri.EscapeDataString(q)}");

        Assert.Contains(Bodies.NiameyMeeting, ids);
        Assert.DoesNotContain(_a, ids); // N'Djamena: neither word
        // One word that nothing resembles, and nothing matches.
        Assert.Empty(await IdsAsync($"q={Uri.EscapeDataString(q + " qwxzvk")}"));
    }

    [Fact]
    public async Task A_word_first_written_over_the_API_is_found_misspelt()
    {
        var body = Bodies.Meeting();
        body["titleEn"] = "Talks at Ghadamesville";
        var id = await CreateAsync(body);

        Assert.Equal([id], await IdsAsync("q=Ghadamesvile"));
    }

    [Fact]
    public async Task A_search_lists_meetings_with_q_in_their_title_first_then_the_others_newest_first()
    {
        var older = Bodies.Meeting();
        older["startDate"] = "2004-05-01";
        var newer = Bodies.Meeting();
        newer["startDate"] = "2006-05-01";
        var titled = Bodies.Meeting();
        titled["startDate"] = "2003-01-01";
        titled["titleEn"] = "Talks with Bashagha in N'Djamena";
        titled["titleAr"] = "محادثات مع باشاغا في انجامينا";
        var olderId = await CreateAsync(older);
        var titledId = await CreateAsync(titled);
        var newerId = await CreateAsync(newer);

        // Bashagha sits in all three delegations; only one meeting has him in its title.
        Assert.Equal([titledId, newerId, olderId], await IdsAsync($"q=bashagha&to=2010-12-31"));
        Assert.Equal([titledId, newerId, olderId], await IdsAsync($"q={Uri.EscapeDataString("باشاغا")}&to=2010-12-31"));
        Assert.Equal([olderId, newerId, titledId], await IdsAsync($"q=bashagha&to=2010-12-31&sort=relevance,startDate"));
    }

    [Theory]
    [InlineData("", 1)]
    [InlineData("", 2)]
    [InlineData("&sort=relevance", 1)]
    [InlineData("&sort=-relevance,title", 3)]
    public async Task Paging_a_search_crosses_from_title_matches_to_the_others_giving_each_once_in_order(string sort, int limit)
    {
        // Two meetings with Bashagha in their title, four where he only sits in a delegation (two on one day).
        var titled = new List<string>();
        foreach (var (title, date) in new[] { ("Bashagha in N'Djamena", "2002-01-01"), ("Talks with Bashagha on the border in N'Djamena", "2001-01-01") })
        {
            var body = Bodies.Meeting();
            body["titleEn"] = title;
            body["startDate"] = date;
            titled.Add(await CreateAsync(body));
        }
        var others = new List<(string Id, string Date)>();
        foreach (var date in new[] { "2004-05-01", "2006-05-01", "2005-01-01", "2005-01-01" })
        {
            var body = Bodies.Meeting();
            body["startDate"] = date;
            others.Add((await CreateAsync(body), date));
        }
        var query = "q=bashagha&to=2010-12-31" + sort;

        var all = await IdsAsync(query + "&limit=500");

        // Every other match ranks alike: they follow the order's next keys, then the id in the last key's direction.
        var othersInOrder = sort switch
        {
            "" => others.OrderByDescending(o => o.Date).ThenByDescending(o => o.Id, StringComparer.Ordinal),
            _ => others.OrderBy(o => o.Id, StringComparer.Ordinal), // relevance alone, or then the title they share
        };
        var ascending = sort == "&sort=relevance";
        Assert.Equal(othersInOrder.Select(o => o.Id), ascending ? all.Take(4) : all.Skip(2));
        Assert.Equal(titled.ToHashSet(), (ascending ? all.Skip(4) : all.Take(2)).ToHashSet());
        Assert.Equal(all, (await Client.GetAllPagesAsync("/api/v1/meetings?" + query, limit)).Select(id => id.ToString()));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(50)]
    public async Task Titles_as_like_q_as_each_other_come_newest_first_even_when_more_of_them_tie_than_a_page_holds(int limit)
    {
        // The closest title first; then six equal titles, made oldest first, so that reading a page's worth of the
        // closest titles in the index's order, without those that tie with the last, would miss the newest.
        var closest = await CreateAsync(Meeting("Zinder patrols", "2000-01-01"));
        var tied = new List<string>();
        foreach (var year in new[] { 2001, 2002, 2003, 2004, 2005, 2006 })
            tied.Add(await CreateAsync(Meeting("Joint Zinder patrols with the border police", $"{year}-06-01")));
        var farthest = await CreateAsync(Meeting("Zinder patrols, border police, customs and the gendarmerie meet for the third time", "2010-01-01"));

        var paged = await Client.GetAllPagesAsync("/api/v1/meetings?q=zinder%20patrols", limit);

        Assert.Equal([closest, .. Enumerable.Reverse(tied), farthest], paged.Select(id => id.ToString()));

        static JsonObject Meeting(string title, string date)
        {
            var body = Bodies.Meeting();
            body["titleEn"] = title;
            body["titleAr"] = null;
            body["startDate"] = date;
            return body;
        }
    }

    [Theory]
    [InlineData("ZINDER")]
    [InlineData("Zindr")] // misspelt: matched by the similar word zinder
    public async Task A_word_most_meetings_hold_is_listed_title_matches_first_then_newest_over_every_page(string q)
    {
        // 1,200 meetings in Zinder, three of them with Zinder in the title: a word so common that a page of its
        // matches is read in date order rather than through the search index (the tables analysed, as they would be).
        const string sql = """
            INSERT INTO meetings (id, title_en, start_date, start_date_precision, status, format, city_en)
            SELECT gen_random_uuid(), CASE WHEN i % 400 = 0 THEN 'Talks in Zinder ' || i ELSE 'Working meeting' END,
                   DATE '2000-01-01' + i, 'day', 'held', 'bilateral', 'Zinder'
            FROM generate_series(1, 1200) i;
            INSERT INTO meeting_search (meeting_id, document, title)
            SELECT id, meeting_document(id), meeting_title(id) FROM meetings WHERE city_en = 'Zinder';
            INSERT INTO search_words (word) SELECT DISTINCT w FROM meeting_search s, document_words(s.document) w ON CONFLICT (word) DO NOTHING;
            ANALYZE meetings, meeting_search;
            SELECT id AS Id, start_date AS StartDate, title_en AS Title FROM meetings WHERE city_en = 'Zinder'
            """;
        List<(Guid Id, DateTime StartDate, string Title)> made;
        await using (var connection = await Db.OpenAsync())
            made = (await connection.QueryAsync<(Guid Id, DateTime StartDate, string Title)>(sql)).ToList();
        var titled = made.Where(m => m.Title.Contains("Zinder")).Select(m => m.Id).ToHashSet();
        var others = made.Where(m => !titled.Contains(m.Id)).OrderByDescending(m => m.StartDate).Select(m => m.Id);

        var listed = await Client.GetAllPagesAsync($"/api/v1/meetings?q={q}", 500);

        Assert.Equal(1200, listed.Count);
        Assert.Equal(titled, listed.Take(3).ToHashSet());
        Assert.Equal(others, listed.Skip(3));
        // With a filter too, in pages of two: of the ten newest, the one with Zinder in its title first.
        var newest = made.OrderByDescending(m => m.StartDate).Take(10).ToList();
        Assert.Equal(newest.Where(m => titled.Contains(m.Id)).Concat(newest.Where(m => !titled.Contains(m.Id))).Select(m => m.Id),
            await Client.GetAllPagesAsync($"/api/v1/meetings?q={q}&from={newest[^1].StartDate:yyyy-MM-dd}", 2));
        // Sorted by start date, which an index serves, so the page is read in that order: every match, oldest first.
        Assert.Equal(made.OrderBy(m => m.StartDate).Select(m => m.Id), await Client.GetAllPagesAsync($"/api/v1/meetings?q={q}&sort=startDate", 100));
    }

    [Fact]
    public async Task A_search_that_matches_nothing_is_an_empty_page()
    {
        Assert.Empty(await IdsAsync("q=" + Uri.EscapeDataString("Reykjavik whaling")));
    }

    [Fact]
    public async Task Countries_lists_the_meetings_in_which_every_listed_country_took_part()
    {
        var libyaNiger2019 = await IdsAsync("countries=LBY,NER&from=2019-01-01&to=2019-12-31");
        var libyaChad = await IdsAsync("countries=LBY,TCD&from=2019-03-01");

        Assert.Contains(Bodies.NiameyMeeting, libyaNiger2019);
        Assert.DoesNotContain(_a, libyaNiger2019);
        Assert.DoesNotContain(_b, libyaNiger2019); // 2020
        Assert.Equal([_a], libyaChad);
        Assert.Contains(_b, await IdsAsync("countries=ner,lby"));
    }

    [Theory]
    [InlineData("host=TCD&from=2019-03-01", "a")]
    [InlineData("host=LBY&from=2019-03-01", "b")]
    [InlineData("city=tripoli", "b")]
    [InlineData("city=%D8%B7%D8%B1%D8%A7%D8%A8%D9%84%D8%B3", "b")]
    [InlineData("person=" + Bodies.Bashagha, "a")]
    [InlineData("organization=" + Bodies.NigerInterior + "&from=2019-03-01", "b")]
    [InlineData("topic=border-security&from=2019-03-01", "a")]
    [InlineData("status=planned&from=2019-03-01", "b")]
    [InlineData("format=summit", "b")]
    [InlineData("format=bilateral&from=2019-03-01", "a")]
    [InlineData("parent={a}", "b")]
    [InlineData("country=TCD&from=2019-03-01&to=2019-12-31", "a")]
    [InlineData("from=2020-05-31&to=2020-05-31", "b")] // known only to the month: counts as lasting all May
    public async Task Each_filter_keeps_exactly_the_meetings_it_describes(string query, string expected)
    {
        var ids = await IdsAsync(query.Replace("{a}", _a));

        Assert.Equal([expected == "a" ? _a : _b], ids);
    }

    [Fact]
    public async Task The_agreement_filter_lists_the_meetings_an_agreement_is_linked_to()
    {
        Assert.Equal([Bodies.NiameyMeeting], await IdsAsync("agreement=" + Bodies.Invitation));
    }

    [Fact]
    public async Task Sort_orders_by_the_fields_given_and_descending_with_a_minus()
    {
        var byDateDesc = await ItemsAsync("sort=-startDate&limit=500");
        var byTitle = await ItemsAsync("sort=title&limit=500");

        var dates = byDateDesc.Select(m => m.GetProperty("startDate").GetString()).ToList();
        Assert.Equal(dates.OrderDescending(StringComparer.Ordinal), dates);
        Assert.Equal(_b, byDateDesc[0].GetProperty("id").GetString());
        Assert.Equal(5, byTitle.Count);
        Assert.Equal("Chad and Libya discuss border security in N'Djamena", byTitle[0].GetProperty("titleEn").GetString());
    }

    [Theory]
    [InlineData("sort=startDate")]
    [InlineData("sort=-startDate")]
    [InlineData("sort=status,-startDate")]
    [InlineData("sort=-format,title")]
    [InlineData("sort=country,-endDate,title")]
    public async Task Paging_one_by_one_in_any_order_gives_every_meeting_once_in_that_order(string sort)
    {
        var all = (await ItemsAsync($"{sort}&limit=500")).Select(m => m.GetProperty("id").GetString()).ToList();

        var paged = new List<string?>();
        string? cursor = null;
        do
        {
            var page = await Client.GetFromJsonAsync<JsonElement>($"/api/v1/meetings?{sort}&limit=1" + (cursor is null ? "" : $"&cursor={cursor}"));
            paged.AddRange(page.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("id").GetString()));
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);

        Assert.Equal(5, all.Count);
        Assert.Equal(all, paged);
    }

    [Fact]
    public async Task Paging_is_stable_when_meetings_are_added_between_pages()
    {
        var first = await Client.GetFromJsonAsync<JsonElement>("/api/v1/meetings?limit=2");
        var seen = first.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("id").GetString()).ToList();
        var early = Bodies.Meeting();
        early["startDate"] = "2001-01-01";
        await CreateAsync(early);
        var late = Bodies.Meeting();
        late["startDate"] = "2030-01-01";
        late["status"] = "planned";
        var lateId = await CreateAsync(late);

        var rest = await Client.GetFromJsonAsync<JsonElement>($"/api/v1/meetings?limit=500&cursor={first.GetProperty("nextCursor").GetString()}");
        var after = rest.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("id").GetString()).ToList();

        Assert.Empty(seen.Intersect(after));
        Assert.Equal(3 + 1, after.Count); // the three not yet seen, and the one added after the cursor
        Assert.Equal(lateId, after[^1]);
    }

    [Fact]
    public async Task The_next_page_is_also_in_a_Link_header_and_counts_match_what_is_listed()
    {
        var response = await Client.GetAsync("/api/v1/meetings?limit=2&count=exact");
        var page = await response.JsonAsync();
        var estimated = await Client.GetFromJsonAsync<JsonElement>("/api/v1/meetings?limit=2&count=estimated");
        var uncounted = await Client.GetFromJsonAsync<JsonElement>("/api/v1/meetings?limit=2");

        var link = response.Headers.GetValues("Link").Single();
        Assert.Contains($"cursor={page.GetProperty("nextCursor").GetString()}", link);
        Assert.EndsWith("; rel=\"next\"", link);
        Assert.Equal(5, page.GetProperty("total").GetInt64());
        Assert.Equal("5", response.Headers.GetValues("X-Total-Count").Single());
        Assert.True(estimated.GetProperty("total").GetInt64() >= 0);
        Assert.False(uncounted.TryGetProperty("total", out _));
        var last = await Client.GetAsync("/api/v1/meetings?limit=500");
        Assert.False(last.Headers.Contains("Link"));
    }

    [Fact]
    public async Task Include_embeds_delegations_agreements_sources_and_topics_only_when_asked()
    {
        var plain = (await ItemsAsync("agreement=" + Bodies.Invitation)).Single();
        var full = (await ItemsAsync("agreement=" + Bodies.Invitation + "&include=delegations,agreements,sources,topics")).Single();
        var record = await Client.GetFromJsonAsync<JsonElement>("/api/v1/meetings/" + Bodies.NiameyMeeting);

        Assert.False(plain.TryGetProperty("delegations", out _));
        foreach (var part in new[] { "delegations", "agreements", "sources", "topics" })
            Assert.Equal(record.GetProperty(part).GetRawText(), full.GetProperty(part).GetRawText());
    }

    [Fact]
    public async Task The_csv_export_has_every_filtered_meeting_with_Arabic_and_English_side_by_side()
    {
        var response = await Client.GetAsync("/api/v1/meetings?format=csv&countries=LBY,NER&from=2019-01-01&to=2019-12-31");
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.NotEqual(0xEF, bytes[0]);
        var rows = ParseCsv(bytes);
        var header = rows[0];
        var niamey = rows.Skip(1).Single(r => r[Array.IndexOf(header, "id")] == Bodies.NiameyMeeting);
        Assert.Equal("وكيل وزارة الداخلية الليبية خالد مازن يلتقي وزير الداخلية النيجري محمد بازوم في نيامي", niamey[Array.IndexOf(header, "title_ar")]);
        Assert.Equal("Niamey", niamey[Array.IndexOf(header, "city_en")]);
        Assert.Equal("نيامي", niamey[Array.IndexOf(header, "city_ar")]);
        Assert.Equal("LBY;NER", niamey[Array.IndexOf(header, "delegation_countries")]);
        var listed = await IdsAsync("countries=LBY,NER&from=2019-01-01&to=2019-12-31&limit=500");
        Assert.Equal(listed.Order(), rows.Skip(1).Select(r => r[0]).Order());
    }

    [Fact]
    public async Task The_csv_export_starts_with_a_byte_order_mark_when_asked_so_Excel_reads_Arabic()
    {
        var bytes = await Client.GetByteArrayAsync("/api/v1/meetings?format=csv&bom=true");

        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var rows = ParseCsv(bytes);
        Assert.Equal("id", rows[0][0]);
        Assert.Equal(6, rows.Count);
        Assert.Contains(rows, r => r.Contains("قمة ليبيا والنيجر في طرابلس"));
    }

    [Fact]
    public async Task Csv_is_also_chosen_by_Accept_and_quotes_fields_with_commas_and_quotes()
    {
        var body = Bodies.Meeting();
        body["titleEn"] = "Talks on \"border\" security, migration and trade";
        body["summaryEn"] = "First line, with a comma;\r\nsecond line with \"quotes\".";
        await CreateAsync(body);

        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/meetings?q=trade");
        request.Headers.Accept.ParseAdd("text/csv");
        var response = await Client.SendAsync(request);

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var rows = ParseCsv(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("Talks on \"border\" security, migration and trade", rows[1][Array.IndexOf(rows[0], "title_en")]);
        Assert.Equal("First line, with a comma;\r\nsecond line with \"quotes\".", rows[1][Array.IndexOf(rows[0], "summary_en")]);
    }

    [Fact]
    public async Task The_geojson_export_is_a_feature_collection_of_points_that_puts_the_meeting_on_Niamey()
    {
        var response = await Client.GetAsync("/api/v1/meetings?format=geojson");
        var collection = await response.JsonAsync();

        Assert.Equal("application/geo+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("FeatureCollection", collection.GetProperty("type").GetString());
        var features = collection.GetProperty("features").EnumerateArray().ToList();
        Assert.Equal(5, features.Count);
        foreach (var feature in features)
        {
            Assert.Equal("Feature", feature.GetProperty("type").GetString());
            Assert.Equal(JsonValueKind.Object, feature.GetProperty("properties").ValueKind);
            var geometry = feature.GetProperty("geometry");
            if (geometry.ValueKind == JsonValueKind.Null)
                continue;
            Assert.Equal("Point", geometry.GetProperty("type").GetString());
            var coordinates = geometry.GetProperty("coordinates");
            Assert.Equal(2, coordinates.GetArrayLength());
            Assert.InRange(coordinates[0].GetDouble(), -180, 180);
            Assert.InRange(coordinates[1].GetDouble(), -90, 90);
        }
        var niamey = features.Single(f => f.GetProperty("properties").GetProperty("id").GetString() == Bodies.NiameyMeeting);
        Assert.InRange(niamey.GetProperty("geometry").GetProperty("coordinates")[0].GetDouble(), 2.0, 2.2);   // longitude first
        Assert.InRange(niamey.GetProperty("geometry").GetProperty("coordinates")[1].GetDouble(), 13.4, 13.6);
        Assert.Equal(JsonValueKind.Null, features.Single(f => f.GetProperty("id").GetString() == _b).GetProperty("geometry").ValueKind);
    }

    [Fact]
    public async Task The_ndjson_export_is_one_meeting_object_per_line_and_honours_filters()
    {
        var text = await Client.GetStringAsync("/api/v1/meetings?format=ndjson&format=summit");

        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var meeting = JsonDocument.Parse(Assert.Single(lines)).RootElement;
        Assert.Equal(_b, meeting.GetProperty("id").GetString());
        Assert.Equal(["LBY", "NER"], meeting.GetProperty("delegationCountries").EnumerateArray().Select(c => c.GetString()));
    }

    [Fact]
    public async Task A_list_answers_if_none_match_with_304_until_something_in_it_changes()
    {
        const string url = "/api/v1/meetings?countries=LBY,NER";
        var first = await Client.GetAsync(url);
        var etag = first.Headers.ETag!.ToString();

        var again = await Client.SendAsync(new HttpRequestMessage(HttpMethod.Get, url) { Headers = { { "If-None-Match", etag } } });
        await Client.MergePatchAsync("/api/v1/meetings/" + Bodies.NiameyMeeting, new JsonObject { ["status"] = "unknown" },
            await Client.ETagAsync("/api/v1/meetings/" + Bodies.NiameyMeeting));
        var changed = await Client.SendAsync(new HttpRequestMessage(HttpMethod.Get, url) { Headers = { { "If-None-Match", etag } } });

        Assert.Equal("no-cache", first.Headers.CacheControl?.ToString());
        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
    }

    [Theory]
    [InlineData("countries=LBY,XXX", "countries")]
    [InlineData("countries=LBY,LBY", "countries")]
    [InlineData("host=Libya", "host")]
    [InlineData("format=xml", "format")]
    [InlineData("format=summit&format=visit", "format")]
    [InlineData("sort=-weight", "sort")]
    [InlineData("sort=relevance", "sort")]
    [InlineData("count=all", "count")]
    [InlineData("include=people", "include")]
    [InlineData("q=a", "q")]
    [InlineData("topic=Border%20Security", "topic")]
    [InlineData("person=bazoum", "person")]
    [InlineData("bom=yes", "bom")]
    public async Task Bad_query_parameters_are_400_naming_the_parameter(string query, string field)
    {
        var response = await Client.GetAsync("/api/v1/meetings?" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(field, await response.ErrorFieldsAsync());
    }

    [Theory]
    [InlineData("q=bashagha", """["-relevance,-startDate","high","2019-01-01"]""")]
    [InlineData("q=bashagha", """["-relevance,-startDate","1","last week"]""")]
    [InlineData("sort=endDate", """["endDate","2019-02-30"]""")]
    public async Task A_cursor_whose_values_were_altered_is_refused_not_cast(string query, string values)
    {
        var cursor = new Api.Data.Lists.Cursor(values, Guid.NewGuid()).Encode();

        var response = await Client.GetAsync($"/api/v1/meetings?{query}&cursor={cursor}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["cursor"], await response.ErrorFieldsAsync());
    }

    [Fact]
    public async Task A_cursor_made_for_another_sort_is_refused()
    {
        var page = await Client.GetFromJsonAsync<JsonElement>("/api/v1/meetings?limit=1&sort=title");

        var response = await Client.GetAsync($"/api/v1/meetings?limit=1&cursor={page.GetProperty("nextCursor").GetString()}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["cursor"], await response.ErrorFieldsAsync());
    }

    private async Task<string> CreateAsync(JsonObject body)
    {
        var response = await Client.PostJsonAsync("/api/v1/meetings", body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.JsonAsync()).GetProperty("id").GetString()!;
    }

    private async Task<List<JsonElement>> ItemsAsync(string query) =>
        (await Client.GetFromJsonAsync<JsonElement>("/api/v1/meetings?" + query)).GetProperty("items").EnumerateArray().ToList();

    private async Task<List<string>> IdsAsync(string query) =>
        (await ItemsAsync(query)).Select(m => m.GetProperty("id").GetString()!).ToList();

    /// <summary>Reads CSV with .NET's own RFC 4180 parser (quoted fields may hold commas, quotes and line breaks).</summary>
    private static List<string[]> ParseCsv(byte[] bytes)
    {
        using var parser = new TextFieldParser(new MemoryStream(bytes), Encoding.UTF8, detectEncoding: true)
        {
            TextFieldType = FieldType.Delimited,
            HasFieldsEnclosedInQuotes = true,
            TrimWhiteSpace = false,
        };
        parser.SetDelimiters(",");
        var rows = new List<string[]>();
        while (!parser.EndOfData)
            rows.Add(parser.ReadFields()!);
        return rows;
    }
}
