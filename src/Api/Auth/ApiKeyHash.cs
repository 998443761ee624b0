using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Api.Auth;

/// <summary>A new key, and the hash that goes into configuration. Only the hash is ever stored.</summary>
public sealed record NewApiKey(string Key, string Hash);

/// <summary>
/// API keys and their stored form. A key is <c>dmk_</c> followed by the base64url of 32 random bytes; its
/// stored form is <c>sha256:&lt;base64url salt&gt;:&lt;base64url hash&gt;</c>, the hash being
/// SHA-256(salt ‖ UTF-8 of the whole key) with a 16-byte random salt.
/// </summary>
/// <remarks>
/// One SHA-256 is enough because the secret is 256 random bits: nobody can guess it, so there is nothing
/// for a slow hash (PBKDF2, bcrypt, Argon2) to protect, and running one on every request would burn CPU
/// for nothing. Slow hashes are for passwords people choose. The salt still makes two hashes of the
/// same key differ, so configuration does not show that two entries share a key.
/// </remarks>
public static class ApiKeyHash
{
    public const string KeyPrefix = "dmk_";
    private const string Algorithm = "sha256";
    private const int SecretBytes = 32;
    private const int SaltBytes = 16;
    private const int HashBytes = 32;

    /// <summary>Longer presented keys are rejected unhashed; a real key is 47 characters.</summary>
    public const int MaxKeyLength = 200;

    /// <summary>Makes a new random key and its hash.</summary>
    public static NewApiKey NewKey()
    {
        var key = KeyPrefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(SecretBytes));
        return new NewApiKey(key, Hash(key));
    }

    /// <summary>The stored form of <paramref name="key"/>, with a new random salt.</summary>
    public static string Hash(string key)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        return $"{Algorithm}:{Base64Url.EncodeToString(salt)}:{Base64Url.EncodeToString(Compute(salt, Encoding.UTF8.GetBytes(key)))}";
    }

    /// <summary>Reads a stored hash; false with a reason when it is not in the form <c>sha256:salt:hash</c>.</summary>
    public static bool TryParse(string? stored, out StoredApiKeyHash hash, out string? error)
    {
        hash = default;
        var parts = (stored ?? "").Split(':');
        if (parts.Length != 3 || parts[0] != Algorithm)
        {
            error = $"Hash must have the form {Algorithm}:<base64url salt>:<base64url hash> (make one with `Api key <name>`)";
            return false;
        }
        if (!TryDecode(parts[1], SaltBytes, out var salt) || !TryDecode(parts[2], HashBytes, out var digest))
        {
            error = $"Hash must hold a {SaltBytes}-byte salt and a {HashBytes}-byte SHA-256, each in base64url (make one with `Api key <name>`)";
            return false;
        }
        hash = new StoredApiKeyHash(salt, digest);
        error = null;
        return true;
    }

    internal static byte[] Compute(ReadOnlySpan<byte> salt, ReadOnlySpan<byte> key)
    {
        var buffer = new byte[salt.Length + key.Length];
        salt.CopyTo(buffer);
        key.CopyTo(buffer.AsSpan(salt.Length));
        return SHA256.HashData(buffer);
    }

    private static bool TryDecode(string text, int length, out byte[] bytes)
    {
        bytes = [];
        if (!Base64Url.IsValid(text, out var decodedLength) || decodedLength != length)
            return false;
        bytes = Base64Url.DecodeFromChars(text);
        return true;
    }
}

/// <summary>A parsed stored hash: the salt and the SHA-256 of salt ‖ key.</summary>
public readonly record struct StoredApiKeyHash(byte[] Salt, byte[] Digest)
{
    /// <summary>Whether <paramref name="key"/> (UTF-8) is the key this hash was made from, in constant time.</summary>
    public bool Matches(ReadOnlySpan<byte> key) =>
        CryptographicOperations.FixedTimeEquals(ApiKeyHash.Compute(Salt, key), Digest);
}
