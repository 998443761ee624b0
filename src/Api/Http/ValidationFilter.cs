using Api.Validation;
using FluentValidation;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Api.Http;

/// <summary>
/// Runs the FluentValidation validator of each action argument that has one and answers 400 with a
/// validation problem, keyed by camelCase field names, when any fails.
/// </summary>
public sealed class ValidationFilter(IServiceProvider services) : IAsyncActionFilter
{
    public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        var errors = new List<FieldError>();
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
                errors.Add(FieldError.From(failure));
        }

        if (errors.Count > 0)
        {
            context.Result = WriteResponses.Validation(context.HttpContext, errors);
            return;
        }

        await next();
    }
}
