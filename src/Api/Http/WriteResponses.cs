using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Api.Http;

/// <summary>Turns what a write did into the response a client expects; shared by every writable resource.</summary>
public static class WriteResponses
{
    /// <summary>Who the change log names: the configured name of the API key the request came with.</summary>
    public static string Actor(this ControllerBase controller) => controller.User.Identity?.Name ?? "anonymous";

    /// <summary>
    /// 200 (updated or unchanged) or 204 (deleted), with the record as <paramref name="read"/> gives it and its ETag;
    /// otherwise the problem: 400, 404, 409 or 412.
    /// </summary>
    public static Task<ActionResult> WrittenAsync<T>(this ControllerBase controller, WriteResult result, Func<Guid, Task<T?>> read) where T : class =>
        AnswerAsync(controller, result, read, record => controller.Ok(record), controller.NoContent);

    /// <summary>
    /// A create's answer: 201 with the record as <paramref name="read"/> gives it, its ETag and its Location (the URL of
    /// <paramref name="getAction"/>, with the record's id or <paramref name="routeValues"/>); otherwise the problem.
    /// </summary>
    public static Task<ActionResult> CreatedAsync<T>(this ControllerBase controller, WriteResult result, Func<Guid, Task<T?>> read, string getAction,
        Func<T, object>? routeValues = null) where T : class =>
        AnswerAsync(controller, result, read, record => controller.CreatedAtAction(getAction, routeValues?.Invoke(record) ?? new { id = result.Id }, record),
            // The record's own route values need the record; without it there is no Location to give.
            () => routeValues is null ? controller.CreatedAtAction(getAction, new { id = result.Id }, null) : controller.StatusCode(StatusCodes.Status201Created));

    private static async Task<ActionResult> AnswerAsync<T>(ControllerBase controller, WriteResult result, Func<Guid, Task<T?>> read,
        Func<T, ActionResult> succeeded, Func<ActionResult> unread) where T : class
    {
        switch (result.Outcome)
        {
            case WriteOutcome.Deleted:
                return controller.NoContent();
            case WriteOutcome.NotFound:
                return controller.NotFound();
            case WriteOutcome.Invalid:
                return Validation(controller.HttpContext, result.Errors);
            case WriteOutcome.Conflict:
                return controller.Problem(statusCode: StatusCodes.Status409Conflict, detail: result.Detail);
            case WriteOutcome.PreconditionFailed:
                return controller.Problem(statusCode: StatusCodes.Status412PreconditionFailed, detail: result.Detail);
        }
        T? record;
        try
        {
            record = await read(result.Id);
        }
        catch (Exception e) when (result.Outcome is WriteOutcome.Created or WriteOutcome.Updated
                                  && e is Npgsql.NpgsqlException or OperationCanceledException
                                  && !controller.HttpContext.RequestAborted.IsCancellationRequested)
        {
            // Committed, but the database failed before the answer could be read back: a 5xx would invite a retry that
            // writes again. The write is acknowledged without its body: 201 with Location, or 204.
            controller.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(WriteResponses))
                .LogWarning("Wrote {Id} but could not read it back ({Error}: {Message}); answered without a body.", result.Id, e.GetType().Name, e.Message);
            return unread();
        }
        // Retired by someone else between the commit and this read.
        return record is null ? controller.NotFound() : succeeded(record);
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
    public static ObjectResult Validation(HttpContext context, IEnumerable<FieldError> errors)
    {
        var modelState = new ModelStateDictionary();
        foreach (var error in errors)
            modelState.AddModelError(error.Field, error.Message);
        var problems = context.RequestServices.GetRequiredService<ProblemDetailsFactory>();
        var problem = problems.CreateValidationProblemDetails(context, modelState, StatusCodes.Status400BadRequest);
        return new ObjectResult(problem) { StatusCode = StatusCodes.Status400BadRequest, ContentTypes = { "application/problem+json" } };
    }
}
