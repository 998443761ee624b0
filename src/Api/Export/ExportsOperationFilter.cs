using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Api.Export;

/// <summary>
/// Adds the media types of <see cref="ExportsAttribute"/> beside <c>application/json</c> to the 200 of the actions it marks,
/// with the <c>Content-Disposition</c> header they come with. (A second [ProducesResponseType] for the same status replaces
/// the first in ApiExplorer rather than adding to it, so they are documented here.)
/// </summary>
public sealed class ExportsOperationFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var exports = context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<ExportsAttribute>().FirstOrDefault();
        if (exports is null || operation.Responses?.TryGetValue("200", out var found) != true || found is not OpenApiResponse ok)
            return;
        ok.Content ??= new Dictionary<string, IOpenApiMediaType>();
        foreach (var format in exports.Formats)
        {
            ok.Content[OutputFormats.MediaTypes[format]] = new OpenApiMediaType
            {
                Schema = new OpenApiSchema
                {
                    Type = format == OutputFormats.GeoJson ? JsonSchemaType.Object : JsonSchemaType.String,
                    Description = (format, exports.CsvColumns) switch
                    {
                        (OutputFormats.Csv, { } columns) => $"RFC 4180 CSV in UTF-8 (with a byte order mark when bom=true), CRLF line ends, a header record: {columns}.",
                        (OutputFormats.Csv, null) => "Every matching record, one CSV row each (RFC 4180, UTF-8; bom=true for Excel).",
                        (OutputFormats.Ndjson, _) => "Every matching record, one JSON object per line.",
                        _ => "A GeoJSON FeatureCollection: a Point feature per meeting, its fields as properties.",
                    },
                },
                Example = format == OutputFormats.Csv && exports.CsvExample is { } example ? System.Text.Json.Nodes.JsonValue.Create(example) : null,
            };
        }
        ok.Headers ??= new Dictionary<string, IOpenApiHeader>();
        ok.Headers["Content-Disposition"] = new OpenApiHeader
        {
            Description = exports.Formats is [OutputFormats.Csv]
                ? "With CSV: attachment; filename=\"….csv\", so a browser saves the file."
                : $"With {Names(exports.Formats)}: attachment; filename=\"…\", so a browser saves the file.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String },
        };
    }

    /// <summary>csv, ndjson, geojson → "CSV, NDJSON or GeoJSON".</summary>
    private static string Names(IReadOnlyList<string> formats)
    {
        var names = formats.Select(f => f == OutputFormats.GeoJson ? "GeoJSON" : f.ToUpperInvariant()).ToList();
        return names.Count == 1 ? names[0] : $"{string.Join(", ", names[..^1])} or {names[^1]}";
    }
}
