using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Api.Http.OpenApi;

/// <summary>
/// Documents what every operation can answer, so actions state only their own: JSON, and 400 with field errors on
/// every operation (any of them refuses an unknown query parameter), and 404 on every operation that names a record
/// in its path.
/// </summary>
public sealed class ProblemResponsesFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        operation.Responses ??= [];
        // Answers are JSON: a response that takes its type from the action's return type lists only application/json,
        // not every type a formatter could write.
        foreach (var content in operation.Responses.Values.OfType<OpenApiResponse>().Select(r => r.Content).OfType<IDictionary<string, IOpenApiMediaType>>())
        {
            content.Remove("text/plain");
            content.Remove("text/json");
        }
        operation.Responses.TryAdd("400", Problem(context, typeof(ValidationProblemDetails), "Bad Request"));
        if (context.ApiDescription.ParameterDescriptions.Any(p => p.Source.Id == "Path"))
            operation.Responses.TryAdd("404", Problem(context, typeof(ProblemDetails), "Not Found"));
    }

    private static OpenApiResponse Problem(OperationFilterContext context, Type type, string description) => new()
    {
        Description = description,
        Content = new Dictionary<string, IOpenApiMediaType>
        {
            ["application/problem+json"] = new OpenApiMediaType { Schema = context.SchemaGenerator.GenerateSchema(type, context.SchemaRepository) },
        },
    };
}
