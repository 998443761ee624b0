namespace Api.Data;

/// <summary>A record's version beside the JSON document PostgreSQL built of it (see <see cref="Records.Documents.FromJson{T}"/>).</summary>
public sealed record DocumentRow
{
    public long Version { get; init; }

    public string Document { get; init; } = "";
}
