namespace Api.Records;

/// <summary>
/// A kind of record that the API writes: its name in URLs and in the change log, its table, and what one of
/// them is called in messages. Each store declares its own (<see cref="IRecordStore.Resource"/>); the SQL below
/// is built from these fixed names, never from input.
/// </summary>
public sealed record Resource(string Name, string Table, string Singular)
{
    /// <summary>Locks the record's row for the rest of the transaction and reads its version (no row: null).</summary>
    public string LockSql { get; } = $"SELECT version FROM {Table} WHERE id = @id FOR UPDATE";

    /// <summary>Raises the record's version and returns the new one.</summary>
    public string BumpVersionSql { get; } = $"UPDATE {Table} SET version = version + 1 WHERE id = @id RETURNING version";

    /// <summary>Removes the record; what it owns (aliases, delegations, parties, links) goes with it by the foreign keys' cascade.</summary>
    public string DeleteSql { get; } = $"DELETE FROM {Table} WHERE id = @id";

    /// <summary>Which of <c>@ids</c> name a record of this kind.</summary>
    public string ExistingIdsSql { get; } = ExistingIds(Table, "ids");

    /// <summary>Which of the ids in the parameter <paramref name="parameter"/> (a fixed name) name a record of this kind.</summary>
    public string ExistingIdsIn(string parameter) => ExistingIds(Table, parameter);

    private static string ExistingIds(string table, string parameter) => $"SELECT id FROM {table} WHERE id = ANY(@{parameter})";
}
