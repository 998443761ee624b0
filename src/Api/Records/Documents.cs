using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Api.Records;

/// <summary>
/// The JSON of request bodies and of the documents kept in the change log: camelCase, Arabic as text,
/// and strict — a property the record does not have is an error, so a typo never silently drops a field.
/// </summary>
public static class Documents
{
    public static readonly JsonSerializerOptions Options = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        // Responses are application/json, never embedded in HTML, so Arabic and quotes go out as text.
        options.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        return options;
    }

    /// <summary>The document as JSON, by its declared type: a seed record's <c>key</c> is not part of it.</summary>
    public static string ToJson<TDoc>(TDoc doc) => JsonSerializer.Serialize(doc, Options);

    /// <summary>
    /// A response document PostgreSQL built as JSON (see the <c>…Json</c> fragments of the repositories), read into its
    /// type. A field the type lacks is an error here too, so SQL and type cannot drift apart unnoticed.
    /// </summary>
    public static T FromJson<T>(string json) => JsonSerializer.Deserialize<T>(json, Options)
        ?? throw new JsonException($"PostgreSQL built null for a {typeof(T).Name}.");

    /// <inheritdoc cref="FromJson{T}(string)"/>
    public static T FromJson<T>(ReadOnlySpan<byte> utf8) => JsonSerializer.Deserialize<T>(utf8, Options)
        ?? throw new JsonException($"PostgreSQL built null for a {typeof(T).Name}.");

    /// <summary>
    /// Applies a JSON Merge Patch (RFC 7396) to a document: members of the patch replace the document's,
    /// null removes one, objects merge recursively, and anything else (arrays included) replaces whole.
    /// </summary>
    public static JsonNode? MergePatch(JsonNode? target, JsonNode? patch)
    {
        if (patch is not JsonObject patchObject)
            return patch?.DeepClone();
        var result = target as JsonObject is { } targetObject ? (JsonObject)targetObject.DeepClone() : new JsonObject();
        foreach (var (name, value) in patchObject)
        {
            if (value is null)
                result.Remove(name);
            else
                result[name] = MergePatch(result[name], value);
        }
        return result;
    }

    /// <summary>
    /// What a client should read about a body that could not be bound: the field, as the client wrote it,
    /// and a message that names no .NET type.
    /// </summary>
    public static FieldError Describe(JsonException exception)
    {
        var field = FieldOf(exception.Path);
        // System.Text.Json says "could not be mapped to any .NET member" for a property the type lacks.
        if (exception.Message.Contains("could not be mapped", StringComparison.Ordinal))
            return new FieldError(field, $"'{field}' is not a field of this record; check its spelling against the schema.");
        // The reader's own (internal) exception type means the text is not JSON at all, wherever it broke off.
        if (exception.InnerException?.GetType().Name == "JsonReaderException")
            return new FieldError("body", $"The body is not valid JSON (line {exception.LineNumber + 1}, byte {exception.BytePositionInLine + 1}).");
        if (exception.Path is null or "$")
            return new FieldError("body", "The body must be a JSON object holding this record's fields.");
        return new FieldError(field, $"The value of '{field}' is not valid for this field; see its type in the schema.");
    }

    /// <summary><c>$.delegations[0].members[1].personId</c> → <c>delegations[0].members[1].personId</c>.</summary>
    public static string FieldOf(string? jsonPath) =>
        jsonPath is null or "$" ? "body" : jsonPath.StartsWith("$.", StringComparison.Ordinal) ? jsonPath[2..] : jsonPath.TrimStart('$');
}
