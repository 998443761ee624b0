using System.Buffers.Text;
using System.Text.Json;

namespace Api.Data.Lists;

/// <summary>
/// The opaque keyset cursor of a list: the sort key and id of the last row of a page.
/// Clients pass it back unchanged; its inside may change between versions.
/// </summary>
public sealed record Cursor(string? Key, Guid Id)
{
    // Sort values (an Arabic title) go in as UTF-8, not \uXXXX escapes, to keep cursors short.
    private static readonly JsonSerializerOptions Options = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public string Encode() => Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(this, Options));

    public static bool TryDecode(string? text, out Cursor? cursor)
    {
        cursor = null;
        if (string.IsNullOrEmpty(text) || text.Length > 4096)
            return false;
        try
        {
            cursor = JsonSerializer.Deserialize<Cursor>(Base64Url.DecodeFromChars(text));
            return cursor is not null;
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return false;
        }
    }
}
