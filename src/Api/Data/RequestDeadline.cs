namespace Api.Data;

/// <summary>
/// When the work of the current request must stop: when its client goes away (HTTP's RequestAborted), or when it has not
/// begun its answer within the request timeout (<see cref="SecondsKey"/>, default 10 s). Every database session of the
/// request carries it, so a stalled or frozen database cancels the request's statement — Npgsql cancels it in
/// PostgreSQL too — and the request is answered 503 (<see cref="Http.ExceptionHandler"/>), a lock wait included. Once the
/// answer has begun (an export streaming its rows) it is never cut after a fixed time: only when it stops moving for
/// the idle timeout (<see cref="IdleSecondsKey"/>, default 30 s; the export calls <see cref="Progressed"/> as its rows go
/// out), a database that stops answering or a client that stops reading. Outside a request (the migration job) nothing
/// stops it.
/// </summary>
public sealed class RequestDeadline : IDisposable
{
    public const string SecondsKey = "Api:RequestTimeoutSeconds", IdleSecondsKey = "Api:ExportIdleTimeoutSeconds";

    public const double DefaultSeconds = 10, DefaultIdleSeconds = 30;

    private readonly CancellationTokenSource? _source;

    private readonly TimeSpan _idle;

    private bool _started;

    public RequestDeadline(IHttpContextAccessor http, RequestTimeout timeout)
    {
        _idle = timeout.Idle;
        if (http.HttpContext is not { } context)
            return;
        var source = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        source.CancelAfter(timeout.Value);
        context.Response.OnStarting(() =>
        {
            _started = true;
            source.CancelAfter(_idle);
            return Task.CompletedTask;
        });
        _source = source;
    }

    public CancellationToken Token => _source?.Token ?? CancellationToken.None;

    /// <summary>The answer has moved on (a batch of an export's rows has gone out): the idle timeout starts again.</summary>
    public void Progressed()
    {
        if (_started)
            _source?.CancelAfter(_idle);
    }

    public void Dispose() => _source?.Dispose();
}

/// <summary>How long a request may take to begin its answer, and an answer that has begun may stand still (<see cref="RequestDeadline"/>).</summary>
public sealed record RequestTimeout(TimeSpan Value, TimeSpan Idle);
