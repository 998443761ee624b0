using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Api.Auth;

/// <summary>
/// The keys of configuration section <c>ApiKeys</c>: an array of <c>{ "Name", "Hash", "Scopes" }</c>,
/// or in environment variables <c>ApiKeys__0__Name</c>, <c>ApiKeys__0__Hash</c>, <c>ApiKeys__0__Scopes</c>.
/// Read by hand rather than bound, so that a problem names the entry exactly as configured
/// (<c>ApiKeys:3</c> even when 0–2 are missing) and a misspelt setting is reported, not ignored.
/// </summary>
internal sealed class ApiKeysOptions
{
    public const string Section = "ApiKeys";
    private static readonly string[] Settings = ["Name", "Hash", "Scopes"];

    public List<ApiKeyEntry> Entries { get; } = [];

    public static void Read(ApiKeysOptions options, IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        // Some providers give parent keys an empty value (WebApplicationFactory's UseSetting does), so only a
        // non-empty value means a scalar was written where the array belongs.
        if (!string.IsNullOrEmpty(section.Value))
            options.Entries.Add(new ApiKeyEntry(section.Path, null, null, null, ["a single value where an array of { Name, Hash, Scopes } was expected"]));
        foreach (var child in section.GetChildren())
        {
            var problems = !string.IsNullOrEmpty(child.Value)
                ? ["a single value where an object { Name, Hash, Scopes } was expected"]
                : child.GetChildren()
                    .Where(setting => !Settings.Contains(setting.Key, StringComparer.OrdinalIgnoreCase))
                    .Select(setting => $"unknown setting '{setting.Key}' (the settings are {string.Join(", ", Settings)})")
                    .ToList();
            options.Entries.Add(new ApiKeyEntry(child.Path, child["Name"], child["Hash"], child["Scopes"], problems));
        }
    }
}

/// <summary>One configured key as written, before it is checked.</summary>
internal sealed record ApiKeyEntry(string Path, string? Name, string? Hash, string? Scopes, IReadOnlyList<string> Problems)
{
    /// <summary>The key in usable form, or the list of what is wrong with the entry.</summary>
    public ConfiguredApiKey? Resolve(out List<string> errors)
    {
        errors = [.. Problems];
        if (!ApiKeyName.IsValid(Name))
            errors.Add($"Name {(string.IsNullOrWhiteSpace(Name) ? "is empty" : $"'{Name}' is not allowed")}; {ApiKeyName.Rule}");
        if (!ApiKeyHash.TryParse(Hash, out var hash, out var hashError))
            errors.Add(hashError!);
        var scopes = ApiScopes.Parse(Scopes, out var scopeError);
        if (scopes is null)
            errors.Add($"Scopes: {scopeError}");
        return errors.Count == 0 ? new ConfiguredApiKey(Name!, hash, scopes!) : null;
    }

    /// <summary>How messages name the entry: its configuration path, and its name when it has one.</summary>
    public override string ToString() => string.IsNullOrWhiteSpace(Name) ? Path : $"{Path} ({Name})";
}

/// <summary>A checked key: who it is, its stored hash and its scopes (with <c>read</c> added for <c>write</c>).</summary>
internal sealed record ConfiguredApiKey(string Name, StoredApiKeyHash Hash, IReadOnlySet<string> Scopes);

/// <summary>Key names end up in change history, logs and environment variables, so they are kept plain.</summary>
internal static partial class ApiKeyName
{
    public const string Rule = "a name is 1–64 letters, digits, '.', '_', '-' or '@', starting with a letter or digit";

    public static bool IsValid(string? name) => name is not null && Pattern().IsMatch(name);

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$")]
    private static partial Regex Pattern();
}

/// <summary>Fails startup on any malformed key entry, naming the entry and what is wrong.</summary>
internal sealed class ApiKeysOptionsValidator : IValidateOptions<ApiKeysOptions>
{
    public ValidateOptionsResult Validate(string? name, ApiKeysOptions options)
    {
        var failures = new List<string>();
        foreach (var entry in options.Entries)
        {
            entry.Resolve(out var errors);
            failures.AddRange(errors.Select(error => $"API key entry {entry}: {error}"));
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

/// <summary>Configuration section <c>Auth</c>.</summary>
internal sealed class ApiAuthOptions
{
    public const string Section = "Auth";

    /// <summary>When true, reads need a key with the <c>read</c> scope too; by default reads are open.</summary>
    public bool RequireReadScope { get; set; }
}

/// <summary>Configuration section <c>RateLimits:Writes</c>: how many writes one key may make per window.</summary>
internal sealed class WriteRateLimitOptions
{
    public const string Section = "RateLimits:Writes";

    public int PermitLimit { get; set; } = 60;

    public int WindowSeconds { get; set; } = 60;
}
