using System.Net;
using System.Text.Json;

namespace Api.Tests.Fixtures;

/// <summary>One page of a list as a client reads it.</summary>
public sealed record ListPage(IReadOnlyList<JsonElement> Items, string? NextCursor, long? Total)
{
    public IReadOnlyList<Guid> Ids => Items.Select(i => i.GetProperty("id").GetGuid()).ToList();
}

/// <summary>Reading lists the way a client does: a page, every page, a refused request.</summary>
public static class ListPages
{
    public static async Task<ListPage> GetPageAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {url} returned {(int)response.StatusCode}: {body}");
        var page = JsonDocument.Parse(body).RootElement.Clone();
        var items = page.GetProperty("items").EnumerateArray().ToList();
        var next = page.TryGetProperty("nextCursor", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
        long? total = page.TryGetProperty("total", out var t) && t.ValueKind == JsonValueKind.Number ? t.GetInt64() : null;
        return new ListPage(items, next, total);
    }

    public static async Task<IReadOnlyList<Guid>> GetIdsAsync(this HttpClient client, string url) => (await client.GetPageAsync(url)).Ids;

    /// <summary>
    /// Follows <c>nextCursor</c> from the first page of <paramref name="url"/> (which carries <c>limit</c>) to the last, checking
    /// that every page but the last is full and the last has no cursor; returns the ids of all pages in order.
    /// </summary>
    public static async Task<List<Guid>> GetAllPagesAsync(this HttpClient client, string url, int limit, int maxPages = 200)
    {
        var separator = url.Contains('?') ? "&" : "?";
        var ids = new List<Guid>();
        string? cursor = null;
        for (var pages = 0; ; pages++)
        {
            Assert.True(pages < maxPages, $"GET {url} gave more than {maxPages} pages");
            var page = await client.GetPageAsync($"{url}{separator}limit={limit}" + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor)));
            Assert.True(page.Ids.Count <= limit, $"a page of {page.Ids.Count} items for limit={limit}");
            ids.AddRange(page.Ids);
            cursor = page.NextCursor;
            if (cursor is null)
                return ids;
            Assert.Equal(limit, page.Ids.Count);
        }
    }

    /// <summary>Asserts a 400 validation problem that names <paramref name="field"/>.</summary>
    public static async Task AssertBadRequestAsync(this HttpClient client, string url, string field)
    {
        var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"GET {url} returned {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = JsonDocument.Parse(body).RootElement.GetProperty("errors").EnumerateObject().Select(e => e.Name).ToList();
        Assert.True(errors.Contains(field), $"GET {url}: the errors name {string.Join(", ", errors)}, not {field}");
    }

    /// <summary>PostgreSQL orders uuids byte by byte, which is the ordinal order of their lower-case canonical text.</summary>
    public static string Key(Guid id) => id.ToString("D");

    /// <summary>Text in the order of the test databases' C collation (code points), which ordinal UTF-16 order matches for these names.</summary>
    public static readonly StringComparer TextOrder = StringComparer.Ordinal;

    public static string Q(string text) => Uri.EscapeDataString(text);

    /// <summary>Ids as a set, for comparing a list with what it should hold in any order.</summary>
    public static HashSet<Guid> Set(params Guid[] ids) => [.. ids];

    /// <summary>The ids of a page as a set.</summary>
    public static HashSet<Guid> Set(ListPage page) => [.. page.Ids];
}
