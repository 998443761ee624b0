using System.Diagnostics;
using Api.Tests.Fixtures;
using Dapper;

namespace Api.Tests.Export;

/// <summary>
/// An export that has begun streaming is never cut after a fixed time, only when it stops moving for the idle timeout
/// (here 2 s): a database that stops answering midway ends it, a long export that keeps moving runs to its end.
/// </summary>
public sealed class ExportIdleTests(DbFixture db) : DatabaseTest(db)
{
    private const int Persons = 6000;

    public override async Task InitializeAsync()
    {
        await Db.ResetAsync();
        await using var connection = await Db.OpenAsync();
        await connection.ExecuteAsync("""
            INSERT INTO persons (id, name_en, notes)
            SELECT gen_random_uuid(), 'Exported person ' || i, repeat('A note long enough to fill the pipe. ', 3)
            FROM generate_series(1, @Persons) AS i
            """, new { Persons });
    }

    /// <summary>A host whose lock waits and request time are long, so that only the idle timeout can end the export.</summary>
    private ApiFactory Host() => new($"{Db.ConnectionString};Options=-c lock_timeout=60000", settings: new Dictionary<string, string>
    {
        ["Api:ExportIdleTimeoutSeconds"] = "2", ["Api:RequestTimeoutSeconds"] = "60",
    });

    [Fact]
    public async Task An_export_whose_database_stops_answering_midway_is_ended_after_the_idle_timeout()
    {
        await using var api = Host();
        var client = api.CreateClient();
        using var response = await client.GetAsync("/api/v1/persons?format=csv", HttpCompletionOption.ResponseHeadersRead);
        await using var body = await response.Content.ReadAsStreamAsync();
        var first = new byte[1024];
        Assert.True(await body.ReadAsync(first) > 0);

        // The next page of persons waits on this lock for as long as the test holds it.
        await using var holder = await Db.OpenAsync();
        await using var transaction = await holder.BeginTransactionAsync();
        await holder.ExecuteAsync("LOCK TABLE persons IN ACCESS EXCLUSIVE MODE", transaction: transaction);
        var clock = Stopwatch.StartNew();
        var lines = 0;
        var cut = false;
        try
        {
            using var reader = new StreamReader(body);
            while (await reader.ReadLineAsync() is not null)
                lines++;
        }
        catch (Exception e) when (e is IOException or HttpRequestException)
        {
            cut = true;
        }

        Assert.True(cut || lines < Persons, $"the export went on: {lines} lines");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"ended after {clock.Elapsed}");
    }

    [Fact]
    public async Task An_export_that_keeps_moving_runs_past_the_idle_timeout_to_its_end()
    {
        await using var api = Host();
        var client = api.CreateClient();
        using var response = await client.GetAsync("/api/v1/persons?format=csv", HttpCompletionOption.ResponseHeadersRead);
        await using var body = await response.Content.ReadAsStreamAsync();
        var clock = Stopwatch.StartNew();
        var text = new MemoryStream();
        var chunk = new byte[4096];
        int read;
        // A slow client: 4 KiB each 50 ms (a page of 500 persons in about 0.4 s), so that the whole export takes longer
        // than the idle timeout.
        while ((read = await body.ReadAsync(chunk)) > 0)
        {
            text.Write(chunk, 0, read);
            await Task.Delay(50);
        }

        Assert.True(clock.Elapsed > TimeSpan.FromSeconds(3), $"the export took only {clock.Elapsed}: make it longer");
        var lines = System.Text.Encoding.UTF8.GetString(text.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(Persons + 1, lines.Length);
    }
}
