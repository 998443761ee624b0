using Microsoft.AspNetCore.Diagnostics;
using Npgsql;

namespace Api.Http;

/// <summary>
/// The one place where exceptions become responses: constraint violations a client caused are 4xx, a database
/// that is down, starting, restarting or busy is a 503 with Retry-After whose detail says which, anything else is a
/// logged 500 that shows no internals.
/// </summary>
public sealed class ExceptionHandler(IProblemDetailsService problems, ILogger<ExceptionHandler> logger) : IExceptionHandler
{
    /// <summary>When the stack of each kind of failure (exception type and the method that threw) was last logged, in ms.</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, long> _stackLogged = new();

    /// <summary>A failure's stack is logged at most once a minute: the same bug under load would fill the log with copies.</summary>
    private bool StackIsDue(Exception exception)
    {
        var now = Environment.TickCount64;
        var key = $"{exception.GetType().FullName}@{exception.TargetSite}";
        var last = _stackLogged.GetOrAdd(key, now - 60_001);
        return now - last > 60_000 && _stackLogged.TryUpdate(key, now, last);
    }

    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title, detail) = exception switch
        {
            PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } unique =>
                (StatusCodes.Status409Conflict, "Conflict", unique.ConstraintName switch
                {
                    "uq_topics_code" => "A topic with this code already exists.",
                    "ux_sources_url" => "A source with this URL is already recorded; refer to it instead.",
                    _ => "A record with the same key already exists.",
                }),
            // A delete that a concurrent write made refer to: the record is still in use.
            PostgresException { SqlState: PostgresErrorCodes.ForeignKeyViolation } when HttpMethods.IsDelete(context.Request.Method) =>
                (StatusCodes.Status409Conflict, "Conflict", "Other records still refer to this one."),
            // A record referred to was removed between the check and the write.
            PostgresException { SqlState: PostgresErrorCodes.ForeignKeyViolation } =>
                (StatusCodes.Status400BadRequest, "Bad request", "The request refers to a record that does not exist."),
            // Two transactions waited on each other (a write beside the migration job): retrying succeeds.
            PostgresException { SqlState: PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure } =>
                (StatusCodes.Status503ServiceUnavailable, "Service unavailable", "The write collided with another one and was undone; send it again."),
            // The database is starting, stopping or restarting (a fast stop ends every session with 57P01): a retry soon succeeds.
            PostgresException { SqlState: PostgresErrorCodes.CannotConnectNow } =>
                (StatusCodes.Status503ServiceUnavailable, "Service unavailable", "The database is starting up or shutting down; try again shortly."),
            PostgresException { SqlState: PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown } or PostgresException { SqlState: ['0', '8', ..] } =>
                (StatusCodes.Status503ServiceUnavailable, "Service unavailable", "The database connection was lost; try again shortly."),
            // Out of connections or resources, a lock or statement that waited too long: the database is there but busy.
            PostgresException
            {
                SqlState: PostgresErrorCodes.TooManyConnections or PostgresErrorCodes.InsufficientResources or PostgresErrorCodes.OutOfMemory
                or PostgresErrorCodes.ConfigurationLimitExceeded or PostgresErrorCodes.LockNotAvailable or PostgresErrorCodes.QueryCanceled
            } or NpgsqlException { InnerException: TimeoutException } =>
                (StatusCodes.Status503ServiceUnavailable, "Service unavailable", "The database is busy and did not answer in time; try again shortly."),
            // The database is down or unreachable: nothing the client did, and worth a retry later.
            NpgsqlException { InnerException: not PostgresException } and not PostgresException =>
                (StatusCodes.Status503ServiceUnavailable, "Service unavailable", "The database is not available; try again shortly."),
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } =>
                (StatusCodes.Status413PayloadTooLarge, "Content too large", "The body is larger than this API accepts."),
            // 408 for a body sent too slowly (Kestrel's minimum data rate), 400 for one that cannot be read.
            BadHttpRequestException bad =>
                (bad.StatusCode, Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(bad.StatusCode),
                    bad.StatusCode == StatusCodes.Status408RequestTimeout ? "The body came too slowly; send it again." : "The request could not be read."),
            OperationCanceledException when context.RequestAborted.IsCancellationRequested =>
                (499, "Client closed request", (string?)null),
            // Not the client: the request's deadline passed while the database had not answered (RequestDeadline).
            OperationCanceledException =>
                (StatusCodes.Status503ServiceUnavailable, "Service unavailable", "The database is busy and did not answer within the request's time; try again shortly."),
            _ => (StatusCodes.Status500InternalServerError, "An unexpected error occurred", (string?)null),
        };

        // A database that is away or busy is not a bug: one line each, without the stack (an outage would log thousands).
        if (status == StatusCodes.Status503ServiceUnavailable)
            logger.LogWarning("Request {Method} {Path} answered 503: {Detail} ({Error}: {Message})", context.Request.Method, context.Request.Path, detail,
                exception.GetType().Name, exception is PostgresException pg ? pg.SqlState : exception.Message);
        else if (status >= 500 && StackIsDue(exception))
            logger.LogError(exception, "Unhandled exception for {Method} {Path}", context.Request.Method, context.Request.Path);
        else if (status >= 500)
            logger.LogError("Unhandled exception for {Method} {Path}: {Error}: {Message} (its stack was logged within the last minute)",
                context.Request.Method, context.Request.Path, exception.GetType().Name, exception.Message);
        else
            logger.LogInformation("Request {Method} {Path} failed with {Status}: {Message}", context.Request.Method, context.Request.Path, status, exception.Message);

        context.Response.StatusCode = status;
        if (status == StatusCodes.Status503ServiceUnavailable)
            context.Response.Headers.RetryAfter = "5";
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        });
    }
}
