namespace Api.Records;

public enum WriteOutcome
{
    Created,
    Updated,
    Unchanged,
    Deleted,
    NotFound,
    PreconditionFailed,
    Invalid,
    Conflict,

    /// <summary>Answered by the write's scope before anything was written: a stored answer replayed, or its idempotency key in flight.</summary>
    Answered,
}
