using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Api.Tests.Fixtures;

namespace Api.Tests.Stats;

/// <summary>GET /api/v1/stats/meetings: counts by period, country, topic, format and status, checked against meetings each test arranges.</summary>
public sealed class MeetingStatsTests(DbFixture db) : DatabaseTest(db)
{
    private const string Url = "/api/v1/stats/meetings";

    // ---- month and year ----

    [Fact]
    public async Task Month_counts_each_meeting_in_its_start_month_and_lists_months_without_meetings_as_0()
    {
        await Db.InsertMeetingAsync(Day(2019, 1, 10));
        // Runs into February, counts in January.
        await Db.InsertMeetingAsync(Day(2019, 1, 31) with { EndDate = new DateOnly(2019, 2, 2), EndDatePrecision = "day" });
        await Db.InsertMeetingAsync(Day(2019, 3, 5));

        var stats = await GetStatsAsync("groupBy=month");

        Assert.Equal("month", stats.GetProperty("groupBy").GetString());
        Assert.True(stats.GetProperty("zeroFilled").GetBoolean());
        Assert.Equal([("2019-01", 2L), ("2019-02", 0L), ("2019-03", 1L)], Items(stats));
    }

    [Fact]
    public async Task Month_counts_a_meeting_known_only_to_the_month_in_it_and_one_known_only_to_the_year_in_January()
    {
        await Db.InsertMeetingAsync(new NewMeeting { StartDate = new DateOnly(2019, 3, 1), StartDatePrecision = "month" });
        await Db.InsertMeetingAsync(new NewMeeting { StartDate = new DateOnly(2019, 1, 1), StartDatePrecision = "year" });

        var stats = await GetStatsAsync("groupBy=month");

        Assert.Equal([("2019-01", 1L), ("2019-02", 0L), ("2019-03", 1L)], Items(stats));
    }

    [Fact]
    public async Task Month_range_runs_from_the_month_of_from_to_the_month_of_to_when_they_are_given()
    {
        await Db.InsertMeetingAsync(Day(2019, 1, 10));
        await Db.InsertMeetingAsync(Day(2019, 3, 5));

        var stats = await GetStatsAsync("groupBy=month&from=2018-11-15&to=2019-04-10");

        Assert.Equal([("2018-11", 0L), ("2018-12", 0L), ("2019-01", 1L), ("2019-02", 0L), ("2019-03", 1L), ("2019-04", 0L)], Items(stats));
    }

    [Fact]
    public async Task Month_range_reaches_back_to_a_meeting_that_began_before_from_and_runs_into_it()
    {
        await Db.InsertMeetingAsync(Day(2018, 12, 28) with { EndDate = new DateOnly(2019, 1, 3), EndDatePrecision = "day" });
        await Db.InsertMeetingAsync(Day(2018, 11, 5)); // ended before from: not counted

        var stats = await GetStatsAsync("groupBy=month&from=2019-01-01&to=2019-02-28");

        Assert.Equal([("2018-12", 1L), ("2019-01", 0L), ("2019-02", 0L)], Items(stats));
    }

    [Fact]
    public async Task Month_range_with_only_from_or_only_to_takes_the_other_end_from_the_meetings()
    {
        await Db.InsertMeetingAsync(Day(2019, 3, 5));
        await Db.InsertMeetingAsync(Day(2019, 4, 5));

        var fromOnly = await GetStatsAsync("groupBy=month&from=2019-01-20");
        var toOnly = await GetStatsAsync("groupBy=month&to=2019-06-30");

        Assert.Equal([("2019-01", 0L), ("2019-02", 0L), ("2019-03", 1L), ("2019-04", 1L)], Items(fromOnly));
        Assert.Equal([("2019-03", 1L), ("2019-04", 1L), ("2019-05", 0L), ("2019-06", 0L)], Items(toOnly));
    }

    [Fact]
    public async Task Month_without_meetings_lists_zeros_for_a_given_range_and_nothing_without_one()
    {
        var ranged = await GetStatsAsync("groupBy=month&from=2019-01-01&to=2019-03-31");
        var unranged = await GetStatsAsync("groupBy=month");

        Assert.Equal([("2019-01", 0L), ("2019-02", 0L), ("2019-03", 0L)], Items(ranged));
        Assert.Empty(Items(unranged));
        Assert.True(unranged.GetProperty("zeroFilled").GetBoolean());
    }

    [Fact]
    public async Task Year_counts_each_meeting_in_its_start_year_and_lists_years_without_meetings_as_0()
    {
        await Db.InsertMeetingAsync(Day(2017, 6, 1));
        await Db.InsertMeetingAsync(new NewMeeting { StartDate = new DateOnly(2019, 1, 1), StartDatePrecision = "year" });
        await Db.InsertMeetingAsync(Day(2019, 12, 31) with { EndDate = new DateOnly(2020, 1, 2), EndDatePrecision = "day" });
        await Db.InsertMeetingAsync(new NewMeeting { StartDate = new DateOnly(2020, 2, 1), StartDatePrecision = "month" });

        var stats = await GetStatsAsync("groupBy=year");

        Assert.Equal("year", stats.GetProperty("groupBy").GetString());
        Assert.Equal([("2017", 1L), ("2018", 0L), ("2019", 2L), ("2020", 1L)], Items(stats));
    }

    [Fact]
    public async Task Zero_fill_covers_exactly_1200_months_and_a_longer_from_to_range_is_a_400_naming_to()
    {
        await Db.InsertMeetingAsync(Day(1970, 7, 4));

        var century = await GetStatsAsync("groupBy=month&from=1920-01-01&to=2019-12-31");
        var tooLong = await Client.GetAsync($"{Url}?groupBy=month&from=1919-12-31&to=2019-12-31");
        var byYear = await GetStatsAsync("groupBy=year&from=1919-12-31&to=2019-12-31");

        var items = Items(century);
        Assert.Equal(1200, items.Count);
        Assert.Equal(("1920-01", 0L), items[0]);
        Assert.Equal(("2019-12", 0L), items[^1]);
        Assert.Equal(1, items.Sum(i => i.Count));
        Assert.Equal(("1970-07", 1L), items.Single(i => i.Count > 0));
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Contains("to", await tooLong.ErrorFieldsAsync());
        Assert.Equal(101, Items(byYear).Count);
    }

    [Fact]
    public async Task Meetings_spanning_more_than_1200_months_with_no_range_list_only_the_months_with_meetings()
    {
        await Db.InsertMeetingAsync(Day(1900, 5, 1));
        await Db.InsertMeetingAsync(Day(2019, 1, 10));
        await Db.InsertMeetingAsync(Day(2019, 1, 20));

        var byMonth = await GetStatsAsync("groupBy=month");
        var byYear = await GetStatsAsync("groupBy=year");

        Assert.False(byMonth.GetProperty("zeroFilled").GetBoolean());
        Assert.Equal([("1900-05", 1L), ("2019-01", 2L)], Items(byMonth));
        // 120 years is well within the cap.
        Assert.True(byYear.GetProperty("zeroFilled").GetBoolean());
        Assert.Equal(120, Items(byYear).Count);
    }

    // ---- country, topic, format, status ----

    [Fact]
    public async Task Country_counts_a_meeting_once_for_each_country_that_took_part_with_a_delegation_or_as_host()
    {
        // Niger hosts and sends a delegation: once.
        await Db.InsertMeetingAsync(new NewMeeting { CountryCode = "NER", HostCountryCode = "NER", DelegationCountries = ["NER", "LBY"] });
        await Db.InsertMeetingAsync(new NewMeeting { CountryCode = "TCD", HostCountryCode = "TCD", DelegationCountries = ["LBY"] });
        await Db.InsertMeetingAsync(new NewMeeting { DelegationCountries = ["LBY", "DZA"] });
        // Only the place: Sudan took no part.
        await Db.InsertMeetingAsync(new NewMeeting { CountryCode = "SDN" });

        var stats = await GetStatsAsync("groupBy=country");

        Assert.Equal([("LBY", 3L), ("DZA", 1L), ("NER", 1L), ("TCD", 1L)], Items(stats));
        var libya = stats.GetProperty("items")[0];
        Assert.Equal("Libya", libya.GetProperty("nameEn").GetString());
        Assert.Equal("ليبيا", libya.GetProperty("nameAr").GetString());
        Assert.Equal("النيجر", stats.GetProperty("items")[2].GetProperty("nameAr").GetString());
        Assert.False(stats.TryGetProperty("zeroFilled", out _));
    }

    [Fact]
    public async Task Country_counts_follow_corrections_of_the_host_and_of_delegations()
    {
        await Db.ResetAndSeedAsync(); // the body refers to seed records; its date (2019-03-12) is no seed meeting's
        const string day = "from=2019-03-12&to=2019-03-12";
        var writer = Db.WriterClient();
        var created = await writer.PostJsonAsync("/api/v1/meetings", Bodies.Meeting()); // host TCD; delegations TCD, LBY
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var meeting = await created.JsonAsync();
        var id = meeting.GetProperty("id").GetString();
        Assert.Equal([("LBY", 1L), ("TCD", 1L)], Items(await GetStatsAsync($"groupBy=country&{day}")));

        var libya = meeting.GetProperty("delegations").EnumerateArray().First(d => d.GetProperty("countryCode").GetString() == "LBY");
        using (var delete = new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/delegations/{libya.GetProperty("id").GetString()}"))
        {
            delete.Headers.TryAddWithoutValidation("If-Match", "*");
            Assert.Equal(HttpStatusCode.NoContent, (await writer.SendAsync(delete)).StatusCode);
        }
        Assert.Equal([("TCD", 1L)], Items(await GetStatsAsync($"groupBy=country&{day}")));

        using (var patch = new HttpRequestMessage(HttpMethod.Patch, $"/api/v1/meetings/{id}"))
        {
            patch.Content = new StringContent("""{"hostCountryCode": "NER"}""", System.Text.Encoding.UTF8, "application/merge-patch+json");
            patch.Headers.TryAddWithoutValidation("If-Match", "*");
            Assert.Equal(HttpStatusCode.OK, (await writer.SendAsync(patch)).StatusCode);
        }
        // Chad still sends its delegation; Niger now hosts.
        Assert.Equal([("NER", 1L), ("TCD", 1L)], Items(await GetStatsAsync($"groupBy=country&{day}")));
        var partners = await (await Client.GetAsync($"/api/v1/countries/NER/partners?{day}")).JsonAsync();
        Assert.Equal(["TCD"], partners.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("code").GetString()));
    }

    [Fact]
    public async Task Topic_counts_meetings_per_topic_with_its_labels_as_names()
    {
        var writer = Db.WriterClient();
        var refugees = await CreateTopicAsync(writer, "refugees", "Refugees", "اللاجئون");
        var borders = await CreateTopicAsync(writer, "border-security", "Border security", "أمن الحدود");
        await CreateMeetingAsync(writer, m => m["topicIds"] = new JsonArray(refugees, borders));
        await CreateMeetingAsync(writer, m => m["topicIds"] = new JsonArray(borders));
        await CreateMeetingAsync(writer, m => m["topicIds"] = new JsonArray());

        var stats = await GetStatsAsync("groupBy=topic");

        Assert.Equal([("border-security", 2L), ("refugees", 1L)], Items(stats));
        Assert.Equal("Border security", stats.GetProperty("items")[0].GetProperty("nameEn").GetString());
        Assert.Equal("اللاجئون", stats.GetProperty("items")[1].GetProperty("nameAr").GetString());
    }

    [Fact]
    public async Task Format_and_status_count_each_value_highest_first_then_by_value()
    {
        for (var i = 0; i < 3; i++)
            await Db.InsertMeetingAsync(new NewMeeting { Format = "bilateral", Status = "held" });
        await Db.InsertMeetingAsync(new NewMeeting { Format = "summit", Status = "planned" });
        await Db.InsertMeetingAsync(new NewMeeting { Format = "summit", Status = "held" });
        await Db.InsertMeetingAsync(new NewMeeting { Format = "call", Status = "cancelled" });

        var formats = await GetStatsAsync("groupBy=format");
        var statuses = await GetStatsAsync("groupBy=status");

        Assert.Equal([("bilateral", 3L), ("summit", 2L), ("call", 1L)], Items(formats));
        Assert.Equal([("held", 4L), ("cancelled", 1L), ("planned", 1L)], Items(statuses));
        Assert.False(formats.GetProperty("items")[0].TryGetProperty("nameEn", out _));
    }

    // ---- filters ----

    [Fact]
    public async Task Meeting_filters_narrow_what_is_counted()
    {
        await Db.InsertMeetingAsync(Day(2019, 1, 10) with { HostCountryCode = "NER", DelegationCountries = ["LBY"], Format = "summit" });
        await Db.InsertMeetingAsync(Day(2019, 3, 10) with { DelegationCountries = ["NER", "TCD"], Status = "planned" });
        await Db.InsertMeetingAsync(Day(2019, 2, 10) with { DelegationCountries = ["LBY", "TCD"], Format = "summit" });
        await Db.InsertMeetingAsync(Day(2020, 1, 10) with { DelegationCountries = ["NER"] });

        Assert.Equal([("2019-01", 1L), ("2019-02", 0L), ("2019-03", 1L), ("2019-04", 0L), ("2019-05", 0L), ("2019-06", 0L)],
            Items(await GetStatsAsync("groupBy=month&country=NER&from=2019-01-01&to=2019-06-30")));
        Assert.Equal([("summit", 2L), ("bilateral", 1L)], Items(await GetStatsAsync("groupBy=format&status=held")));
        Assert.Equal([("held", 2L)], Items(await GetStatsAsync("groupBy=status&format=summit")));
        Assert.Equal([("NER", 1L), ("TCD", 1L)], Items(await GetStatsAsync("groupBy=country&countries=NER,TCD")));
    }

    [Fact]
    public async Task Month_counts_add_up_to_the_total_of_the_meeting_list_with_the_same_filters()
    {
        var countries = new[] { "NER", "LBY", "TCD", "DZA" };
        string[] formats = ["bilateral", "summit", "call"];
        for (var i = 0; i < 24; i++)
        {
            await Db.InsertMeetingAsync(new NewMeeting
            {
                StartDate = new DateOnly(2018, 11, 1).AddDays(i * 9),
                HostCountryCode = countries[i % 4],
                DelegationCountries = [countries[(i + 1) % 4]],
                Format = formats[i % 3],
                Status = i % 5 == 0 ? "planned" : "held",
            });
        }

        foreach (var filters in new[] { "", "country=NER", "format=summit", "status=held&from=2019-01-01", "countries=NER,LBY&to=2019-03-31", "host=TCD" })
        {
            var list = await Client.GetAsync($"/api/v1/meetings?count=exact&limit=1&{filters}");
            var total = (await list.JsonAsync()).GetProperty("total").GetInt64();

            var months = Items(await GetStatsAsync($"groupBy=month&{filters}"));
            var years = Items(await GetStatsAsync($"groupBy=year&{filters}"));
            var statuses = Items(await GetStatsAsync($"groupBy=status&{filters}"));

            Assert.True(total > 0, filters);
            Assert.Equal(total, months.Sum(i => i.Count));
            Assert.Equal(total, years.Sum(i => i.Count));
            Assert.Equal(total, statuses.Sum(i => i.Count));
        }
    }

    [Fact]
    public async Task An_Arabic_city_filter_is_sent_percent_encoded_and_applied()
    {
        var writer = Db.WriterClient();
        await CreateMeetingAsync(writer, m => m["cityAr"] = "نيامي");
        await CreateMeetingAsync(writer, m => m["cityAr"] = "انجامينا");

        var stats = await GetStatsAsync($"groupBy=year&city={Uri.EscapeDataString("نيامي")}");

        Assert.Equal([("2019", 1L)], Items(stats));
    }

    // ---- CSV ----

    [Fact]
    public async Task Csv_by_country_has_a_header_then_key_count_and_the_English_and_Arabic_names_side_by_side_without_a_bom()
    {
        await Db.InsertMeetingAsync(new NewMeeting { HostCountryCode = "NER", DelegationCountries = ["LBY", "ARE"] });
        await Db.InsertMeetingAsync(new NewMeeting { DelegationCountries = ["LBY"] });

        var response = await Client.GetAsync($"{Url}?groupBy=country&format=csv");
        var (records, hadBom) = await ReadCsvAsync(response);

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.Equal("attachment; filename=\"meetings-by-country.csv\"", Assert.Single(response.Content.Headers.GetValues("Content-Disposition")));
        Assert.False(hadBom);
        Assert.Equal(
        [
            ["key", "count", "name_en", "name_ar"],
            ["LBY", "2", "Libya", "ليبيا"],
            ["ARE", "1", "United Arab Emirates", "الإمارات العربية المتحدة"],
            ["NER", "1", "Niger", "النيجر"],
        ], records);
    }

    [Fact]
    public async Task Csv_with_bom_true_starts_with_the_UTF8_byte_order_mark_and_otherwise_reads_the_same()
    {
        await Db.InsertMeetingAsync(new NewMeeting { HostCountryCode = "LBY", DelegationCountries = ["TCD"] });

        var without = await ReadCsvAsync(await Client.GetAsync($"{Url}?groupBy=country&format=csv&bom=false"));
        var with = await ReadCsvAsync(await Client.GetAsync($"{Url}?groupBy=country&format=csv&bom=true"));

        Assert.False(without.HadBom);
        Assert.True(with.HadBom);
        Assert.Equal(without.Records, with.Records);
        Assert.Equal(["LBY", "1", "Libya", "ليبيا"], with.Records[1]);
    }

    [Fact]
    public async Task Csv_is_also_chosen_by_Accept_text_csv_and_a_meeting_format_goes_with_format_csv()
    {
        await Db.InsertMeetingAsync(new NewMeeting { Format = "summit", Status = "held" });
        await Db.InsertMeetingAsync(new NewMeeting { Format = "summit", Status = "planned" });
        await Db.InsertMeetingAsync(new NewMeeting { Format = "call", Status = "held" });

        var request = new HttpRequestMessage(HttpMethod.Get, $"{Url}?groupBy=status");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));
        var byAccept = await Client.SendAsync(request);
        var summits = await ReadCsvAsync(await Client.GetAsync($"{Url}?groupBy=status&format=summit&format=csv"));
        var json = await Client.GetAsync($"{Url}?groupBy=status&format=json");

        Assert.Equal("text/csv", byAccept.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Accept", byAccept.Headers.Vary);
        Assert.Equal([["key", "count", "name_en", "name_ar"], ["held", "2", "", ""], ["planned", "1", "", ""]], (await ReadCsvAsync(byAccept)).Records);
        Assert.Equal([["key", "count", "name_en", "name_ar"], ["held", "1", "", ""], ["planned", "1", "", ""]], summits.Records);
        Assert.Equal("application/json", json.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Csv_quotes_labels_holding_commas_and_quotes_and_a_parser_reads_them_back_intact()
    {
        var writer = Db.WriterClient();
        const string labelEn = "Borders, \"hard\" and soft";
        const string labelAr = "الحدود، \"الصلبة\" واللينة, وغيرها";
        var topic = await CreateTopicAsync(writer, "borders", labelEn, labelAr);
        await CreateMeetingAsync(writer, m => m["topicIds"] = new JsonArray(topic));

        var response = await Client.GetAsync($"{Url}?groupBy=topic&format=csv&bom=true");
        var body = await response.Content.ReadAsByteArrayAsync();
        var (records, _) = await ReadCsvAsync(response);

        Assert.Equal(["borders", "1", labelEn, labelAr], records[1]);
        Assert.Contains("\"Borders, \"\"hard\"\" and soft\"", Rfc4180.Decode(body).Text);
        // A second opinion: the parser that ships with .NET reads the same fields.
        using var parser = new Microsoft.VisualBasic.FileIO.TextFieldParser(new MemoryStream(body), System.Text.Encoding.UTF8)
        {
            TextFieldType = Microsoft.VisualBasic.FileIO.FieldType.Delimited,
            Delimiters = [","],
            HasFieldsEnclosedInQuotes = true,
        };
        Assert.Equal(["key", "count", "name_en", "name_ar"], parser.ReadFields()!);
        Assert.Equal(["borders", "1", labelEn, labelAr], parser.ReadFields()!);
        Assert.True(parser.EndOfData);
    }

    [Fact]
    public async Task Csv_of_months_lists_every_month_with_empty_names()
    {
        await Db.InsertMeetingAsync(Day(2019, 1, 10));
        await Db.InsertMeetingAsync(Day(2019, 3, 5));

        var response = await Client.GetAsync($"{Url}?groupBy=month&format=csv");
        var (records, _) = await ReadCsvAsync(response);

        Assert.Equal("attachment; filename=\"meetings-by-month.csv\"", Assert.Single(response.Content.Headers.GetValues("Content-Disposition")));
        Assert.Equal([["key", "count", "name_en", "name_ar"], ["2019-01", "1", "", ""], ["2019-02", "0", "", ""], ["2019-03", "1", "", ""]], records);
    }

    // ---- bad requests ----

    [Theory]
    [InlineData("", "groupBy")]
    [InlineData("groupBy=", "groupBy")]
    [InlineData("groupBy=week", "groupBy")]
    [InlineData("groupBy=Month", "groupBy")]
    [InlineData("groupBy=month&bom=yes", "bom")]
    [InlineData("groupBy=month&format=ndjson", "format")]
    [InlineData("groupBy=country&format=geojson", "format")]
    [InlineData("groupBy=month&format=xlsx", "format")]
    [InlineData("groupBy=month&format=csv&format=json", "format")]
    [InlineData("groupBy=month&from=2019-02-01&to=2019-01-01", "to")]
    [InlineData("groupBy=month&from=2019-13-01", "from")]
    [InlineData("groupBy=year&from=0001-01-01&to=9999-12-31", "to")]
    [InlineData("groupBy=country&country=XXX", "country")]
    [InlineData("groupBy=country&countries=NER,NER", "countries")]
    [InlineData("groupBy=topic&topic=Border_Security", "topic")]
    [InlineData("groupBy=status&status=done", "status")]
    [InlineData("groupBy=month&q=x", "q")]
    [InlineData("groupBy=month&grouping=year", "grouping")]
    [InlineData("groupBy=month&limit=10", "limit")]
    public async Task Bad_parameter_returns_400_naming_it(string query, string field)
    {
        var response = await Client.GetAsync($"{Url}?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var fields = await response.ErrorFieldsAsync();
        // A repeated parameter's error may be keyed by position (format[1]).
        Assert.Contains(fields, f => f == field || f.StartsWith(field + "[", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Swagger_documents_each_report_with_a_stable_operation_id_json_and_csv_and_every_parameter_described()
    {
        var document = JsonDocument.Parse(await Client.GetStringAsync("/swagger/v1/swagger.json")).RootElement;
        var paths = document.GetProperty("paths");

        foreach (var (path, operationId) in new[] { ("/api/v1/stats/meetings", "Stats_Meetings"), ("/api/v1/countries/{code}/partners", "Partners_List") })
        {
            var get = paths.GetProperty(path).GetProperty("get");
            Assert.Equal(operationId, get.GetProperty("operationId").GetString());
            var parameters = get.GetProperty("parameters").EnumerateArray().ToList();
            Assert.Contains(parameters, p => p.GetProperty("name").GetString() == "from");
            Assert.Contains(parameters, p => p.GetProperty("name").GetString() == "bom");
            Assert.All(parameters, p => Assert.False(string.IsNullOrWhiteSpace(p.TryGetProperty("description", out var d) ? d.GetString() : null),
                $"{p.GetProperty("name").GetString()} of {path} has no description"));
            var ok = get.GetProperty("responses").GetProperty("200").GetProperty("content");
            Assert.True(ok.TryGetProperty("application/json", out _));
            Assert.True(ok.TryGetProperty("text/csv", out _));
        }
        Assert.Contains(paths.GetProperty("/api/v1/stats/meetings").GetProperty("get").GetProperty("parameters").EnumerateArray(),
            p => p.GetProperty("name").GetString() == "groupBy");
    }

    // ---- helpers ----

    private static NewMeeting Day(int year, int month, int day) => new() { StartDate = new DateOnly(year, month, day) };

    private async Task<JsonElement> GetStatsAsync(string query)
    {
        var response = await Client.GetAsync($"{Url}?{query}");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {Url}?{query} returned {(int)response.StatusCode}: {body}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(body).RootElement;
    }

    [Fact]
    public async Task Unfiltered_counts_follow_every_meeting_write_and_agree_with_counting_the_meetings()
    {
        // Unfiltered counts by month, year, format and status come from meeting_counts, kept by the writes; the same
        // grouping with a filter that selects every meeting (from the year 1000) counts the meetings themselves.
        var writer = Db.WriterClient();
        await CreateMeetingAsync(writer, _ => { });
        await CreateMeetingAsync(writer, m => { m["startDate"] = "2019-03-05"; m["format"] = "multilateral"; });
        await CreateMeetingAsync(writer, m => { m["startDate"] = "2020-07-01"; m["startDatePrecision"] = "month"; m["status"] = "cancelled"; });
        await CreateMeetingAsync(writer, m => m["startDate"] = "2021-02-02");
        var ids = (await (await Client.GetAsync("/api/v1/meetings?sort=startDate")).JsonAsync()).GetProperty("items").EnumerateArray()
            .Select(m => "/api/v1/meetings/" + m.GetProperty("id").GetString()).ToList();
        // Moved to another month, format and status; one changed where it is not counted; one deleted.
        Assert.Equal(HttpStatusCode.OK, (await writer.MergePatchAsync(ids[0],
            new JsonObject { ["startDate"] = "2018-11-20", ["format"] = "visit", ["status"] = "unknown" }, "*")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await writer.MergePatchAsync(ids[1], new JsonObject { ["titleEn"] = "Renamed" }, "*")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await writer.DeleteAsync(ids[3], "*")).StatusCode);

        foreach (var groupBy in new[] { "month", "year", "format", "status" })
        {
            var kept = Items(await GetStatsAsync($"groupBy={groupBy}")).Where(i => i.Count > 0).ToList();
            var counted = Items(await GetStatsAsync($"groupBy={groupBy}&from=1000-01-01")).Where(i => i.Count > 0).ToList();
            Assert.Equal(counted, kept);
            Assert.Equal(3, kept.Sum(i => i.Count));
        }
        Assert.Equal([("cancelled", 1L), ("held", 1L), ("unknown", 1L)], Items(await GetStatsAsync("groupBy=status")));
    }

    private static List<(string Key, long Count)> Items(JsonElement stats) =>
        stats.GetProperty("items").EnumerateArray().Select(i => (i.GetProperty("key").GetString()!, i.GetProperty("count").GetInt64())).ToList();

    internal static async Task<(List<string[]> Records, bool HadBom)> ReadCsvAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {System.Text.Encoding.UTF8.GetString(body)}");
        var (text, hadBom) = Rfc4180.Decode(body);
        return (Rfc4180.Parse(text), hadBom);
    }

    private static async Task<string> CreateTopicAsync(HttpClient writer, string code, string labelEn, string labelAr)
    {
        var response = await writer.PostJsonAsync("/api/v1/topics", new JsonObject { ["code"] = code, ["labelEn"] = labelEn, ["labelAr"] = labelAr });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.JsonAsync()).GetProperty("id").GetString()!;
    }

    /// <summary>A meeting through the API: Niamey, 2019-01-29, hosted by Niger with a Libyan guest delegation, changed by <paramref name="change"/>.</summary>
    private static async Task CreateMeetingAsync(HttpClient writer, Action<JsonObject> change)
    {
        var body = new JsonObject
        {
            ["titleEn"] = "Libya and Niger discuss border security",
            ["startDate"] = "2019-01-29",
            ["startDatePrecision"] = "day",
            ["status"] = "held",
            ["format"] = "bilateral",
            ["cityEn"] = "Niamey",
            ["hostCountryCode"] = "NER",
            ["delegations"] = new JsonArray(
                new JsonObject { ["role"] = "host", ["countryCode"] = "NER", ["members"] = new JsonArray() },
                new JsonObject { ["role"] = "guest", ["countryCode"] = "LBY", ["members"] = new JsonArray() }),
        };
        change(body);
        var response = await writer.PostJsonAsync("/api/v1/meetings", body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }
}
