using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.Extensions.Options;

namespace Api.Auth;

/// <summary>The caller needs a key with <see cref="Scope"/> (reads may be open; see <see cref="ApiScopeAuthorizationHandler"/>).</summary>
internal sealed class ApiScopeRequirement(string scope) : IAuthorizationRequirement
{
    public string Scope { get; } = scope;
}

/// <summary>
/// A key's scope claims meet the requirement. Reads are open too while <c>Auth:RequireReadScope</c> is false,
/// but not to a request whose key failed authentication: a client with a typo in its key gets a 401, not
/// anonymous data it may take for its own view.
/// </summary>
internal sealed class ApiScopeAuthorizationHandler(IOptionsMonitor<ApiAuthOptions> options) : AuthorizationHandler<ApiScopeRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, ApiScopeRequirement requirement)
    {
        if (context.User.HasClaim(ApiScopes.ClaimType, requirement.Scope))
        {
            context.Succeed(requirement);
            return;
        }
        if (requirement.Scope == ApiScopes.Read && !options.CurrentValue.RequireReadScope && context.Resource is HttpContext http)
        {
            // The handler caches its result per request, so this does not check the key again.
            var authentication = await http.AuthenticateAsync(ApiKeyDefaults.AuthenticationScheme);
            if (authentication.Failure is null)
                context.Succeed(requirement);
        }
    }
}

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
