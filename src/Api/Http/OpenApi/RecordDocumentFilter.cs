using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Api.Http.OpenApi;

/// <summary>
/// Names the record in the documentation that <see cref="RecordsController{TRequest,TResponse}"/> writes once for
/// every resource: under <c>/api/v1/{resource}</c>, <c>{record}</c> becomes its singular (<c>meeting</c>),
/// <c>{a record}</c> the singular with its article (<c>an agreement</c>) and <c>{records}</c> its name (<c>meetings</c>).
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
            var resource = resources[segments[2]];
            foreach (var operation in item.Operations?.Values.ToList() ?? [])
            {
                operation.Summary = Name(operation.Summary, resource);
                operation.Description = Name(operation.Description, resource);
                foreach (var parameter in (operation.Parameters ?? []).OfType<OpenApiParameter>())
                    parameter.Description = Name(parameter.Description, resource);
                if (operation.RequestBody is OpenApiRequestBody body)
                    body.Description = Name(body.Description, resource);
            }
        }
    }

    private static string? Name(string? text, Resource resource) => text?
        .Replace("{a record}", ("aeiou".Contains(resource.Singular[0]) ? "an " : "a ") + resource.Singular)
        .Replace("{record}", resource.Singular)
        .Replace("{records}", resource.Name);
}
