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
}
