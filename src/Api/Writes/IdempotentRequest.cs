using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Api.Writes;

/// <summary>
/// A POST sent with an <c>Idempotency-Key</c> (the IETF httpapi Idempotency-Key draft): the key, scoped to the caller
/// (the API key's name), the method and the path, and the fingerprint of the request, a digest of its body as read
/// (so that the same JSON with other spacing or member order is the same request).
/// </summary>
public sealed record IdempotentRequest(string Caller, string Method, string Path, string Key, byte[] Fingerprint)
{
    public const string Header = "Idempotency-Key";

    public const int MaxKeyLength = 255;

    /// <summary>
    /// The request's key and fingerprint; null (and no <paramref name="error"/>) when it sent none. The key is taken bare
    /// (<c>Idempotency-Key: 8e03978e-…</c>) or as a quoted string (<c>"8e03978e-…"</c>, the draft's form), 1–255
    /// characters of printable ASCII; anything else is <paramref name="error"/>.
    /// </summary>
    public static IdempotentRequest? Read(HttpRequest request, string caller, object body, out FieldError? error)
    {
        error = null;
        var values = request.Headers[Header];
        if (values.Count == 0)
            return null;
        if (values.Count > 1 || Unquoted(values[0]?.Trim() ?? "") is not { Length: > 0 and <= MaxKeyLength } key || key.Any(c => c is < ' ' or > '~'))
        {
            error = new FieldError(Header,
                $"Send one {Header}: 1 to {MaxKeyLength} printable ASCII characters, bare or as a quoted string (a new UUID for each new request will do).");
            return null;
        }
        var fingerprint = SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(body, body.GetType(), Documents.Options));
        // Routes match paths whatever their case; so does the key's scope.
        return new IdempotentRequest(caller, request.Method, (request.Path.Value ?? "").ToLowerInvariant(), key, fingerprint);
    }

    /// <summary>The key of a quoted string (a structured-field string: <c>\"</c> and <c>\\</c> escaped), or the value as it is.</summary>
    private static string? Unquoted(string value)
    {
        if (value.Length < 2 || value[0] != '"' || value[^1] != '"')
            return value.Contains('"') ? null : value;
        var key = new StringBuilder(value.Length);
        for (var i = 1; i < value.Length - 1; i++)
        {
            if (value[i] == '\\')
            {
                if (++i == value.Length - 1 || value[i] is not ('"' or '\\'))
                    return null;
            }
            else if (value[i] == '"')
                return null;
            key.Append(value[i]);
        }
        return key.ToString();
    }

    /// <summary>The transaction-scoped advisory lock's second key: requests with the same key and scope wait on one lock.</summary>
    public int LockKey => BitConverter.ToInt32(SHA256.HashData(Encoding.UTF8.GetBytes($"{Caller}\n{Method}\n{Path}\n{Key}")));
}
