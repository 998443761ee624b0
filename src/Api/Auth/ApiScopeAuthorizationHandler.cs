using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace Api.Auth;

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
