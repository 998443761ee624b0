namespace Api.Records;

/// <summary>
/// A kind of record that the API writes: its name in URLs and in the change log, its table, what one of them is
/// called in messages, and the columns of its row that its document holds. Each store declares its own
/// (<see cref="IRecordStore.Resource"/>); the SQL below is built from these fixed names, never from input.
/// </summary>
/// <param name="Columns">The row's columns but id and version, in snake case; the document names each in Pascal case
/// (<c>title_en</c>: <c>TitleEn</c>), as Dapper reads them and as <see cref="UpsertRowSql"/> takes them.</param>
/// <param name="Derived">Columns the store fills from the document when it writes the row (named alike) but that the
/// document does not read back: what other reads take off the row, such as an export's lists.</param>
public sealed record Resource(string Name, string Table, string Singular, IReadOnlyList<string> Columns, IReadOnlyList<string>? Derived = null)
{
    /// <summary>The record's row, read as its document (what the document holds beside the row, its store adds).</summary>
    public string RowSql { get; } = $"SELECT {string.Join(", ", Columns)} FROM {Table} WHERE id = @id";

    /// <summary>The row of record <paramref name="id"/>, which the writer has locked and found, read as its document (<see cref="RowSql"/>).</summary>
    public async Task<TDoc> LoadRowAsync<TDoc>(DbSession db, Guid id) => (await db.SingleOrDefaultAsync<TDoc>(RowSql, new { id }))!;

    /// <summary>Inserts the record's row, or sets each of its columns: parameters <c>@id</c> and each column in Pascal case.</summary>
    public string UpsertRowSql { get; } = Upsert(Table, [.. Columns, .. Derived ?? []]);

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

    /// <summary>
    /// Whether <c>@id</c> is <c>@parentId</c> or one of its ancestors by <paramref name="parentColumn"/> (a fixed name): taking
    /// that parent would close a loop (an organisation's parent, a side meeting's main meeting).
    /// </summary>
    public string InAncestrySql(string parentColumn) => $"""
        WITH RECURSIVE ancestors AS (
            SELECT id, {parentColumn} FROM {Table} WHERE id = @parentId
            UNION
            SELECT r.id, r.{parentColumn} FROM {Table} r JOIN ancestors a ON r.id = a.{parentColumn}
        )
        SELECT @id = @parentId OR EXISTS (SELECT 1 FROM ancestors WHERE id = @id)
        """;

    private static string Upsert(string table, IReadOnlyList<string> columns) => $"""
        INSERT INTO {table} AS x (id, {string.Join(", ", columns)})
        VALUES (@id, {string.Join(", ", columns.Select(c => "@" + Pascal(c)))})
        ON CONFLICT (id) DO UPDATE SET {string.Join(", ", columns.Select(c => $"{c} = EXCLUDED.{c}"))}
        """;

    private static string ExistingIds(string table, string parameter) => $"SELECT id FROM {table} WHERE id = ANY(@{parameter})";

    private static string Pascal(string column) =>
        string.Concat(column.Split('_').Select(word => char.ToUpperInvariant(word[0]) + word[1..]));
}
