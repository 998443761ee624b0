using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Api.Export;

/// <summary>
/// Adds <c>text/csv</c> beside <c>application/json</c> to the 200 of actions marked <see cref="ProducesCsvAttribute"/>.
/// A second [ProducesResponseType] for the same status replaces the first in ApiExplorer rather than adding to it,
/// so the CSV is documented here.
/// </summary>
public sealed class CsvOperationFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var csv = context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<ProducesCsvAttribute>().FirstOrDefault();
        if (csv is null || operation.Responses?.TryGetValue("200", out var found) != true || found is not OpenApiResponse ok)
            return;
        ok.Content ??= new Dictionary<string, IOpenApiMediaType>();
        ok.Content[Csv.MediaType] = new OpenApiMediaType
        {
            Schema = new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                Description = $"RFC 4180 CSV in UTF-8 (with a byte order mark when bom=true), CRLF line ends, a header record: {csv.Columns}.",
            },
            Example = csv.Example is null ? null : System.Text.Json.Nodes.JsonValue.Create(csv.Example),
        };
        ok.Headers ??= new Dictionary<string, IOpenApiHeader>();
        ok.Headers["Content-Disposition"] = new OpenApiHeader
        {
            Description = "With CSV: attachment; filename=\"….csv\", so a browser saves the file.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String },
        };
    }
}
