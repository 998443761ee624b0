using System.Net;
using System.Text;
using System.Text.Json;
using Api.Tests.Fixtures;
using Microsoft.VisualBasic.FileIO;

namespace Api.Tests.Export;

/// <summary>Every list, not only meetings, hands over all its records as CSV or NDJSON.</summary>
public sealed class ListExportTests(DbFixture db) : DatabaseTest(db)
{
    public override Task InitializeAsync() => Db.ResetAndSeedAsync();

    [Fact]
    public async Task The_country_csv_has_all_249_countries_across_pages_with_Arabic_names()
    {
        var response = await Client.GetAsync("/api/v1/countries?format=csv&bom=true");
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("countries.csv", response.Content.Headers.ContentDisposition?.ToString());
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var rows = Csv(bytes);
        Assert.Equal(["code", "alpha2", "name_en", "name_ar"], rows[0]);
        Assert.Equal(249, rows.Count - 1);
        Assert.Equal(249, rows.Skip(1).Select(r => r[0]).Distinct().Count());
        Assert.Contains(rows, r => r[0] == "NER" && r[3] == "النيجر");
    }

    [Fact]
    public async Task The_topic_ndjson_is_one_topic_per_line_and_csv_is_also_chosen_by_Accept()
    {
        var lines = (await Client.GetStringAsync("/api/v1/topics?format=ndjson")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/topics");
        request.Headers.Accept.ParseAdd("text/csv");
        var csv = await Client.SendAsync(request);

        Assert.Equal(7, lines.Length);
        Assert.Contains(lines.Select(l => JsonDocument.Parse(l).RootElement), t => t.GetProperty("labelAr").GetString() == "أمن الحدود");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.Equal(8, Csv(await csv.Content.ReadAsByteArrayAsync()).Count);
    }

    [Theory]
    [InlineData("/api/v1/agreements?format=csv&party=NER", 4)]
    [InlineData("/api/v1/persons?format=csv", 8)]
    [InlineData("/api/v1/organizations?format=csv", 10)]
    [InlineData("/api/v1/delegations?format=csv&country=LBY", 3)]   // the bilateral, the roundtable and the planned quadrilateral
    public async Task The_other_lists_export_every_filtered_record_as_csv(string url, int records)
    {
        var rows = Csv(await Client.GetByteArrayAsync(url));

        Assert.Equal(records, rows.Count - 1);
        Assert.Equal("id", rows[0][0]);
        Assert.All(rows, r => Assert.Equal(rows[0].Length, r.Length));
    }

    [Fact]
    public async Task An_agreement_row_carries_its_parties_and_Arabic_title()
    {
        var rows = Csv(await Client.GetByteArrayAsync("/api/v1/agreements?format=csv&kind=invitation"));

        var invitation = Assert.Single(rows.Skip(1));
        Assert.Equal("دعوة المفوض بوزارة الداخلية فتحي باشاغا لوزير الداخلية النيجري محمد بازوم لزيارة ليبيا", invitation[Array.IndexOf(rows[0], "title_ar")]);
        Assert.Contains("Fathi Bashagha", invitation[Array.IndexOf(rows[0], "parties")]);
    }

    [Theory]
    [InlineData("/api/v1/countries?format=geojson")]
    [InlineData("/api/v1/topics?format=pdf")]
    public async Task A_format_a_list_does_not_offer_is_400(string url)
    {
        var response = await Client.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["format"], await response.ErrorFieldsAsync());
    }

    private static List<string[]> Csv(byte[] bytes)
    {
        using var parser = new TextFieldParser(new MemoryStream(bytes), Encoding.UTF8, detectEncoding: true) { HasFieldsEnclosedInQuotes = true };
        parser.SetDelimiters(",");
        var rows = new List<string[]>();
        while (!parser.EndOfData)
            rows.Add(parser.ReadFields()!);
        return rows;
    }
}
