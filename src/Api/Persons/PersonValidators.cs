using Api.Countries;
using FluentValidation;

namespace Api.Persons;

public sealed class PersonRequestValidator : AbstractValidator<PersonRequest>
{
    public PersonRequestValidator()
    {
        RuleFor(p => p.NameEn).OptionalText(200);
        RuleFor(p => p.NameAr).OptionalText(200);
        RuleFor(p => p.NameEn).NotEmpty().When(p => p.NameAr is null).WithMessage("Give at least one of nameEn and nameAr.");
        RuleFor(p => p.Notes).OptionalText(4000, multiline: true);
        RuleFor(p => p.Aliases).NotNull()
            .Must(a => a is null || a.Where(x => x is not null).Select(x => x.Alias).Distinct().Count() == a.Count(x => x is not null)).WithMessage("Each alias may be given once.");
        RuleForEach(p => p.Aliases).NotNull().ChildRules(alias =>
        {
            alias.RuleFor(a => a.Alias).NotEmpty().OptionalText(200);
            alias.RuleFor(a => a.Language).NotEmpty().Matches("^[a-z]{2}$").WithMessage("'{PropertyName}' must be an ISO 639-1 code such as ar or en.");
        });
    }
}

public sealed class PersonFiltersValidator : AbstractValidator<PersonFilters>
{
    public PersonFiltersValidator(CountryCatalog countries)
    {
        RuleFor(q => q.Q).SearchText();
        RuleFor(q => q.Country).ExistingCountry(countries).When(q => q.Country is not null);
    }
}

public sealed class PersonListOptionsValidator : AbstractValidator<PersonListOptions>
{
    public PersonListOptionsValidator()
    {
        Include(new ExportablePagedQueryValidator());
        this.SortAndCountRules(PersonFilter.SortFields);
    }
}
