using System.Text;
using Api.Export;
using Api.Tests.Fixtures;

namespace Api.Tests.Export;

/// <summary>
/// CSV exports are opened in Excel and Power BI: a text that a spreadsheet would run as a formula comes out as text,
/// after an apostrophe, and numbers come out as numbers.
/// </summary>
public sealed class CsvFormulaTests(DbFixture db) : DatabaseTest(db, db.WriterClient())
{
    public override Task InitializeAsync() => Db.ResetAndSeedAsync();

    [Fact]
    public async Task Titles_and_names_a_spreadsheet_would_run_are_exported_as_text_and_a_negative_longitude_as_a_number()
    {
        var meeting = Bodies.Meeting();
        meeting["titleEn"] = """=HYPERLINK("http://evil.example","click")""";
        meeting["titleAr"] = "+cmd|' /C calc'!A0";
        meeting["summaryEn"] = "-2+3";
        meeting["cityEn"] = "@SUM(1+1)";
        meeting["latitude"] = 14.5;
        meeting["longitude"] = -13.25;
        var person = Bodies.Person();
        person["nameEn"] = "=1+1";
        await Client.PostJsonAsync("/api/v1/meetings", meeting);
        var personId = (await (await Client.PostJsonAsync("/api/v1/persons", person)).JsonAsync()).GetProperty("id").GetString();

        var meetings = Csv(await Client.GetByteArrayAsync("/api/v1/meetings?format=csv&q=HYPERLINK"));
        var persons = Csv(await Client.GetByteArrayAsync("/api/v1/persons?format=csv"));

        var header = meetings[0].ToList();
        var row = Assert.Single(meetings.Skip(1));
        Assert.Equal("""'=HYPERLINK("http://evil.example","click")""", row[header.IndexOf("title_en")]);
        Assert.Equal("'+cmd|' /C calc'!A0", row[header.IndexOf("title_ar")]);
        Assert.Equal("'-2+3", row[header.IndexOf("summary_en")]);
        Assert.Equal("'@SUM(1+1)", row[header.IndexOf("city_en")]);
        Assert.Equal("-13.25", row[header.IndexOf("longitude")]);
        var personRow = Assert.Single(persons.Skip(1), r => r[persons[0].ToList().IndexOf("id")] == personId);
        Assert.Equal("'=1+1", personRow[persons[0].ToList().IndexOf("name_en")]);
    }

    [Fact]
    public async Task The_writer_marks_only_text_that_begins_as_a_formula()
    {
        var stream = new MemoryStream();
        await using (var csv = new CsvWriter(stream, byteOrderMark: false))
            await csv.WriteRowAsync("=A1", "-1", "\tTab", "@x", "a=b", "Talks", -1.5, -2, "", null);

        Assert.Equal("'=A1,'-1,'\tTab,'@x,a=b,Talks,-1.5,-2,,\r\n", Encoding.UTF8.GetString(stream.ToArray()));
    }

    private static List<string[]> Csv(byte[] bytes) => Rfc4180.Parse(Rfc4180.Decode(bytes).Text);
}
