using Microsoft.AspNetCore.Mvc.Filters;

namespace Api.Caching;

/// <summary>
/// A GET whose 200 answers <see cref="ResponseCache"/> may keep and send again, body and headers as they were, until
/// a record changes. It runs after authentication and authorization (middleware), so a cached answer goes only to a
/// caller who may read it; <c>If-None-Match</c> is answered from the cache too.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class CachedReadAttribute : Attribute, IFilterFactory
{
    public bool IsReusable => true;

    public IFilterMetadata CreateInstance(IServiceProvider serviceProvider) => serviceProvider.GetRequiredService<CachedReadFilter>();
}

/// <summary>The work of <see cref="CachedReadAttribute"/>.</summary>
public sealed class CachedReadFilter(ResponseCache cache) : IAsyncResourceFilter
{
    public async Task OnResourceExecutionAsync(ResourceExecutingContext context, ResourceExecutionDelegate next)
    {
        var http = context.HttpContext;
        if (!cache.Enabled || !HttpMethods.IsGet(http.Request.Method))
        {
            await next();
            return;
        }
        var request = http.Request;
        // The answer depends on the path and query, and on Accept (a list may answer CSV); Link headers name the host.
        var key = $"{request.Host}{request.PathBase}{request.Path}{request.QueryString}\n{request.Headers.Accept}";
        if (cache.TryGet(key, out var hit))
        {
            context.Result = Replay(http, hit);
            return;
        }
        var before = cache.State;
        if (!before.Live)
        {
            await next();
            return;
        }
        // How far the change log of the database that answers reaches, read before the data: a fill from a database
        // behind what this process has heard of is not kept.
        long? stamp = null;
        if (cache.ReadsMayLag)
        {
            await using var db = await http.RequestServices.GetRequiredService<Database>().OpenAsync();
            stamp = await db.ScalarAsync<long>(ChangeListener.HorizonSql);
        }
        var executed = await next();
        if (executed.Exception is null && http.Response.StatusCode == StatusCodes.Status200OK && executed.Result is FileContentResult sent)
        {
            var headers = http.Response.Headers;
            cache.Store(key, before, stamp, new CachedResponse(before.Generation, sent.FileContents, sent.ContentType,
                headers.ETag.ToString(), NullIfEmpty(headers.Link.ToString()), NullIfEmpty(headers["X-Total-Count"].ToString())));
        }
    }

    private static IActionResult Replay(HttpContext http, CachedResponse hit)
    {
        var headers = http.Response.Headers;
        if (hit.Link is not null)
            headers.Link = hit.Link;
        if (hit.TotalCount is not null)
            headers["X-Total-Count"] = hit.TotalCount;
        return ETagFilter.Answer(http, hit.ETag, hit.Body, hit.ContentType);
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
