namespace Api.Records;

/// <summary>A record as stored: its document and version.</summary>
public sealed record Stored<TDoc>(TDoc Doc, long Version);
