using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Api.Writes;

/// <summary>Turns what a write did into the response a client expects; shared by every writable resource.</summary>
public static class WriteResponses
{
    /// <summary>Who the change log names: the configured name of the API key the request came with.</summary>
    public static string Actor(this ControllerBase controller) => controller.User.Identity?.Name ?? "anonymous";

    /// <summary>
    /// A create's answer: 201 with the record as <paramref name="read"/> gives it in the write's transaction, its ETag
    /// and its Location (the URL of <paramref name="getAction"/>, with the record's id or <paramref name="routeValues"/>);
    /// otherwise the problem. With an <c>Idempotency-Key</c> the answer is stored under it, or the one stored is sent again.
    /// </summary>
    /// <param name="request">The body, whose digest tells a retry from another request under the same key.</param>
    /// <param name="write">The write, given the scope to run it in.</param>
    public static async Task<ActionResult> CreatedAsync<T>(this ControllerBase controller, object request, Func<IWriteScope, Task<WriteResult>> write,
        Func<DbSession, Guid, Task<T?>> read, string getAction, Func<T, object>? routeValues = null, Guid? id = null,
        Func<WriteResult, WriteResult>? interpret = null) where T : class
    {
        var key = IdempotentRequest.Read(controller.Request, controller.Actor(), request, out var error);
        if (error is not null)
            return Validation(controller.HttpContext, [error]);
        var scope = new HttpWrite<T>(controller, read)
        {
            Id = id, GetAction = getAction, RouteValues = routeValues, Idempotency = key, Interpret = interpret,
        };
        await write(scope);
        return scope.Answer!;
    }

    /// <summary>
    /// An update's or delete's answer: 200 with record <paramref name="id"/> as <paramref name="read"/> gives it in the
    /// write's transaction and its ETag, or 204; otherwise the problem (400, 404, 409, 412). The write goes ahead only if
    /// <paramref name="ifMatch"/> names the record's current ETag (or is <c>*</c>).
    /// </summary>
    public static async Task<ActionResult> WrittenAsync<T>(this ControllerBase controller, Guid id, IfMatch ifMatch,
        Func<IWriteScope, Task<WriteResult>> write, Func<DbSession, Guid, Task<T?>> read, Func<WriteResult, WriteResult>? interpret = null) where T : class
    {
        var scope = new HttpWrite<T>(controller, read) { Id = id, IfMatch = ifMatch, Interpret = interpret };
        await write(scope);
        return scope.Answer!;
    }

    /// <summary>
    /// The 400 for a body or query that could not be bound: fields named as the client wrote them
    /// (<c>delegations[0].startDate</c>, not <c>$.delegations[0].startDate</c>) and messages that name no .NET type.
    /// </summary>
    public static IActionResult InvalidModelState(ActionContext context)
    {
        var errors = new List<FieldError>();
        foreach (var (key, entry) in context.ModelState)
        {
            foreach (var error in entry.Errors)
            {
                if ((error.Exception as JsonException ?? error.Exception?.InnerException as JsonException) is { } json)
                    errors.Add(Documents.Describe(json));
                else
                    errors.Add(new FieldError(key.Length == 0 ? "body" : Documents.FieldOf(key), error.ErrorMessage));
            }
        }
        // An unreadable body also leaves "the <parameter> field is required"; it says nothing more, so it goes
        // when there is a better error. An empty body keeps one clear message.
        var bodyParameters = context.ActionDescriptor.Parameters
            .Where(p => p.BindingInfo?.BindingSource == BindingSource.Body).Select(p => p.Name).ToHashSet();
        var useful = errors.Where(e => !bodyParameters.Contains(e.Field)).ToList();
        if (useful.Count == 0 && errors.Count > 0)
            useful = [new FieldError("body", "A JSON body is required.")];
        return Validation(context.HttpContext, useful.DistinctBy(e => (e.Field, e.Message)));
    }

    /// <summary>A 400 validation problem keyed by the fields as the client wrote them.</summary>
    public static ObjectResult Validation(HttpContext context, IEnumerable<FieldError> errors) =>
        new(ValidationProblem(context, errors)) { StatusCode = StatusCodes.Status400BadRequest, ContentTypes = { "application/problem+json" } };

    /// <summary>The problem <see cref="Validation"/> answers.</summary>
    public static ValidationProblemDetails ValidationProblem(HttpContext context, IEnumerable<FieldError> errors)
    {
        var modelState = new ModelStateDictionary();
        foreach (var error in errors)
            modelState.AddModelError(error.Field, error.Message);
        var problems = context.RequestServices.GetRequiredService<ProblemDetailsFactory>();
        return problems.CreateValidationProblemDetails(context, modelState, StatusCodes.Status400BadRequest);
    }
}
