using System.Security.Cryptography;
using System.Text.Json;

namespace Api.Http;

/// <summary>
/// ETags are <c>"&lt;version&gt;.&lt;digest of the body&gt;"</c>. The version changes with every write of the record;
/// the digest changes when something the record shows from another record changes (a person's name in a
/// delegation), so that <c>If-None-Match</c> never answers 304 for a body that is not the same, and <c>If-Match</c>,
/// compared with the whole tag, refuses a write made against a document that is not the one shown now.
/// </summary>
public static class ETags
{
    public static string For(long version, ReadOnlySpan<byte> body) =>
        $"\"{version}.{Digest(body)}\"";

    /// <summary>The ETag of a response that is no one record (a list, a country): its body's digest.</summary>
    public static string For(ReadOnlySpan<byte> body) => $"\"{Digest(body)}\"";

    private static string Digest(ReadOnlySpan<byte> body) => Convert.ToHexStringLower(SHA256.HashData(body))[..16];

    /// <summary>
    /// The bytes <paramref name="value"/> goes out as (a body PostgreSQL built as it came, anything else as
    /// System.Text.Json writes it) and its ETag: a versioned record's from its version and those bytes.
    /// </summary>
    public static (byte[] Body, string Tag) Tagged(object value)
    {
        var body = value is JsonBytes sent ? sent.Utf8 : JsonSerializer.SerializeToUtf8Bytes(value, value.GetType(), Documents.Options);
        var version = (value as JsonBytes)?.Version ?? (value as IVersioned)?.Version;
        return (body, version is { } v ? For(v, body) : For(body));
    }
}
