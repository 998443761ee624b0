using System.Text.Json;
using System.Text.Json.Nodes;

namespace Api.Records;

/// <summary>PATCH with <c>application/merge-patch+json</c>: the stored document, patched, checked as a whole body would be.</summary>
public static class MergePatches
{
    public static async Task<Edit<TDoc>> ApplyAsync<TDoc>(Stored<TDoc> stored, JsonElement patch, FluentValidation.IValidator<TDoc> validator,
        CancellationToken cancellationToken) where TDoc : class
    {
        if (patch.ValueKind != JsonValueKind.Object)
            return WriteResult.Invalid("body", "A merge patch is a JSON object holding the fields to change (null removes one).");
        var merged = Documents.MergePatch(JsonSerializer.SerializeToNode(stored.Doc, Documents.Options), JsonNode.Parse(patch.GetRawText()));
        TDoc? doc;
        try
        {
            doc = merged.Deserialize<TDoc>(Documents.Options);
        }
        catch (JsonException e)
        {
            return WriteResult.Invalid([Documents.Describe(e)]);
        }
        if (doc is null)
            return WriteResult.Invalid("body", "A merge patch is a JSON object holding the fields to change (null removes one).");
        var validation = await validator.ValidateAsync(doc, cancellationToken);
        if (!validation.IsValid)
            return WriteResult.Invalid(validation.Errors.Select(FieldError.From).ToList());
        return Edit<TDoc>.To(doc);
    }
}
