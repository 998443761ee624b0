using Microsoft.AspNetCore.Mvc.Infrastructure;

namespace Api.Writes;

/// <summary>
/// One HTTP write's part in its transaction (<see cref="IWriteScope"/>): the If-Match precondition, compared with the
/// whole tag of the record as GET shows it now; the answer, read in the transaction once the write is done, so that
/// what is answered is what commits; and, for a POST with an <c>Idempotency-Key</c>, the key's lock and stored answer.
/// <see cref="WriteResponses"/> makes one for each write action.
/// </summary>
/// <typeparam name="T">What GET shows of the record.</typeparam>
public sealed class HttpWrite<T>(ControllerBase controller, Func<DbSession, Guid, Task<T?>> read) : IWriteScope where T : class
{
    /// <summary>The record the answer shows and If-Match is compared with; when null, the record the write made.</summary>
    public Guid? Id { get; init; }

    /// <summary>The request's If-Match (PUT, PATCH, DELETE); null for a create.</summary>
    public IfMatch? IfMatch { get; init; }

    /// <summary>For a create: the action whose URL is the Location, and its route values (else the record's id).</summary>
    public string? GetAction { get; init; }

    public Func<T, object>? RouteValues { get; init; }

    /// <summary>What the write's result means for this resource, when not what it says (a delegation added is a meeting updated: 201).</summary>
    public Func<WriteResult, WriteResult>? Interpret { get; init; }

    /// <summary>The POST's idempotency key, if it sent one.</summary>
    public IdempotentRequest? Idempotency { get; init; }

    /// <summary>The answer, once the writer has run.</summary>
    public WriteAnswer? Answer { get; private set; }

    private const string Savepoint = "idempotency_key";

    private HttpContext Http => controller.HttpContext;

    private IdempotencyKeys Keys => Http.RequestServices.GetRequiredService<IdempotencyKeys>();

    public async Task<bool> EnterAsync(DbSession db)
    {
        // A write tried again (after a collision) answers afresh.
        Answer = null;
        if (Idempotency is not { } request)
            return false;
        if (!await Keys.TryLockAsync(db, request))
        {
            Answer = Problem(StatusCodes.Status409Conflict,
                $"A request with this {IdempotentRequest.Header} is still being answered. Send it again in a moment to get its answer.", retryAfter: 1);
            return true;
        }
        if (await Keys.FindAsync(db, request) is { } stored)
        {
            Answer = stored.Fingerprint.AsSpan().SequenceEqual(request.Fingerprint)
                ? stored.ToAnswer()
                : Problem(StatusCodes.Status422UnprocessableEntity,
                    $"This {IdempotentRequest.Header} was sent before with another body to {request.Path}. Send a new key with a new request.");
            return true;
        }
        // A refused write is undone to here, and its answer stored after.
        await db.ExecuteAsync($"SAVEPOINT {Savepoint}");
        return false;
    }

    public async Task<WriteResult?> PreconditionAsync(DbSession db)
    {
        if (IfMatch is not { Any: false } ifMatch)
            return null;
        if (await read(db, Id!.Value) is not { } current)
            return WriteResult.NotFound();
        return ifMatch.Matches(ETags.Tagged(current).Tag) ? null : WriteResult.PreconditionFailed();
    }

    public async Task WrittenAsync(DbSession db, WriteResult written) => Answer = await AnswerAsync(db, Interpret?.Invoke(written) ?? written);

    public async Task<bool> LeaveAsync(DbSession db, WriteResult written)
    {
        Answer ??= await AnswerAsync(db, Interpret?.Invoke(written) ?? written);
        if (Idempotency is not { } request)
            return false;
        if (written.Outcome is not (WriteOutcome.Created or WriteOutcome.Updated or WriteOutcome.Deleted))
            await db.ExecuteAsync($"ROLLBACK TO SAVEPOINT {Savepoint}");
        await Keys.SaveAsync(db, request, Answer);
        return true;
    }

    private async Task<WriteAnswer> AnswerAsync(DbSession db, WriteResult result)
    {
        switch (result.Outcome)
        {
            case WriteOutcome.Deleted:
                return new WriteAnswer { Status = StatusCodes.Status204NoContent };
            case WriteOutcome.NotFound:
                return Problem(StatusCodes.Status404NotFound);
            case WriteOutcome.Invalid:
                return Send(WriteResponses.ValidationProblem(Http, result.Errors));
            case WriteOutcome.Conflict:
                return Problem(StatusCodes.Status409Conflict, result.Detail);
            case WriteOutcome.PreconditionFailed:
                return Problem(StatusCodes.Status412PreconditionFailed, result.Detail);
        }
        // Read in the write's transaction: what it wrote, whatever commits after it.
        if (await read(db, Id ?? result.Id) is not { } record)
            return Problem(StatusCodes.Status404NotFound);
        var (body, tag) = ETags.Tagged(record);
        if (result.Outcome != WriteOutcome.Created)
            return new WriteAnswer { Status = StatusCodes.Status200OK, ContentType = WriteAnswer.JsonContentType, Body = body, ETag = tag };
        var location = controller.Url.Action(GetAction, null, RouteValues?.Invoke(record) ?? new { id = Id ?? result.Id },
            Http.Request.Scheme, Http.Request.Host.ToUriComponent());
        return new WriteAnswer { Status = StatusCodes.Status201Created, ContentType = WriteAnswer.JsonContentType, Body = body, Location = location, ETag = tag };
    }

    private WriteAnswer Problem(int status, string? detail = null, int? retryAfter = null) =>
        Send(Http.RequestServices.GetRequiredService<ProblemDetailsFactory>().CreateProblemDetails(Http, status, detail: detail), retryAfter);

    private static WriteAnswer Send(ProblemDetails problem, int? retryAfter = null) => new()
    {
        Status = problem.Status!.Value,
        ContentType = WriteAnswer.ProblemContentType,
        Body = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(problem, problem.GetType(), Documents.Options),
        RetryAfter = retryAfter,
    };
}
