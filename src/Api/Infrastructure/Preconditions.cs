using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Api.Infrastructure;

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
        $"\"{version}.{Convert.ToHexStringLower(SHA256.HashData(body))[..16]}\"";

    /// <summary>The version an entity tag from <see cref="For"/> names, or null for a weak or foreign tag.</summary>
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
/// Sends the ETag of every versioned record a response carries, and answers a GET whose
/// <c>If-None-Match</c> names it with 304 and no body.
/// </summary>
public sealed class ETagFilter(IOptions<JsonOptions> json) : IAsyncResultFilter
{
    public Task OnResultExecutionAsync(ResultExecutingContext context, ResultExecutionDelegate next)
    {
        if (context.Result is ObjectResult { Value: IVersioned record } result && result.StatusCode is null or 200 or 201)
        {
            var body = JsonSerializer.SerializeToUtf8Bytes(record, record.GetType(), json.Value.JsonSerializerOptions);
            var tag = ETags.For(record.Version, body);
            var http = context.HttpContext;
            http.Response.Headers.ETag = tag;
            if (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))
            {
                // If-None-Match uses the weak comparison: W/"x" matches "x".
                var ifNoneMatch = http.Request.GetTypedHeaders().IfNoneMatch;
                if (ifNoneMatch.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(new EntityTagHeaderValue(tag), useStrongComparison: false)))
                    context.Result = new StatusCodeResult(StatusCodes.Status304NotModified);
            }
        }
        return next();
    }
}
