namespace Api.Data;

/// <summary>Reads one record of a resource by id, as GET shows it: its repository's side of the read/write split.</summary>
public interface IRecordReader<TResponse> where TResponse : class
{
    /// <summary>The record; null when there is none (or it was retired).</summary>
    Task<TResponse?> GetAsync(Guid id);

    /// <summary>The record as <see cref="GetAsync(Guid)"/> reads it, on the caller's session: a write reads its answer inside its own transaction.</summary>
    Task<TResponse?> GetAsync(DbSession db, Guid id);
}
