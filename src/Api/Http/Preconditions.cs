using System.Security.Cryptography;
using System.Text.Json;
using Api.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Api.Http;

/// <summary>A record whose single-record GET carries an ETag: the row's version, raised by every change.</summary>
public interface IVersioned
{
    long Version { get; }
}

/// <summary>
/// ETags are <c>"&lt;version&gt;.&lt;digest of the body&gt;"</c>. The version is what <c>If-Match</c> is checked
/// against, so a write goes through only against the version the client read. The digest changes when
/// something the record shows from another record changes (a person's name in a delegation), so that
/// <c>If-None-Match</c> never answers 304 for a body that is not the same.
/// </summary>
public static class ETags
{
    public static string For(long version, ReadOnlySpan<byte> body) =>
        $"\"{version}.{Digest(body)}\"";

    /// <summary>The ETag of a response that is no one record (a list, a country): its body's digest.</summary>
    public static string For(ReadOnlySpan<byte> body) => $"\"{Digest(body)}\"";

    private static string Digest(ReadOnlySpan<byte> body) => Convert.ToHexStringLower(SHA256.HashData(body))[..16];

    /// <summary>The version a versioned record's entity tag names, or null for a weak or foreign tag.</summary>
    public static long? VersionOf(string tag)
    {
        if (tag.Length < 3 || tag[0] != '"' || tag[^1] != '"')
            return null;
        var inner = tag[1..^1];
        var dot = inner.IndexOf('.');
        return long.TryParse(dot < 0 ? inner : inner[..dot], out var version) ? version : null;
    }
}

/// <summary>The <c>If-Match</c> of a request: <c>*</c>, or the entity tags it lists.</summary>
public sealed record IfMatch(bool Any, IReadOnlyList<string> Tags)
{
    public static IfMatch? From(HttpRequest request)
    {
        var values = request.Headers.IfMatch;
        if (values.Count == 0)
            return null;
        var tags = values.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).ToList();
        return new IfMatch(tags.Contains("*"), tags);
    }

    /// <summary>Strong comparison (RFC 9110): a weak tag never matches; <c>*</c> matches any version.</summary>
    public bool Matches(long version) => Any || Tags.Any(t => ETags.VersionOf(t) == version);
}

/// <summary>
/// PUT, PATCH and DELETE must say which version they change: without <c>If-Match</c> the answer is 428,
/// before the body is even read.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RequireIfMatchAttribute : Attribute, IResourceFilter
{
    public void OnResourceExecuting(ResourceExecutingContext context)
    {
        if (context.HttpContext.Request.Headers.IfMatch.Count > 0)
            return;
        var problems = context.HttpContext.RequestServices.GetRequiredService<ProblemDetailsFactory>();
        var problem = problems.CreateProblemDetails(context.HttpContext, StatusCodes.Status428PreconditionRequired,
            detail: "Send the ETag of the version you read in If-Match (GET the record first), so that no one else's change is overwritten.");
        context.Result = new ObjectResult(problem) { StatusCode = problem.Status, ContentTypes = { "application/problem+json" } };
    }

    public void OnResourceExecuted(ResourceExecutedContext context)
    {
    }
}

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
        if (context.Result is ObjectResult { Value: { } value } result && result.StatusCode is null or 200 or 201 && (read || value is IVersioned))
        {
            var body = JsonSerializer.SerializeToUtf8Bytes(value, value.GetType(), json.Value.JsonSerializerOptions);
            var tag = value is IVersioned record ? ETags.For(record.Version, body) : ETags.For(body);
            http.Response.Headers.ETag = tag;
            if (value is IPage page)
                PageHeaders(http, page);
            if (read)
            {
                http.Response.Headers.CacheControl = "no-cache";
                // If-None-Match uses the weak comparison: W/"x" matches "x".
                var ifNoneMatch = http.Request.GetTypedHeaders().IfNoneMatch;
                if (ifNoneMatch.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(new EntityTagHeaderValue(tag), useStrongComparison: false)))
                    context.Result = new StatusCodeResult(StatusCodes.Status304NotModified);
                else if (result.StatusCode is null or 200)
                    // The body is serialised already, for its digest: send those bytes rather than serialise it again.
                    context.Result = new FileContentResult(body, "application/json; charset=utf-8");
            }
        }
        return next();
    }

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
