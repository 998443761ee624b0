namespace Api.Records;

/// <summary>A store, whatever its documents: which resource it writes.</summary>
public interface IRecordStore
{
    /// <summary>The resource: its name in URLs and in the change log (<c>meetings</c>, <c>persons</c>, …), its table, its singular.</summary>
    Resource Resource { get; }
}

/// <summary>
/// How one kind of record is read and written inside a caller's transaction, as the request body that
/// creates it (its "document"). <see cref="RecordWriter"/> and the seed import drive every write through
/// this: the writer locks the row (<see cref="Resource.LockSql"/>), the store loads the document, the writer compares,
/// the store writes, the writer raises the version and logs the change.
/// </summary>
/// <typeparam name="TDoc">The request body of the resource, e.g. <c>MeetingRequest</c>.</typeparam>
public interface IRecordStore<TDoc> : IRecordStore where TDoc : class
{
    /// <summary>The record as a document; the writer has locked its row and found it there. By default its row alone (<see cref="Resource.RowSql"/>).</summary>
    Task<TDoc> LoadAsync(DbSession db, Guid id) => Resource.LoadRowAsync<TDoc>(db, id);

    /// <summary>Inserts the record, or replaces it and everything it owns (aliases, delegations, parties, links).</summary>
    Task WriteAsync(DbSession db, Guid id, TDoc doc);

    /// <summary>The same document with its sets (topic ids, aliases, links) in a fixed order, so equal records serialise equally.</summary>
    TDoc Canonical(TDoc doc) => doc;

    /// <summary>Every id the document refers to, with the field that holds it.</summary>
    IEnumerable<Reference> References(TDoc doc) => [];

    /// <summary>Problems only the database can see, such as a parent that would make a cycle.</summary>
    Task<IReadOnlyList<FieldError>> CheckAsync(DbSession db, Guid id, TDoc doc) => Task.FromResult<IReadOnlyList<FieldError>>([]);

    /// <summary>The records that still refer to this one, described for a person ("meeting 8993f035-…"); a delete is refused while there are any.</summary>
    Task<IReadOnlyList<string>> ReferrersAsync(DbSession db, Guid id);

    /// <summary>What the store keeps beside its records, made right once the row of <paramref name="doc"/> is deleted (its own rows go by cascade).</summary>
    Task DeletedAsync(DbSession db, Guid id, TDoc doc) => Task.CompletedTask;
}
