using System.Net;
using System.Text.Json;
using Api.Delegations;
using Api.Meetings;
using Api.Records;
using Api.Tests.Fixtures;

namespace Api.Tests.Meetings;

/// <summary>
/// A meeting and its delegations are sent as PostgreSQL built them, not read into the response types and written
/// again. What a client gets must still be, byte for byte, what those types write: the schema Swagger shows, every
/// field in its order, the same escaping and numbers.
/// </summary>
public sealed class MeetingDocumentTests(DbFixture db) : DatabaseTest(db, db.WriterClient())
{
    public override Task InitializeAsync() => Db.ResetAndSeedAsync();

    [Fact]
    public async Task Every_seed_meeting_and_its_delegations_are_what_their_response_types_write()
    {
        var list = await (await Client.GetAsync("/api/v1/meetings?limit=500")).JsonAsync();
        var ids = list.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("id").GetString()).ToList();
        Assert.NotEmpty(ids);

        foreach (var id in ids)
        {
            var meeting = await BodyAsync($"/api/v1/meetings/{id}");
            Assert.Equal(AsWrittenBy<MeetingResponse>(meeting), Text(meeting));
            var delegations = await BodyAsync($"/api/v1/meetings/{id}/delegations");
            Assert.Equal(AsWrittenBy<List<DelegationResponse>>(delegations), Text(delegations));
        }
    }

    [Fact]
    public async Task A_meeting_with_quotes_line_breaks_emoji_and_fractions_reads_back_as_it_was_answered_when_written()
    {
        var body = Bodies.Meeting();
        body["titleEn"] = "He said \"yes\" \\ then left 🌍 <b>&amp;</b>";
        body["summaryEn"] = "First line.\nSecond line,\tafter a tab.";
        body["summaryAr"] = "قال: \"نعم\"\u2028ثم غادر";
        body["latitude"] = -0.5;
        body["longitude"] = 12.1348;
        var created = await Client.PostJsonAsync("/api/v1/meetings", body);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var written = await created.Content.ReadAsByteArrayAsync();

        var read = await Client.GetAsync(created.Headers.Location);

        Assert.Equal(Text(written), Text(await read.Content.ReadAsByteArrayAsync()));
        Assert.Equal(created.Headers.ETag, read.Headers.ETag);
        var meeting = JsonDocument.Parse(written).RootElement;
        Assert.Equal(body["titleEn"]!.GetValue<string>(), meeting.GetProperty("titleEn").GetString());
        Assert.Equal(-0.5, meeting.GetProperty("latitude").GetDouble());
    }

    private async Task<byte[]> BodyAsync(string url)
    {
        var response = await Client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsByteArrayAsync();
    }

    /// <summary>The body read into <typeparamref name="T"/> (a field it lacks is an error) and written again.</summary>
    private static string AsWrittenBy<T>(byte[] body) =>
        Text(JsonSerializer.SerializeToUtf8Bytes(JsonSerializer.Deserialize<T>(body, Documents.Options), Documents.Options));

    private static string Text(byte[] utf8) => System.Text.Encoding.UTF8.GetString(utf8);
}
