using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Api.Tests.Fixtures;

/// <summary>Requests as a client of the write API sends them.</summary>
public static class HttpRequests
{
    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string url, object body) =>
        client.SendAsync(Request(HttpMethod.Post, url, body));

    public static Task<HttpResponseMessage> PutJsonAsync(this HttpClient client, string url, object body, string? ifMatch) =>
        client.SendAsync(Request(HttpMethod.Put, url, body, ifMatch));

    public static Task<HttpResponseMessage> MergePatchAsync(this HttpClient client, string url, object body, string? ifMatch) =>
        client.SendAsync(Request(HttpMethod.Patch, url, body, ifMatch, "application/merge-patch+json"));

    public static Task<HttpResponseMessage> DeleteAsync(this HttpClient client, string url, string? ifMatch) =>
        client.SendAsync(Request(HttpMethod.Delete, url, null, ifMatch));

    /// <summary>A request with a body given as an object (serialised as the web does) or as raw text.</summary>
    public static HttpRequestMessage Request(HttpMethod method, string url, object? body, string? ifMatch = null, string contentType = "application/json")
    {
        var request = new HttpRequestMessage(method, url);
        if (body is not null)
        {
            var text = body as string ?? JsonSerializer.Serialize(body, JsonSerializerOptions.Web);
            request.Content = new StringContent(text, Encoding.UTF8);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }
        if (ifMatch is not null)
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return request;
    }

    /// <summary>Posts <see cref="Bodies.Meeting"/>, checks it was created, and returns the new meeting's path and ETag.</summary>
    public static async Task<(string Url, string ETag)> CreateMeetingAsync(this HttpClient client)
    {
        var response = await client.PostJsonAsync("/api/v1/meetings", Bodies.Meeting());
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (response.Headers.Location!.AbsolutePath, response.Headers.ETag!.ToString());
    }

    /// <summary>The ETag a GET of <paramref name="url"/> answers with.</summary>
    public static async Task<string> ETagAsync(this HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        response.EnsureSuccessStatusCode();
        return response.Headers.ETag?.ToString() ?? throw new InvalidOperationException($"GET {url} sent no ETag.");
    }

    public static Task<JsonElement> JsonAsync(this HttpResponseMessage response) => response.Content.ReadFromJsonAsync<JsonElement>();

    /// <summary>The field names of a validation problem.</summary>
    public static async Task<IReadOnlyList<string>> ErrorFieldsAsync(this HttpResponseMessage response)
    {
        var problem = await response.JsonAsync();
        return problem.TryGetProperty("errors", out var errors) ? errors.EnumerateObject().Select(e => e.Name).ToList() : [];
    }
}
