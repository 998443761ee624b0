using Api.Countries;
using FluentValidation;

namespace Api.Organizations;

public sealed class OrganizationRequestValidator : AbstractValidator<OrganizationRequest>
{
    public static readonly string[] Kinds =
        ["government", "ministry", "department", "embassy", "armed_forces", "team", "intergovernmental", "nongovernmental", "other"];

    public OrganizationRequestValidator(CountryCatalog countries)
    {
        RuleFor(o => o.NameEn).OptionalText(300);
        RuleFor(o => o.NameAr).OptionalText(300);
        RuleFor(o => o.NameEn).NotEmpty().When(o => o.NameAr is null).WithMessage("Give at least one of nameEn and nameAr.");
        RuleFor(o => o.Abbreviation).OptionalText(20);
        RuleFor(o => o.Kind).NotEmpty().OneOf(Kinds);
        RuleFor(o => o.CountryCode).ExistingCountry(countries).When(o => o.CountryCode is not null);
    }
}

public sealed class OrganizationFiltersValidator : AbstractValidator<OrganizationFilters>
{
    public OrganizationFiltersValidator(CountryCatalog countries)
    {
        RuleFor(q => q.Q).SearchText();
        RuleFor(q => q.Country).ExistingCountry(countries).When(q => q.Country is not null);
        RuleFor(q => q.Kind).OneOf(OrganizationRequestValidator.Kinds);
    }
}

public sealed class OrganizationListOptionsValidator : AbstractValidator<OrganizationListOptions>
{
    public OrganizationListOptionsValidator()
    {
        Include(new ExportablePagedQueryValidator());
        this.SortAndCountRules(OrganizationFilter.SortFields);
    }
}
