using FluentValidation;

namespace Api.Countries;

public static class CountryRules
{
    /// <summary>An ISO 3166-1 alpha-3 code of a country that exists.</summary>
    public static IRuleBuilderOptions<T, string?> ExistingCountry<T>(this IRuleBuilder<T, string?> rule, CountryCatalog countries) =>
        rule.Matches("^[A-Z]{3}$").WithMessage("'{PropertyName}' must be an ISO 3166-1 alpha-3 code in capitals, such as NER.")
            .MustAsync(countries.ExistsAsync).WithMessage("'{PropertyValue}' is not an ISO 3166-1 alpha-3 country code.");
}

public sealed class CountryListQueryValidator : AbstractValidator<CountryListQuery>
{
    public CountryListQueryValidator()
    {
        Include(new ExportablePagedQueryValidator());
    }
}
