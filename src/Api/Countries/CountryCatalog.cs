using Npgsql;

namespace Api.Countries;

/// <summary>
/// The set of ISO 3166-1 alpha-3 codes, read once: countries are reference data that only a migration
/// changes, and validators ask about them on every request.
/// </summary>
public sealed class CountryCatalog(NpgsqlDataSource dataSource)
{
    private volatile HashSet<string>? _codes;

    public async Task<bool> ExistsAsync(string? code, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(code))
            return false;
        var codes = _codes ?? await LoadAsync(cancellationToken);
        return codes.Contains(code);
    }

    private async Task<HashSet<string>> LoadAsync(CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT code FROM countries
            """;
        // A singleton, asked from validators: it opens its own session with the validator's cancellation.
        await using var db = new DbSession(await dataSource.OpenConnectionAsync(cancellationToken), null, cancellationToken);
        var codes = (await db.QueryAsync<string>(sql)).ToHashSet(StringComparer.Ordinal);
        // An empty table means the migration job has not run yet: ask again next time.
        if (codes.Count > 0)
            _codes = codes;
        return codes;
    }
}
