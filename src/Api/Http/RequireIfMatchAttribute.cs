using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.Infrastructure;

namespace Api.Http;

/// <summary>
/// PUT, PATCH and DELETE must say which version they change: without <c>If-Match</c> the answer is 428,
/// before the body is even read.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RequireIfMatchAttribute : Attribute, IResourceFilter
{
    /// <summary>The one instance <see cref="WriteOperationConvention"/> puts on PUT, PATCH and DELETE actions.</summary>
    public static readonly RequireIfMatchAttribute Instance = new();

    public void OnResourceExecuting(ResourceExecutingContext context)
    {
        if (context.HttpContext.Request.Headers.IfMatch.Count > 0)
            return;
        var problems = context.HttpContext.RequestServices.GetRequiredService<ProblemDetailsFactory>();
        var problem = problems.CreateProblemDetails(context.HttpContext, StatusCodes.Status428PreconditionRequired,
            detail: "Send the ETag of the version you read in If-Match (GET the record first), so that no one else's change is overwritten.");
        context.Result = new ObjectResult(problem) { StatusCode = problem.Status, ContentTypes = { "application/problem+json" } };
    }

    public void OnResourceExecuted(ResourceExecutedContext context)
    {
    }
}
