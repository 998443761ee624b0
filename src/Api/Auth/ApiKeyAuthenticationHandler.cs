using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Api.Auth;

/// <summary>The names of the API-key scheme.</summary>
public static class ApiKeyDefaults
{
    public const string AuthenticationScheme = "ApiKey";

    /// <summary>The header that carries a key on its own; <c>Authorization: Bearer &lt;key&gt;</c> works too.</summary>
    public const string HeaderName = "X-Api-Key";

    /// <summary>The realm of the <c>WWW-Authenticate</c> challenge.</summary>
    public const string Realm = "diplomatic-meetings-api";
}

/// <summary>
/// Authenticates <c>Authorization: Bearer &lt;key&gt;</c> or <c>X-Api-Key: &lt;key&gt;</c> against the configured
/// keys. The principal's name is the key's configured name, with one <c>scope</c> claim per scope. No key is
/// "no result" (an anonymous caller); a key that is not valid is a failure, which every policy answers with 401.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiKeyStore keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    /// <summary>The item of <see cref="AuthenticationProperties"/> that carries the scope a failed policy needed.</summary>
    public const string RequiredScopeItem = "api.required-scope";

    private const string HowToSend = "Send the key as 'Authorization: Bearer <key>' or 'X-Api-Key: <key>'.";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = ReadKey(Request, out var error);
        if (error is not null)
            return Task.FromResult(AuthenticateResult.Fail(error));
        if (presented is null)
            return Task.FromResult(AuthenticateResult.NoResult());

        var key = keys.Find(presented);
        if (key is null)
            return Task.FromResult(AuthenticateResult.Fail("The API key is not valid."));

        Claim[] claims = [new(ClaimTypes.Name, key.Name), .. key.Scopes.Select(scope => new Claim(ApiScopes.ClaimType, scope))];
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, ApiKeyDefaults.AuthenticationScheme));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, ApiKeyDefaults.AuthenticationScheme)));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var failure = (await HandleAuthenticateOnceSafeAsync()).Failure;
        var scope = properties.GetString(RequiredScopeItem);
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = failure is null
            ? $"Bearer realm=\"{ApiKeyDefaults.Realm}\""
            // The messages are ours and hold no double quote, so they can go into a quoted-string as they are.
            : $"Bearer realm=\"{ApiKeyDefaults.Realm}\", error=\"invalid_token\", error_description=\"{failure.Message}\"";
        var detail = failure is null
            ? $"This request needs an API key{(scope is null ? "" : $" with the '{scope}' scope")}. {HowToSend}"
            : $"{failure.Message} {HowToSend} Check the key for typos, or ask for a new one.";
        await ApiProblem.WriteAsync(Context, StatusCodes.Status401Unauthorized, "Unauthorized", detail);
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        var scope = properties.GetString(RequiredScopeItem);
        var name = Context.User.Identity?.Name;
        var detail = scope is null
            ? $"The API key '{name}' may not make this request."
            : $"The API key '{name}' does not have the '{scope}' scope this request needs; ask for a key with the '{scope}' scope.";
        Response.StatusCode = StatusCodes.Status403Forbidden;
        await ApiProblem.WriteAsync(Context, StatusCodes.Status403Forbidden, "Forbidden", detail);
    }

    /// <summary>The key the request carries, or null for none; an error for a header that is there but unusable.</summary>
    private static string? ReadKey(HttpRequest request, out string? error)
    {
        error = null;
        string? bearer = null;
        var authorization = request.Headers.Authorization;
        if (authorization.Count > 1)
        {
            error = "The request has more than one Authorization header.";
            return null;
        }
        if (authorization.Count == 1)
        {
            var value = authorization[0]!.Trim();
            if (value.StartsWith("Bearer", StringComparison.OrdinalIgnoreCase) && (value.Length == 6 || value[6] == ' '))
            {
                bearer = value[6..].Trim();
                if (bearer.Length == 0)
                {
                    error = "The Authorization header has the Bearer scheme but no key.";
                    return null;
                }
            }
            else if (value.StartsWith(ApiKeyHash.KeyPrefix, StringComparison.Ordinal))
            {
                // A key without its scheme: a typo worth telling about. Other schemes (Basic, …) are not ours to judge.
                error = "The Authorization header holds a key without the Bearer scheme.";
                return null;
            }
        }

        var header = request.Headers[ApiKeyDefaults.HeaderName];
        if (header.Count > 1)
        {
            error = $"The request has more than one {ApiKeyDefaults.HeaderName} header.";
            return null;
        }
        var apiKey = header.Count == 1 ? header[0]!.Trim() : null;
        if (apiKey is { Length: 0 })
        {
            error = $"The {ApiKeyDefaults.HeaderName} header is empty.";
            return null;
        }
        if (bearer is not null && apiKey is not null && bearer != apiKey)
        {
            error = $"The Authorization and {ApiKeyDefaults.HeaderName} headers carry different keys.";
            return null;
        }
        return bearer ?? apiKey;
    }
}

/// <summary>Writes the RFC 9457 problem responses of authentication, authorization and rate limiting.</summary>
internal static class ApiProblem
{
    public static async Task WriteAsync(HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        // TryWrite: a client that accepts no JSON still gets the status and headers, just no body.
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        });
    }
}
