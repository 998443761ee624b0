namespace Api.Writes;

/// <summary>
/// The answer to a write, whole: status, body and the headers that belong to it (Location, ETag). Built inside the
/// write's transaction (<see cref="HttpWrite{T}"/>), sent as it is, and stored as it is under an idempotency key, so
/// that a retry gets the same bytes (<see cref="Replayed"/> then says so in <c>Idempotent-Replayed: true</c>).
/// </summary>
public sealed class WriteAnswer : ActionResult
{
    public const string JsonContentType = "application/json; charset=utf-8", ProblemContentType = "application/problem+json; charset=utf-8";

    public required int Status { get; init; }

    public string? ContentType { get; init; }

    public byte[]? Body { get; init; }

    public string? Location { get; init; }

    public string? ETag { get; init; }

    /// <summary>Sent again from what an earlier request with the same idempotency key stored.</summary>
    public bool Replayed { get; init; }

    /// <summary>Seconds to wait before sending the request again (a key still in flight).</summary>
    public int? RetryAfter { get; init; }

    public override async Task ExecuteResultAsync(ActionContext context)
    {
        var response = context.HttpContext.Response;
        response.StatusCode = Status;
        if (Location is not null)
            response.Headers.Location = Location;
        if (ETag is not null)
            response.Headers.ETag = ETag;
        if (Replayed)
            response.Headers["Idempotent-Replayed"] = "true";
        if (RetryAfter is { } seconds)
            response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (Body is null)
            return;
        response.ContentType = ContentType;
        response.ContentLength = Body.Length;
        await response.Body.WriteAsync(Body, context.HttpContext.RequestAborted);
    }
}
