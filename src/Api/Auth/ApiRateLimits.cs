using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Api.Auth;

/// <summary>
/// The write rate limit: a fixed window per key name (<c>RateLimits:Writes</c>). Partitioning by name rather
/// than by key means a person's old and new keys, during a rotation, share one allowance. The counters live
/// in each API process, so with N replicas a key may make up to N times the limit.
/// </summary>
internal static class ApiRateLimits
{
    public static void Configure(RateLimiterOptions options)
    {
        options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        options.AddPolicy(ApiPolicies.WriteRateLimit, context =>
        {
            var limits = context.RequestServices.GetRequiredService<IOptions<WriteRateLimitOptions>>().Value;
            // Authorization runs first, so a write that gets here has a key; anonymous callers (should the
            // policy ever go on an open action) share one window per address instead.
            var partition = context.User.Identity?.Name is { } name ? $"key:{name}" : $"address:{context.Connection.RemoteIpAddress}";
            return RateLimitPartition.GetFixedWindowLimiter(partition, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = limits.PermitLimit,
                Window = TimeSpan.FromSeconds(limits.WindowSeconds),
                QueueLimit = 0,
            });
        });
        options.OnRejected = async (rejected, _) =>
        {
            var context = rejected.HttpContext;
            var limits = context.RequestServices.GetRequiredService<IOptions<WriteRateLimitOptions>>().Value;
            var retry = "";
            if (rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
            {
                var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
                context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                retry = $" Retry after {seconds} seconds.";
            }
            var who = context.User.Identity?.Name is { } name ? $"The API key '{name}'" : "This client";
            await ApiProblem.WriteAsync(context, StatusCodes.Status429TooManyRequests, "Too many requests",
                $"{who} has made the {limits.PermitLimit} writes allowed per {limits.WindowSeconds} seconds.{retry}");
        };
    }
}
