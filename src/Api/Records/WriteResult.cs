namespace Api.Records;

/// <summary>What a write did, or why it did nothing. Expected refusals are results, not exceptions.</summary>
public sealed record WriteResult(WriteOutcome Outcome, Guid Id = default, long Version = 0)
{
    public IReadOnlyList<FieldError> Errors { get; init; } = [];

    public string? Detail { get; init; }

    public bool Succeeded => Outcome is WriteOutcome.Created or WriteOutcome.Updated or WriteOutcome.Unchanged or WriteOutcome.Deleted;

    public static WriteResult NotFound() => new(WriteOutcome.NotFound);

    public static WriteResult Invalid(IReadOnlyList<FieldError> errors) => new(WriteOutcome.Invalid) { Errors = errors };

    public static WriteResult Invalid(string field, string message) => Invalid([new FieldError(field, message)]);

    public static WriteResult Conflict(string detail) => new(WriteOutcome.Conflict) { Detail = detail };

    public static WriteResult PreconditionFailed() => new(WriteOutcome.PreconditionFailed)
    {
        Detail = "The record has changed since the version your If-Match names. GET it again, apply your change to what it is now, and send its new ETag.",
    };
}
