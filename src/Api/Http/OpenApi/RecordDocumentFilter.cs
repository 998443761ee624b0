using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Api.Http.OpenApi;

/// <summary>
/// Names the record in the documentation that <see cref="RecordsController{TRequest,TResponse}"/> writes once for
/// every resource: under <c>/api/v1/{resource}</c>, <c>{record}</c> becomes its singular (<c>meeting</c>) and
/// <c>{a record}</c> the singular with its article (<c>an agreement</c>). A record's id takes, as its example, the
/// example its GET gives, so "Try it out" finds a real record on every operation.
/// </summary>
public sealed class RecordDocumentFilter(RecordResources resources) : IDocumentFilter
{
    public void Apply(OpenApiDocument document, DocumentFilterContext context)
    {
        foreach (var (path, item) in document.Paths)
        {
            var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
            if (segments.Length < 3 || !resources.Names.Contains(segments[2]))
                continue;
            var singular = resources[segments[2]].Singular;
            var example = document.Paths.TryGetValue($"/api/v1/{segments[2]}/{{id}}", out var get)
                ? get.Operations?.GetValueOrDefault(HttpMethod.Get)?.Parameters?.FirstOrDefault(p => p.Name == "id")?.Example
                : null;
            foreach (var operation in item.Operations?.Values.ToList() ?? [])
            {
                operation.Summary = Name(operation.Summary, singular);
                operation.Description = Name(operation.Description, singular);
                foreach (var parameter in (operation.Parameters ?? []).OfType<OpenApiParameter>())
                {
                    parameter.Description = Name(parameter.Description, singular);
                    if (parameter.Name == "id" && parameter.Example is null && example is not null)
                        parameter.Example = example.DeepClone();
                }
                if (operation.RequestBody is OpenApiRequestBody body)
                    body.Description = Name(body.Description, singular);
            }
        }
    }

    private static string? Name(string? text, string singular) =>
        text?.Replace("{a record}", ("aeiou".Contains(singular[0]) ? "an " : "a ") + singular).Replace("{record}", singular);
}
