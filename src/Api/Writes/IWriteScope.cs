namespace Api.Writes;

/// <summary>
/// What the transaction of a write does for whoever asked for it, besides the record: an HTTP request's precondition
/// (If-Match against the tag of the record as it is now), its answer (read inside the transaction, so that a commit is
/// answered with what it wrote and a failure before it wrote nothing) and its idempotency key (stored with the
/// answer, in the same transaction). <see cref="RecordWriter"/> calls it at these points.
/// </summary>
public interface IWriteScope
{
    /// <summary>
    /// First in the transaction. True when the request is answered without writing: an answer stored under its
    /// idempotency key, or the same key in flight.
    /// </summary>
    Task<bool> EnterAsync(DbSession db);

    /// <summary>Once the record is locked and found, before it is changed: null to go on, otherwise the refusal (412, or 404).</summary>
    Task<WriteResult?> PreconditionAsync(DbSession db);

    /// <summary>
    /// Once the record is written (its version raised), before the change is logged: the answer, read in the
    /// transaction while the change log's lock is not yet held.
    /// </summary>
    Task WrittenAsync(DbSession db, WriteResult result);

    /// <summary>
    /// Last before the commit, whatever the write did or refused: the answer, unless <see cref="WrittenAsync"/> read
    /// it. True when the scope wrote something of its own that must be committed although the write was refused (a
    /// stored answer).
    /// </summary>
    Task<bool> LeaveAsync(DbSession db, WriteResult result);
}
