using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Api.Http;

/// <summary>
/// Answers 400 to a query parameter the operation does not know: a misspelt filter
/// (<c>?countri=NER</c>) must not silently return everything.
/// </summary>
public sealed class UnknownQueryParameterFilter(ProblemDetailsFactory problems) : IActionFilter
{
    private static readonly ConcurrentDictionary<string, HashSet<string>> Known = new();

    public void OnActionExecuting(ActionExecutingContext context)
    {
        var query = context.HttpContext.Request.Query;
        if (query.Count == 0)
            return;
        var known = Known.GetOrAdd(context.ActionDescriptor.Id, _ => QueryNames(context.ActionDescriptor));
        ModelStateDictionary? errors = null;
        foreach (var key in query.Keys.Where(k => !known.Contains(k)))
        {
            (errors ??= new ModelStateDictionary()).AddModelError(key, known.Count == 0
                ? "This operation takes no query parameters."
                : $"Unknown query parameter. This operation accepts: {string.Join(", ", known.Order(StringComparer.Ordinal))}.");
        }
        if (errors is null)
            return;
        var problem = problems.CreateValidationProblemDetails(context.HttpContext, errors, StatusCodes.Status400BadRequest);
        context.Result = new ObjectResult(problem)
        {
            StatusCode = StatusCodes.Status400BadRequest,
            ContentTypes = { "application/problem+json" },
        };
    }

    public void OnActionExecuted(ActionExecutedContext context)
    {
    }

    /// <summary>The names an action binds from the query: simple parameters, and the properties of [FromQuery] objects.</summary>
    private static HashSet<string> QueryNames(ActionDescriptor action)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var parameter in action.Parameters.Where(p => p.BindingInfo?.BindingSource == BindingSource.Query))
        {
            var properties = parameter.ParameterType.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.GetCustomAttribute<FromQueryAttribute>() is not null).ToList();
            if (properties.Count == 0)
                names.Add(parameter.BindingInfo?.BinderModelName ?? parameter.Name);
            foreach (var property in properties)
                names.Add(property.GetCustomAttribute<FromQueryAttribute>()!.Name ?? property.Name);
        }
        return names;
    }
}
