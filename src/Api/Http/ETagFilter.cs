using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Api.Http;

/// <summary>
/// HTTP caching for what GET answers: a strong ETag on every 200 (a versioned record's from its version and
/// body, anything else's from its body), <c>Cache-Control: no-cache</c> so clients and proxies keep it but
/// ask again, and 304 with no body when <c>If-None-Match</c> names the current ETag. Writes answered with a
/// record carry its ETag too. Pages also get a <c>Link: rel="next"</c> header and, when counted, <c>X-Total-Count</c>.
/// </summary>
public sealed class ETagFilter(IOptions<JsonOptions> json) : IAsyncResultFilter
{
    public Task OnResultExecutionAsync(ResultExecutingContext context, ResultExecutionDelegate next)
    {
        var http = context.HttpContext;
        var read = HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method);
        if (context.Result is ObjectResult { Value: { } value } result && result.StatusCode is null or 200 or 201 && (read || value is IVersioned or JsonBytes))
        {
            // A body PostgreSQL built goes out as it came.
            var body = value is JsonBytes sent ? sent.Utf8 : JsonSerializer.SerializeToUtf8Bytes(value, value.GetType(), json.Value.JsonSerializerOptions);
            var version = (value as JsonBytes)?.Version ?? (value as IVersioned)?.Version;
            var tag = version is { } v ? ETags.For(v, body) : ETags.For(body);
            if (value is IPage page)
                PageHeaders(http, page);
            if (read && result.StatusCode is null or 200)
                // The body is serialised already, for its digest: send those bytes rather than serialise it again.
                context.Result = Answer(http, tag, body, JsonContentType);
            else
                http.Response.Headers.ETag = tag;
        }
        return next();
    }

    private const string JsonContentType = "application/json; charset=utf-8";

    /// <summary>
    /// The answer to a read of <paramref name="body"/> tagged <paramref name="tag"/>: the tag and <c>Cache-Control: no-cache</c>,
    /// and 304 with no body when If-None-Match names the tag.
    /// </summary>
    public static IActionResult Answer(HttpContext http, string? tag, byte[] body, string contentType)
    {
        http.Response.Headers.CacheControl = "no-cache";
        if (tag is not { Length: > 0 })
            return new FileContentResult(body, contentType);
        http.Response.Headers.ETag = tag;
        return NoneMatch(http.Request, tag) ? new StatusCodeResult(StatusCodes.Status304NotModified) : new FileContentResult(body, contentType);
    }

    /// <summary>Whether the request's If-None-Match names <paramref name="tag"/> (or *): the weak comparison, W/"x" matches "x".</summary>
    public static bool NoneMatch(HttpRequest request, string tag) =>
        request.GetTypedHeaders().IfNoneMatch.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(new EntityTagHeaderValue(tag), useStrongComparison: false));

    private static void PageHeaders(HttpContext http, IPage page)
    {
        if (page.Total is { } total)
            http.Response.Headers["X-Total-Count"] = total.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (page.NextCursor is not { } cursor)
            return;
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(http.Request.QueryString.Value);
        query["cursor"] = cursor;
        var next = Microsoft.AspNetCore.Http.Extensions.UriHelper.BuildAbsolute(http.Request.Scheme, http.Request.Host, http.Request.PathBase,
            http.Request.Path, QueryString.Create(query));
        http.Response.Headers.Link = $"<{next}>; rel=\"next\"";
    }
}
