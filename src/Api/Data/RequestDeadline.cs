namespace Api.Data;

/// <summary>
/// When the work of the current request must stop: when its client goes away (HTTP's RequestAborted), or when it has not
/// begun its answer within the request timeout (<see cref="SecondsKey"/>, default 10 s). Every database session of the
/// request carries it, so a stalled or frozen database cancels the request's statement — Npgsql cancels it in
/// PostgreSQL too — and the request is answered 503 (<see cref="Http.ExceptionHandler"/>), a lock wait included. Once the
/// answer has begun (an export streaming its rows) only the client's leaving stops it. Outside a request (the
/// migration job) nothing does.
/// </summary>
public sealed class RequestDeadline : IDisposable
{
    public const string SecondsKey = "Api:RequestTimeoutSeconds";

    public const double DefaultSeconds = 10;

    private readonly CancellationTokenSource? _source;

    public RequestDeadline(IHttpContextAccessor http, RequestTimeout timeout)
    {
        if (http.HttpContext is not { } context)
            return;
        var source = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        source.CancelAfter(timeout.Value);
        context.Response.OnStarting(() =>
        {
            source.CancelAfter(Timeout.InfiniteTimeSpan);
            return Task.CompletedTask;
        });
        _source = source;
    }

    public CancellationToken Token => _source?.Token ?? CancellationToken.None;

    public void Dispose() => _source?.Dispose();
}

/// <summary>How long a request may take to begin its answer (<see cref="RequestDeadline"/>).</summary>
public sealed record RequestTimeout(TimeSpan Value);
