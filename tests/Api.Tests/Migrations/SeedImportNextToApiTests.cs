using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Api.Tests.Fixtures;
using Dapper;

namespace Api.Tests.Migrations;

/// <summary>The migration job runs on every deploy; what curators did over the API must survive it.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class SeedImportNextToApiTests(DbFixture db) : IAsyncLifetime
{
    private readonly HttpClient _client = db.WriterClient();

    public Task InitializeAsync() => db.ResetAndSeedAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_meeting_made_over_the_api_is_untouched_by_the_next_import_which_changes_nothing()
    {
        var created = await _client.PostJsonAsync("/api/v1/meetings", Bodies.Meeting());
        var url = created.Headers.Location!.AbsolutePath;
        var changesBefore = await ChangeCountAsync();

        var result = await DbFixture.RunJobAsync(db.ConnectionString);

        Assert.Equal(0, result.ChangedSeedRecords);
        Assert.Equal(changesBefore, await ChangeCountAsync());
        Assert.Equal(created.Headers.ETag!.ToString(), await _client.ETagAsync(url));
    }

    [Fact]
    public async Task A_seed_meeting_corrected_over_the_api_keeps_the_correction_after_the_next_import()
    {
        const string url = "/api/v1/meetings/" + Bodies.NiameyMeeting;
        var patch = await _client.MergePatchAsync(url, new JsonObject { ["titleEn"] = "Mazen and Bazoum meet in Niamey" }, await _client.ETagAsync(url));
        Assert.Equal(HttpStatusCode.OK, patch.StatusCode);

        await DbFixture.RunJobAsync(db.ConnectionString);

        var meeting = await _client.GetFromJsonAsync<JsonElement>(url);
        Assert.Equal("Mazen and Bazoum meet in Niamey", meeting.GetProperty("titleEn").GetString());
        Assert.Equal(patch.Headers.ETag!.ToString(), await _client.ETagAsync(url));
    }

    [Fact]
    public async Task A_seed_agreement_retired_over_the_api_is_not_brought_back_by_the_next_import()
    {
        const string url = "/api/v1/agreements/" + Bodies.Invitation;
        Assert.Equal(HttpStatusCode.NoContent, (await _client.DeleteAsync(url, await _client.ETagAsync(url))).StatusCode);

        var result = await DbFixture.RunJobAsync(db.ConnectionString);

        Assert.Equal(0, result.ChangedSeedRecords);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync(url)).StatusCode);
        var meeting = await _client.GetFromJsonAsync<JsonElement>("/api/v1/meetings/" + Bodies.NiameyMeeting);
        Assert.DoesNotContain(meeting.GetProperty("agreements").EnumerateArray(),
            a => a.GetProperty("agreement").GetProperty("id").GetString() == Bodies.Invitation);
    }

    [Fact]
    public async Task A_record_the_import_wrote_is_still_updated_from_its_seed_file()
    {
        await using (var connection = await db.OpenAsync())
            await connection.ExecuteAsync("UPDATE meetings SET title_en = 'drifted' WHERE id = @id", new { id = Guid.Parse(Bodies.NiameyMeeting) });

        var result = await DbFixture.RunJobAsync(db.ConnectionString);

        Assert.Equal(1, result.ChangedSeedRecords);
        var meeting = await _client.GetFromJsonAsync<JsonElement>("/api/v1/meetings/" + Bodies.NiameyMeeting);
        Assert.NotEqual("drifted", meeting.GetProperty("titleEn").GetString());
        var history = (await _client.GetFromJsonAsync<JsonElement>($"/api/v1/meetings/{Bodies.NiameyMeeting}/history")).GetProperty("items");
        var last = history[history.GetArrayLength() - 1];
        Assert.Equal("seed import", last.GetProperty("actor").GetString());
        Assert.Equal("drifted", last.GetProperty("before").GetProperty("titleEn").GetString());
    }

    private async Task<long> ChangeCountAsync()
    {
        await using var connection = await db.OpenAsync();
        return await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM changes");
    }
}
