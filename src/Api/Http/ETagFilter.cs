using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Net.Http.Headers;

namespace Api.Http;

/// <summary>
/// HTTP caching for what GET answers: a strong ETag on every 200 (a versioned record's from its version and
/// body, anything else's from its body), <c>Cache-Control: no-cache</c> so clients and proxies keep it but
/// ask again, and 304 with no body when <c>If-None-Match</c> names the current ETag (writes tag their answers
/// themselves: <see cref="Writes.HttpWrite{T}"/>). Pages also get a <c>Link: rel="next"</c> header and, when counted, <c>X-Total-Count</c>.
/// </summary>
public sealed class ETagFilter : IAsyncResultFilter
{
    public Task OnResultExecutionAsync(ResultExecutingContext context, ResultExecutionDelegate next)
    {
        var http = context.HttpContext;
        var read = HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method);
        if (read && context.Result is ObjectResult { Value: { } value, StatusCode: null or 200 })
        {
            var (body, tag) = ETags.Tagged(value);
            if (value is IPage page)
                PageHeaders(http, page);
            // The body is serialised already, for its digest: send those bytes rather than serialise it again.
            context.Result = Answer(http, tag, body, JsonContentType);
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
