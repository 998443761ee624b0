namespace Api.Data;

/// <summary>A record's version beside the JSON document PostgreSQL built of it, as UTF-8 (see <see cref="DbSession.Utf8"/>) (see <see cref="Records.Documents.FromJson{T}(ReadOnlySpan{byte})"/>).</summary>
public sealed record DocumentRow
{
    public long Version { get; init; }

    public byte[] Document { get; init; } = [];
}
