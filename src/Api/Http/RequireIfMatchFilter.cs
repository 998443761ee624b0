using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.Infrastructure;

namespace Api.Http;

/// <summary>
/// PUT, PATCH and DELETE must say which version they change: without <c>If-Match</c> the answer is 428,
/// before the body is even read.
/// </summary>
/// <remarks><see cref="WriteOperationConvention"/> puts its one instance on PUT, PATCH and DELETE actions, as a filter and as endpoint metadata (which the OpenAPI document reads).</remarks>
public sealed class RequireIfMatchFilter : IResourceFilter
{
    public static readonly RequireIfMatchFilter Instance = new();

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
