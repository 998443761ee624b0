using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Api.Infrastructure;

/// <summary>
/// Runs the FluentValidation validator of each action argument that has one and answers 400 with a
/// validation problem, keyed by camelCase field names, when any fails.
/// </summary>
public sealed class ValidationFilter(IServiceProvider services, ProblemDetailsFactory problems) : IAsyncActionFilter
{
    public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        var errors = new ModelStateDictionary();
        foreach (var argument in context.ActionArguments.Values)
        {
            if (argument is null)
                continue;
            var validatorType = typeof(IValidator<>).MakeGenericType(argument.GetType());
            if (services.GetService(validatorType) is not IValidator validator)
                continue;
            var result = await validator.ValidateAsync(
                new ValidationContext<object>(argument), context.HttpContext.RequestAborted);
            foreach (var failure in result.Errors)
                errors.AddModelError(Text.CamelCasePath(failure.PropertyName), failure.ErrorMessage);
        }

        if (errors.ErrorCount > 0)
        {
            var problem = problems.CreateValidationProblemDetails(context.HttpContext, errors, StatusCodes.Status400BadRequest);
            context.Result = new ObjectResult(problem)
            {
                StatusCode = StatusCodes.Status400BadRequest,
                ContentTypes = { "application/problem+json" },
            };
            return;
        }

        await next();
    }
}
