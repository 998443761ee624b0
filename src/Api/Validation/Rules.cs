using FluentValidation;

namespace Api.Validation;

/// <summary>Validation rules that several resources share; column limits live beside each resource.</summary>
public static class Rules
{
    public static readonly string[] DatePrecisions = ["day", "month", "year"];

    /// <summary>Messages name fields as clients write them (<c>'limit'</c>, not <c>'Limit'</c>).</summary>
    public static void Configure() =>
        ValidatorOptions.Global.DisplayNameResolver = (_, member, _) =>
            member is null ? null : char.ToLowerInvariant(member.Name[0]) + member.Name[1..];

    /// <summary>Optional text: when given, not blank, within the column limit, no control characters.</summary>
    public static IRuleBuilderOptions<T, string?> OptionalText<T>(this IRuleBuilder<T, string?> rule, int maxLength, bool multiline = false) =>
        rule.Must(v => v is null || v.Trim().Length > 0).WithMessage("'{PropertyName}' must not be blank; leave it out instead.")
            .MaximumLength(maxLength)
            .Must(v => v is null || !HasControlCharacters(v, multiline)).WithMessage("'{PropertyName}' must not contain control characters.");

    /// <summary>One of a fixed list of values, named in the message so a client can correct it.</summary>
    public static IRuleBuilderOptions<T, string?> OneOf<T>(this IRuleBuilder<T, string?> rule, IReadOnlyCollection<string> values) =>
        rule.Must(v => v is null || values.Contains(v))
            .WithMessage($"'{{PropertyName}}' must be one of: {string.Join(", ", values)}.");

    /// <summary>A date whose precision says which parts are known: 'month' dates fall on the 1st, 'year' dates on 1 January.</summary>
    public static bool MatchesPrecision(DateOnly? date, string? precision) => (date, precision) switch
    {
        (null, _) => true,
        (_, "day") => true,
        ({ } d, "month") => d.Day == 1,
        ({ } d, "year") => d.Day == 1 && d.Month == 1,
        _ => true, // an unknown precision is reported by its own rule
    };

    /// <summary>The last day a date of this precision can stand for (a month's last day, a year's 31 December).</summary>
    public static DateOnly PeriodEnd(DateOnly date, string? precision) => precision switch
    {
        "month" => date.AddMonths(1).AddDays(-1),
        "year" => date.AddYears(1).AddDays(-1),
        _ => date,
    };

    /// <summary>The years a stored date may fall in: every date the domain needs, and none that date arithmetic would overflow.</summary>
    public const int FirstYear = 1000, LastYear = 2999;

    /// <summary>A date within <see cref="FirstYear"/>–<see cref="LastYear"/> when given; the message names the range.</summary>
    public static IRuleBuilderOptions<T, DateOnly?> WithinYears<T>(this IRuleBuilder<T, DateOnly?> rule) =>
        rule.Must(d => d is null || d.Value.Year is >= FirstYear and <= LastYear)
            .WithMessage($"'{{PropertyName}}' must fall in the years {FirstYear} to {LastYear}.");

    public const string PrecisionMessage =
        "A date with precision 'month' must be the first day of that month, and with precision 'year' the 1st of January of that year.";

    public static bool HasControlCharacters(string value, bool allowLineBreaks) =>
        value.Any(c => char.IsControl(c) && !(allowLineBreaks && c is '\n' or '\r' or '\t'));

    public static bool IsAbsoluteHttpUrl(string? value) =>
        value is null || (Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https");
}
