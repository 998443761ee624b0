using FluentValidation.Results;

namespace Api.Validation;

/// <summary>A problem with one field of a request, the field named as the client writes it.</summary>
public sealed record FieldError(string Field, string Message)
{
    /// <summary>A validator's failure, its property path in camelCase: <c>Delegations[0].PersonId</c> → <c>delegations[0].personId</c>.</summary>
    public static FieldError From(ValidationFailure failure) => new(CamelCase(failure.PropertyName), failure.ErrorMessage);

    /// <summary>camelCase for each segment of a FluentValidation property path.</summary>
    public static string CamelCase(string propertyPath) =>
        string.Join('.', propertyPath.Split('.').Select(s => s.Length == 0 ? s : char.ToLowerInvariant(s[0]) + s[1..]));
}
