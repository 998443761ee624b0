using Microsoft.AspNetCore.Authorization;

namespace Api.Auth;

/// <summary>The caller needs a key with <see cref="Scope"/> (reads may be open; see <see cref="ApiScopeAuthorizationHandler"/>).</summary>
internal sealed class ApiScopeRequirement(string scope) : IAuthorizationRequirement
{
    public string Scope { get; } = scope;
}
