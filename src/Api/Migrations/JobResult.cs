namespace Api.Migrations;

/// <summary>What a run of the migration job did.</summary>
public sealed record JobResult(IReadOnlyList<string> AppliedMigrations, int ChangedSeedRecords);
