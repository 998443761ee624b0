using System.Buffers.Text;
using System.Text.Json;

namespace Api.Infrastructure;

/// <summary>
/// The opaque keyset cursor of a list: the sort key and id of the last row of a page.
/// Clients pass it back unchanged; its inside may change between versions.
/// </summary>
public sealed record Cursor(string? Key, Guid Id)
{
    public string Encode() => Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(this));

    public static bool TryDecode(string? text, out Cursor? cursor)
    {
        cursor = null;
        if (string.IsNullOrEmpty(text) || text.Length > 512)
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

    public DateOnly? KeyAsDate() =>
        Key is not null && DateOnly.TryParseExact(Key, "yyyy-MM-dd", out var date) ? date : null;
}
