using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace Api.Auth;

/// <summary>
/// The framework's 401/403 handling, with the scope a failed policy needed handed to the authentication
/// handler so the problem detail can name it.
/// </summary>
internal sealed class ApiAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Succeeded)
            return _default.HandleAsync(next, context, policy, authorizeResult);

        // A forbidden result lists the requirements that failed; a challenge does not, so then the policy's
        // own requirements say what a key would need. Write first: with both, write is what a key must have.
        var requirements = authorizeResult.AuthorizationFailure?.FailedRequirements ?? policy.Requirements;
        var scope = requirements.OfType<ApiScopeRequirement>()
            .Select(r => r.Scope).OrderBy(s => s == ApiScopes.Write ? 0 : 1).FirstOrDefault();
        var properties = new AuthenticationProperties();
        if (scope is not null)
            properties.Items[ApiKeyAuthenticationHandler.RequiredScopeItem] = scope;
        return authorizeResult.Forbidden
            ? context.ForbidAsync(ApiKeyDefaults.AuthenticationScheme, properties)
            : context.ChallengeAsync(ApiKeyDefaults.AuthenticationScheme, properties);
    }
}
