using Microsoft.AspNetCore.Http.Features;

namespace Api.Http;

/// <summary>
/// The request limits this API documents, enforced first and answered as problem details: a request line over
/// <see cref="MaxRequestLineBytes"/> is 414, more than <see cref="MaxHeaderCount"/> headers or over
/// <see cref="MaxHeaderBytes"/> of them 431, and a body larger than the limit 413 as soon as its Content-Length says so
/// (a body sent without one, chunked, is capped at the same size, so no request makes the server buffer more than
/// that). Kestrel's own hard limits are set above these (<see cref="KestrelHeadroom"/>), so that its bare answers are
/// reached only by what no client sends in earnest.
/// </summary>
public sealed class RequestSizeLimit(RequestDelegate next, long maxBytes)
{
    public const int MaxRequestLineBytes = 8 * 1024, MaxHeaderCount = 100, MaxHeaderBytes = 32 * 1024, KestrelHeadroom = 2;

    public async Task InvokeAsync(HttpContext context, IProblemDetailsService problems)
    {
        var request = context.Request;
        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget is { Length: > 0 } raw ? raw : $"{request.PathBase}{request.Path}{request.QueryString}";
        var lineBytes = request.Method.Length + 1 + target.Length + 1 + request.Protocol.Length;
        var headerBytes = request.Headers.Sum(h => h.Key.Length + 2 + h.Value.Sum(v => v?.Length ?? 0));
        var refusal =
            lineBytes > MaxRequestLineBytes
                ? (StatusCodes.Status414UriTooLong, "URI too long",
                    $"The request line has {lineBytes} bytes; the most this API accepts is {MaxRequestLineBytes}. Send fewer or shorter query parameters.")
            : request.Headers.Count > MaxHeaderCount || headerBytes > MaxHeaderBytes
                ? (StatusCodes.Status431RequestHeaderFieldsTooLarge, "Request header fields too large",
                    $"The request has {request.Headers.Count} headers of {headerBytes} bytes; the most this API accepts is {MaxHeaderCount} headers of {MaxHeaderBytes} bytes in all.")
            : request.ContentLength > maxBytes
                ? (StatusCodes.Status413PayloadTooLarge, "Content too large",
                    $"The body has {request.ContentLength} bytes; the most this API accepts is {maxBytes}.")
            : ((int Status, string Title, string Detail)?)null;
        if (refusal is var (status, title, detail))
        {
            context.Response.StatusCode = status;
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
            });
            return;
        }
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = maxBytes;
        await next(context);
    }
}
