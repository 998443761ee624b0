using System.Collections.Concurrent;
using FluentValidation;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Api.Http;

/// <summary>
/// Runs the FluentValidation validator of each action argument that has one and answers 400 with a
/// validation problem, keyed by camelCase field names, when any fails.
/// </summary>
public sealed class ValidationFilter : IAsyncActionFilter
{
    /// <summary>IValidator&lt;T&gt; for each argument type seen, so that the generic type is made once, not per request.</summary>
    private static readonly ConcurrentDictionary<Type, Type> ValidatorTypes = new();

    public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        List<FieldError>? errors = null;
        foreach (var argument in context.ActionArguments.Values)
        {
            if (argument is null)
                continue;
            var validatorType = ValidatorTypes.GetOrAdd(argument.GetType(), type => typeof(IValidator<>).MakeGenericType(type));
            if (context.HttpContext.RequestServices.GetService(validatorType) is not IValidator validator)
                continue;
            var result = await validator.ValidateAsync(
                new ValidationContext<object>(argument), context.HttpContext.RequestAborted);
            foreach (var failure in result.Errors)
                (errors ??= []).Add(FieldError.From(failure));
        }

        if (errors is not null)
        {
            context.Result = WriteResponses.Validation(context.HttpContext, errors);
            return;
        }

        await next();
    }
}
