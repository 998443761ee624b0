namespace Api.Auth;

/// <summary>
/// The policy names: <c>[Authorize(Policy = ApiPolicies.Read)]</c> on every controller; the write policy and the
/// write rate limit on every action that changes data, which <see cref="Http.WriteOperationConvention"/> gives each
/// POST, PUT, PATCH and DELETE. The caller's key name (for change history) is <c>User.Identity.Name</c>.
/// </summary>
public static class ApiPolicies
{
    /// <summary>Reads: open to anonymous callers unless <c>Auth:RequireReadScope</c> is true; a wrong key is always a 401.</summary>
    public const string Read = "api.read";

    /// <summary>Writes: a key with the <c>write</c> scope.</summary>
    public const string Write = "api.write";

    /// <summary>The rate-limiter policy for writes, partitioned by the key's name.</summary>
    public const string WriteRateLimit = "api.writes-per-key";
}

/// <summary>What a key may do. <c>write</c> implies <c>read</c>.</summary>
public static class ApiScopes
{
    public const string Read = "read";
    public const string Write = "write";

    /// <summary>The claim type of the scopes on an authenticated caller's principal, one claim per scope.</summary>
    public const string ClaimType = "scope";

    public static readonly IReadOnlyList<string> All = [Read, Write];

    /// <summary>
    /// Parses a comma-separated list such as <c>read,write</c> (spaces and case are ignored) and adds
    /// <c>read</c> when <c>write</c> is there. Null with an error for an empty list or an unknown scope.
    /// </summary>
    public static IReadOnlySet<string>? Parse(string? value, out string? error)
    {
        var scopes = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var part in (value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var scope = All.FirstOrDefault(s => s.Equals(part, StringComparison.OrdinalIgnoreCase));
            if (scope is null)
            {
                error = $"unknown scope '{part}'; the scopes are {string.Join(" and ", All)}";
                return null;
            }
            scopes.Add(scope);
        }
        if (scopes.Count == 0)
        {
            error = $"no scopes; give {string.Join(", ", All)} or {string.Join(",", All)}";
            return null;
        }
        if (scopes.Contains(Write))
            scopes.Add(Read);
        error = null;
        return scopes;
    }
}
