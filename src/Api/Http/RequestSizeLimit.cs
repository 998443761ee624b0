using Microsoft.AspNetCore.Http.Features;

namespace Api.Http;

/// <summary>
/// Refuses a body larger than the limit with 413 as soon as its Content-Length says so, and caps a body
/// sent without one (chunked) at the same size, so no request makes the server buffer more than that.
/// </summary>
public sealed class RequestSizeLimit(RequestDelegate next, long maxBytes)
{
    public async Task InvokeAsync(HttpContext context, IProblemDetailsService problems)
    {
        if (context.Request.ContentLength > maxBytes)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = new ProblemDetails
                {
                    Status = StatusCodes.Status413PayloadTooLarge,
                    Title = "Content too large",
                    Detail = $"The body has {context.Request.ContentLength} bytes; the most this API accepts is {maxBytes}.",
                },
            });
            return;
        }
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = maxBytes;
        await next(context);
    }
}
