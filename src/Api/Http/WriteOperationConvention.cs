using Api.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Mvc.Routing;
using Microsoft.AspNetCore.RateLimiting;

namespace Api.Http;

/// <summary>
/// What every write operation needs, stated once instead of on each action: every POST, PUT, PATCH and DELETE
/// action requires a key with the write scope and counts against that key's write rate limit; PUT, PATCH and
/// DELETE must name the version they change (If-Match, else 428); POST and PUT take <c>application/json</c>
/// unless the action says otherwise (PATCH takes <c>application/merge-patch+json</c>).
/// </summary>
public sealed class WriteOperationConvention : IActionModelConvention
{
    public void Apply(ActionModel action)
    {
        var methods = action.Attributes.OfType<IActionHttpMethodProvider>().SelectMany(m => m.HttpMethods).ToHashSet();
        var changes = methods.Any(m => m is "POST" or "PUT" or "PATCH" or "DELETE");
        if (!changes)
            return;
        var requireIfMatch = methods.Any(m => m is "PUT" or "PATCH" or "DELETE");
        foreach (var selector in action.Selectors)
        {
            selector.EndpointMetadata.Add(new AuthorizeAttribute(ApiPolicies.Write));
            selector.EndpointMetadata.Add(new EnableRateLimitingAttribute(ApiPolicies.WriteRateLimit));
            if (requireIfMatch)
                selector.EndpointMetadata.Add(RequireIfMatchFilter.Instance);
        }
        if (requireIfMatch)
            action.Filters.Add(RequireIfMatchFilter.Instance);
        if (methods.Any(m => m is "POST" or "PUT") && !action.Filters.OfType<ConsumesAttribute>().Any())
            action.Filters.Add(new ConsumesAttribute("application/json"));
    }
}
