using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace Api.Auth;

/// <summary>
/// Who may read and write: API keys from configuration (<c>ApiKeys</c>), the <see cref="ApiPolicies"/>, the
/// per-key write rate limit, and how Swagger shows them. Program.cs calls <see cref="AddApiKeys"/> and
/// <see cref="UseApiKeys"/>; <c>Api key &lt;name&gt;</c> (<see cref="KeyCommand"/>) makes keys.
/// </summary>
public static class ApiKeysSetup
{
    public static WebApplicationBuilder AddApiKeys(this WebApplicationBuilder builder)
    {
        var services = builder.Services;

        // A malformed entry or setting stops the API at startup, with a message naming it.
        services.AddOptions<ApiKeysOptions>().Configure<IConfiguration>(ApiKeysOptions.Read).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ApiKeysOptions>, ApiKeysOptionsValidator>();
        services.AddOptions<ApiAuthOptions>().BindConfiguration(ApiAuthOptions.Section).ValidateOnStart();
        services.AddOptions<WriteRateLimitOptions>().BindConfiguration(WriteRateLimitOptions.Section)
            .Validate(o => o.PermitLimit >= 1, $"{WriteRateLimitOptions.Section}:PermitLimit must be 1 or more.")
            .Validate(o => o.WindowSeconds >= 1, $"{WriteRateLimitOptions.Section}:WindowSeconds must be 1 or more.")
            .ValidateOnStart();
        services.AddSingleton<ApiKeyStore>();

        services.AddAuthentication(ApiKeyDefaults.AuthenticationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyDefaults.AuthenticationScheme, configureOptions: null);
        services.AddAuthorizationBuilder()
            .AddPolicy(ApiPolicies.Read, policy => policy.AddRequirements(new ApiScopeRequirement(ApiScopes.Read)))
            .AddPolicy(ApiPolicies.Write, policy => policy.AddRequirements(new ApiScopeRequirement(ApiScopes.Write)));
        services.AddSingleton<IAuthorizationHandler, ApiScopeAuthorizationHandler>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, ApiAuthorizationResultHandler>();

        services.AddRateLimiter(ApiRateLimits.Configure);
        services.ConfigureSwaggerGen(ApiKeySwagger.Configure);
        return builder;
    }

    public static WebApplication UseApiKeys(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        // After authorization: a request without a valid key is answered 401 or 403, never 429, and does
        // not use up the writes of the key it names.
        app.UseRateLimiter();
        return app;
    }
}
