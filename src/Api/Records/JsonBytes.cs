using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Api.Records;

/// <summary>
/// A response body that PostgreSQL built as JSON (the <c>…Json</c> fragments of the repositories), sent as it came
/// rather than read into its response type and written again: <see cref="Compact"/> writes it in the bytes
/// System.Text.Json writes for that type (no blanks, the same escaping), so clients see no difference. The
/// fragments name every field of the type, in its order; a test reads each such body into its type and writes it
/// again to check that they still do. <see cref="ETagFilter"/> tags and sends the bytes.
/// </summary>
[JsonConverter(typeof(Converter))]
public sealed class JsonBytes
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = Documents.Options.Encoder };

    private JsonBytes(byte[] utf8, long? version)
    {
        Utf8 = utf8;
        Version = version;
    }

    /// <summary>The body, UTF-8.</summary>
    public byte[] Utf8 { get; }

    /// <summary>The record's version when the body is one versioned record (its ETag is then version and body), else null.</summary>
    public long? Version { get; }

    /// <summary>
    /// <paramref name="json"/> (UTF-8, as PostgreSQL writes it: <c>{"id" : 1, …}</c>) token by token, without the
    /// blanks; strings and names unescaped and escaped again by the responses' encoder, numbers as they are.
    /// </summary>
    public static JsonBytes Compact(ReadOnlySpan<byte> json, long? version = null)
    {
        var output = new ArrayBufferWriter<byte>(json.Length);
        using (var writer = new Utf8JsonWriter(output, WriterOptions))
        {
            var reader = new Utf8JsonReader(json);
            byte[]? scratch = null;
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject: writer.WriteStartObject(); break;
                    case JsonTokenType.EndObject: writer.WriteEndObject(); break;
                    case JsonTokenType.StartArray: writer.WriteStartArray(); break;
                    case JsonTokenType.EndArray: writer.WriteEndArray(); break;
                    case JsonTokenType.PropertyName: writer.WritePropertyName(Unescaped(ref reader, ref scratch)); break;
                    case JsonTokenType.String: writer.WriteStringValue(Unescaped(ref reader, ref scratch)); break;
                    case JsonTokenType.Number: writer.WriteRawValue(reader.ValueSpan, skipInputValidation: true); break;
                    case JsonTokenType.True: writer.WriteBooleanValue(true); break;
                    case JsonTokenType.False: writer.WriteBooleanValue(false); break;
                    case JsonTokenType.Null: writer.WriteNullValue(); break;
                    default: throw new JsonException($"Unexpected {reader.TokenType} in a document PostgreSQL built.");
                }
            }
            if (scratch is not null)
                ArrayPool<byte>.Shared.Return(scratch);
        }
        return new JsonBytes(output.WrittenSpan.ToArray(), version);
    }

    /// <summary>A body <see cref="Compact"/> made earlier (a kept document), sent as it is.</summary>
    public static JsonBytes AsSent(byte[] compact, long? version = null) => new(compact, version);

    /// <summary>The current string or name as UTF-8 without escapes (most have none: then the reader's own bytes).</summary>
    private static ReadOnlySpan<byte> Unescaped(ref Utf8JsonReader reader, ref byte[]? scratch)
    {
        if (!reader.ValueIsEscaped)
            return reader.ValueSpan;
        // Unescaping never lengthens a string.
        if (scratch is null || scratch.Length < reader.ValueSpan.Length)
        {
            if (scratch is not null)
                ArrayPool<byte>.Shared.Return(scratch);
            scratch = ArrayPool<byte>.Shared.Rent(reader.ValueSpan.Length);
        }
        return scratch.AsSpan(0, reader.CopyString(scratch));
    }

    /// <summary>Writes the bytes where a serializer meets one (they are JSON already); never read from a request.</summary>
    private sealed class Converter : JsonConverter<JsonBytes>
    {
        public override JsonBytes Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new NotSupportedException("JsonBytes is a response body, never read from a request.");

        public override void Write(Utf8JsonWriter writer, JsonBytes value, JsonSerializerOptions options) =>
            writer.WriteRawValue(value.Utf8, skipInputValidation: true);
    }
}
