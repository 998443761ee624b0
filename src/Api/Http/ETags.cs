using System.Security.Cryptography;

namespace Api.Http;

/// <summary>
/// ETags are <c>"&lt;version&gt;.&lt;digest of the body&gt;"</c>. The version is what <c>If-Match</c> is checked
/// against, so a write goes through only against the version the client read. The digest changes when
/// something the record shows from another record changes (a person's name in a delegation), so that
/// <c>If-None-Match</c> never answers 304 for a body that is not the same.
/// </summary>
public static class ETags
{
    public static string For(long version, ReadOnlySpan<byte> body) =>
        $"\"{version}.{Digest(body)}\"";

    /// <summary>The ETag of a response that is no one record (a list, a country): its body's digest.</summary>
    public static string For(ReadOnlySpan<byte> body) => $"\"{Digest(body)}\"";

    private static string Digest(ReadOnlySpan<byte> body) => Convert.ToHexStringLower(SHA256.HashData(body))[..16];

    /// <summary>The version a versioned record's entity tag names, or null for a weak or foreign tag.</summary>
    public static long? VersionOf(string tag)
    {
        if (tag.Length < 3 || tag[0] != '"' || tag[^1] != '"')
            return null;
        var inner = tag[1..^1];
        var dot = inner.IndexOf('.');
        return long.TryParse(dot < 0 ? inner : inner[..dot], out var version) ? version : null;
    }
}
