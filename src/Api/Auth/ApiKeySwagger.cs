using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Api.Auth;

/// <summary>The two ways to send a key, as OpenAPI security schemes, so Swagger UI shows its Authorize button.</summary>
internal static class ApiKeySwagger
{
    public const string BearerScheme = "Bearer";
    public const string ApiKeyScheme = "ApiKey";

    public static void Configure(SwaggerGenOptions options)
    {
        options.AddSecurityDefinition(BearerScheme, new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "An API key (dmk_…) as a bearer token: `Authorization: Bearer <key>`.",
        });
        options.AddSecurityDefinition(ApiKeyScheme, new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = ApiKeyDefaults.HeaderName,
            Description = "An API key (dmk_…) in its own header: `X-Api-Key: <key>`.",
        });
        options.OperationFilter<ApiKeyOperationFilter>();
    }
}

/// <summary>
/// Marks operations under the Read and Write policies with the key schemes and documents their 401, and for
/// writes their 403 and 429 as well. A read lists "no key" as an option too while reads are open.
/// </summary>
internal sealed class ApiKeyOperationFilter(IOptions<ApiAuthOptions> auth) : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var policies = context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<IAuthorizeData>().Select(a => a.Policy).ToHashSet();
        var write = policies.Contains(ApiPolicies.Write);
        if (!write && !policies.Contains(ApiPolicies.Read))
            return;

        operation.Security =
        [
            new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiKeySwagger.BearerScheme, context.Document)] = [] },
            new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiKeySwagger.ApiKeyScheme, context.Document)] = [] },
        ];
        if (!write && !auth.Value.RequireReadScope)
            operation.Security.Add(new OpenApiSecurityRequirement()); // {}: no key is fine too

        var problem = context.SchemaGenerator.GenerateSchema(typeof(ProblemDetails), context.SchemaRepository);
        operation.Responses ??= [];
        operation.Responses.TryAdd("401", Problem(problem, write || auth.Value.RequireReadScope
                ? "No API key, or one that is not valid (`WWW-Authenticate` says which)."
                : "The API key sent is not valid (`WWW-Authenticate` says so); send none or a valid one.",
            ("WWW-Authenticate", JsonSchemaType.String, "`Bearer realm=\"diplomatic-meetings-api\"`, with `error=\"invalid_token\"` when a key was sent but is not valid.")));
        if (!write)
            return;
        operation.Responses.TryAdd("403", Problem(problem, $"The API key does not have the `{ApiScopes.Write}` scope."));
        operation.Responses.TryAdd("429", Problem(problem, "The API key has used up its writes for now.",
            ("Retry-After", JsonSchemaType.Integer, "Seconds to wait before the next write.")));
    }

    private static OpenApiResponse Problem(IOpenApiSchema schema, string description, params (string Name, JsonSchemaType Type, string Description)[] headers) => new()
    {
        Description = description,
        Content = new Dictionary<string, IOpenApiMediaType> { ["application/problem+json"] = new OpenApiMediaType { Schema = schema } },
        Headers = headers.Length == 0
            ? null
            : headers.ToDictionary(h => h.Name, IOpenApiHeader (h) => new OpenApiHeader { Description = h.Description, Schema = new OpenApiSchema { Type = h.Type } }),
    };
}
