using System.Text;
using Microsoft.Extensions.Options;

namespace Api.Auth;

/// <summary>The configured keys, checked once at startup, and the lookup of a presented key.</summary>
internal sealed class ApiKeyStore(IOptions<ApiKeysOptions> options)
{
    private readonly ConfiguredApiKey[] _keys = options.Value.Entries
        .Select(entry => entry.Resolve(out _) ?? throw new InvalidOperationException($"API key entry {entry} is malformed."))
        .ToArray();

    /// <summary>The configured key that <paramref name="presented"/> is, or null.</summary>
    /// <remarks>
    /// Each entry has its own salt, so the key is hashed once per entry: fine for the tens of keys a team
    /// hands out. Every entry is checked, even after a match, so the time taken does not tell which one matched.
    /// </remarks>
    public ConfiguredApiKey? Find(string presented)
    {
        if (presented.Length > ApiKeyHash.MaxKeyLength)
            return null;
        var bytes = Encoding.UTF8.GetBytes(presented);
        ConfiguredApiKey? match = null;
        foreach (var key in _keys)
        {
            if (key.Hash.Matches(bytes))
                match ??= key;
        }
        return match;
    }
}
