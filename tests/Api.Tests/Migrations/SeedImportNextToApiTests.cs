using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Api.Tests.Fixtures;
using Dapper;

namespace Api.Tests.Migrations;

/// <summary>The migration job runs on every deploy; what curators did over the API must survive it.</summary>
public sealed class SeedImportNextToApiTests(DbFixture db) : DatabaseTest(db, db.WriterClient())
{
    public override Task InitializeAsync() => Db.ResetAndSeedAsync();

    [Fact]
    public async Task A_meeting_made_over_the_api_is_untouched_by_the_next_import_which_changes_nothing()
    {
        var created = await Client.PostJsonAsync("/api/v1/meetings", Bodies.Meeting());
        var url = created.Headers.Location!.AbsolutePath;
        var changesBefore = await ChangeCountAsync();

        var result = await DbFixture.RunJobAsync(Db.ConnectionString);

        Assert.Equal(0, result.ChangedSeedRecords);
        Assert.Equal(changesBefore, await ChangeCountAsync());
        Assert.Equal(created.Headers.ETag!.ToString(), await Client.ETagAsync(url));
    }

    [Fact]
    public async Task A_seed_meeting_corrected_over_the_api_keeps_the_correction_after_the_next_import()
    {
        const string url = "/api/v1/meetings/" + Bodies.NiameyMeeting;
        var patch = await Client.MergePatchAsync(url, new JsonObject { ["titleEn"] = "Mazen and Bazoum meet in Niamey" }, await Client.ETagAsync(url));
        Assert.Equal(HttpStatusCode.OK, patch.StatusCode);

        await DbFixture.RunJobAsync(Db.ConnectionString);

        var meeting = await Client.GetFromJsonAsync<JsonElement>(url);
        Assert.Equal("Mazen and Bazoum meet in Niamey", meeting.GetProperty("titleEn").GetString());
        Assert.Equal(patch.Headers.ETag!.ToString(), await Client.ETagAsync(url));
    }

    [Fact]
    public async Task A_seed_agreement_retired_over_the_api_is_not_brought_back_by_the_next_import()
    {
        const string url = "/api/v1/agreements/" + Bodies.Invitation;
        Assert.Equal(HttpStatusCode.NoContent, (await Client.DeleteAsync(url, await Client.ETagAsync(url))).StatusCode);

        var result = await DbFixture.RunJobAsync(Db.ConnectionString);

        Assert.Equal(0, result.ChangedSeedRecords);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync(url)).StatusCode);
        var meeting = await Client.GetFromJsonAsync<JsonElement>("/api/v1/meetings/" + Bodies.NiameyMeeting);
        Assert.DoesNotContain(meeting.GetProperty("agreements").EnumerateArray(),
            a => a.GetProperty("agreement").GetProperty("id").GetString() == Bodies.Invitation);
    }

    [Fact]
    public async Task A_record_the_import_wrote_is_still_updated_from_its_seed_file()
    {
        await using (var connection = await Db.OpenAsync())
            await connection.ExecuteAsync("UPDATE meetings SET title_en = 'drifted' WHERE id = @id", new { id = Guid.Parse(Bodies.NiameyMeeting) });

        var result = await DbFixture.RunJobAsync(Db.ConnectionString);

        Assert.Equal(1, result.ChangedSeedRecords);
        var meeting = await Client.GetFromJsonAsync<JsonElement>("/api/v1/meetings/" + Bodies.NiameyMeeting);
        Assert.NotEqual("drifted", meeting.GetProperty("titleEn").GetString());
        var history = (await Client.GetFromJsonAsync<JsonElement>($"/api/v1/meetings/{Bodies.NiameyMeeting}/history")).GetProperty("items");
        var last = history[history.GetArrayLength() - 1];
        Assert.Equal("seed import", last.GetProperty("actor").GetString());
        Assert.Equal("drifted", last.GetProperty("before").GetProperty("titleEn").GetString());
    }

    private async Task<long> ChangeCountAsync()
    {
        await using var connection = await Db.OpenAsync();
        return await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM changes");
    }
}
