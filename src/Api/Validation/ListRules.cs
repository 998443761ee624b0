using FluentValidation;

namespace Api.Validation;

/// <summary>The validation rules of list parameters that several lists share.</summary>
public static class ListRules
{
    public const int MaxCodes = 10;

    /// <summary>A search: 2 to 200 characters, no control characters.</summary>
    public static IRuleBuilderOptions<T, string?> SearchText<T>(this IRuleBuilder<T, string?> rule) =>
        rule.OptionalText(200).Must(q => q is null || q.Trim().Length >= 2).WithMessage("'{PropertyName}' needs at least two characters.");

    /// <summary>1 to 10 comma-separated country codes, each once; that each exists is checked element by element.</summary>
    public static IRuleBuilderOptions<T, string?> CountryCodeList<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(c => c is null || c.Split(',', StringSplitOptions.TrimEntries) is { Length: >= 1 and <= MaxCodes } codes && codes.All(code => code.Length > 0))
            .WithMessage($"'{{PropertyName}}' takes 1 to {MaxCodes} comma-separated alpha-3 codes.")
            .Must(c => c is null || c.Split(',', StringSplitOptions.TrimEntries).Distinct().Count() == c.Split(',').Length)
            .WithMessage("'{PropertyName}' names a country twice.");

    /// <summary>
    /// The rules every sorted list's options share: <c>sort</c> takes up to three of the list's fields, <c>count</c> is
    /// exact or estimated. (Whether relevance may be asked, and whether a cursor fits the order, depend on the
    /// filters too: <see cref="ListQuery.TryOrder"/>.)
    /// </summary>
    public static void SortAndCountRules<T>(this AbstractValidator<T> validator, IReadOnlyDictionary<string, SortField> fields)
        where T : ISortedListOptions
    {
        validator.RuleFor(o => o.Sort).Must((o, sort) => sort is null || ListQuery.SortOf(o, fields) is not null).WithMessage(ListQuery.SortMessage(fields));
        validator.RuleFor(o => o.Count).OneOf(ListQuery.CountModes);
    }
}
