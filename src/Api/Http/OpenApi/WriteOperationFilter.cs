using System.Net.Mime;
using FluentValidation;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Api.Http.OpenApi;

/// <summary>
/// Documents what the HTTP plumbing adds to operations, so Swagger UI shows it where a user looks:
/// ETag and If-None-Match/304 on versioned reads; If-Match with 412 and 428 on PUT, PATCH and DELETE;
/// Idempotency-Key with its 409 and 422 on POST; 413 and 415 on operations with a body; and the record's own
/// schema for merge-patch bodies.
/// </summary>
public sealed class WriteOperationFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var action = context.ApiDescription.ActionDescriptor;
        var problem = context.SchemaGenerator.GenerateSchema(typeof(ProblemDetails), context.SchemaRepository);
        operation.Responses ??= [];
        operation.Parameters ??= [];

        var returnsVersioned = context.ApiDescription.SupportedResponseTypes
            .Any(r => r.StatusCode is 200 or 201 && typeof(IVersioned).IsAssignableFrom(r.Type));
        if (returnsVersioned)
        {
            foreach (var (status, response) in operation.Responses.Where(r => r.Key is "200" or "201"))
            {
                if (response is OpenApiResponse concrete)
                {
                    concrete.Headers ??= new Dictionary<string, IOpenApiHeader>();
                    concrete.Headers["ETag"] = new OpenApiHeader
                    {
                        Description = "The version of the record: send it in If-Match to change the record, or in If-None-Match to poll it.",
                        Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                    };
                }
            }
            if (context.ApiDescription.HttpMethod == "GET")
            {
                operation.Parameters.Add(Header("If-None-Match", false, "An ETag you hold: 304 with no body while the record is unchanged."));
                operation.Responses.TryAdd("304", new OpenApiResponse { Description = "Not modified: the ETag sent in If-None-Match is still current." });
            }
        }

        if (action.EndpointMetadata.OfType<RequireIfMatchFilter>().Any())
        {
            // The action binds it; this documents it (required, the 412 and 428).
            foreach (var bound in operation.Parameters.Where(p => p.In == ParameterLocation.Header && p.Name == "If-Match").ToList())
                operation.Parameters.Remove(bound);
            operation.Parameters.Add(Header("If-Match", true, "The ETag of the version you read (GET the record first); `*` for whatever version is current."));
            operation.Responses.TryAdd("412", Problem(problem, "The record has changed since the version If-Match names: GET it again and re-apply your change."));
            operation.Responses.TryAdd("428", Problem(problem, "If-Match is missing."));
        }

        if (context.ApiDescription.HttpMethod == "POST")
        {
            operation.Parameters.Add(Header(IdempotentRequest.Header, false,
                "Any string of yours for this request, up to 255 characters (a new UUID will do), bare or quoted. Send the request again with " +
                "the same key and body (after a timeout, a lost connection or a 503) and you get the first answer, with `Idempotent-Replayed: true`, " +
                "instead of a second record. Kept for your API key and this path for 24 hours, unless the server is configured otherwise."));
            const string inFlight = "a request with the same Idempotency-Key is still being answered: send it again after Retry-After.";
            if (operation.Responses.TryGetValue("409", out var conflict) && conflict is OpenApiResponse known)
                known.Description = $"{known.Description}. Also when {inFlight}";
            else
                operation.Responses["409"] = Problem(problem, $"Conflict: {inFlight}");
            operation.Responses.TryAdd("422", Problem(problem, "The Idempotency-Key was sent before with another body: send a new key for a new request."));
        }

        if (operation.RequestBody is OpenApiRequestBody body)
        {
            // A body is documented in the content types the action takes (WriteOperationConvention gives most of them
            // theirs as a filter, which ApiExplorer widens to every JSON type its formatter reads).
            var consumes = action.FilterDescriptors.Select(f => f.Filter).OfType<ConsumesAttribute>().SelectMany(c => c.ContentTypes).ToHashSet();
            foreach (var other in body.Content?.Keys.Where(k => consumes.Count > 0 && !consumes.Contains(k)).ToList() ?? [])
                body.Content!.Remove(other);
            operation.Responses.TryAdd("413", Problem(problem, "The body is larger than the API accepts (1 MiB unless configured)."));
            operation.Responses.TryAdd("415", Problem(problem, "The body is not sent as the content type the operation takes."));
            // A merge patch is partial JSON of the record: show the record's fields rather than "any JSON".
            var patched = context.MethodInfo.GetParameters().Select(p => p.ParameterType)
                .FirstOrDefault(t => t.IsGenericType && t.GetGenericTypeDefinition() == typeof(IValidator<>))?.GetGenericArguments()[0];
            if (patched is not null && body.Content?.TryGetValue("application/merge-patch+json", out var media) == true && media is OpenApiMediaType mediaType)
                mediaType.Schema = context.SchemaGenerator.GenerateSchema(patched, context.SchemaRepository);
        }
    }

    private static OpenApiParameter Header(string name, bool required, string description) => new()
    {
        Name = name,
        In = ParameterLocation.Header,
        Required = required,
        Description = description,
        Schema = new OpenApiSchema { Type = JsonSchemaType.String },
    };

    private static OpenApiResponse Problem(IOpenApiSchema schema, string description) => new()
    {
        Description = description,
        Content = new Dictionary<string, IOpenApiMediaType> { [MediaTypeNames.Application.ProblemJson] = new OpenApiMediaType { Schema = schema } },
    };
}
