using Api.Countries;
using FluentValidation;

namespace Api.Delegations;

public static class DelegationValues
{
    public static readonly string[] Roles = ["host", "guest", "organiser", "participant", "mediator"];
}

public sealed class DelegationRequestValidator : AbstractValidator<DelegationRequest>
{
    public DelegationRequestValidator(CountryCatalog countries)
    {
        RuleFor(d => d.Role).NotEmpty().OneOf(DelegationValues.Roles);
        RuleFor(d => d.CountryCode).ExistingCountry(countries).When(d => d.CountryCode is not null);
        RuleFor(d => d.CountryCode).NotEmpty().When(d => d.OrganizationId is null)
            .WithMessage("Give the country or the organisation the delegation represents.");
        RuleFor(d => d.Members).NotNull()
            .Must(m => m is null || m.Count(x => x is { IsHead: true }) <= 1).WithMessage("A delegation has at most one head.")
            .Must(m => m is null || m.Where(x => x is not null).Select(x => x.PersonId).Distinct().Count() == m.Count(x => x is not null)).WithMessage("Each person may be listed once.");
        RuleForEach(d => d.Members).NotNull().ChildRules(member =>
        {
            member.RuleFor(m => m.PersonId).NotEmpty();
            member.RuleFor(m => m.TitleEn).OptionalText(300);
            member.RuleFor(m => m.TitleAr).OptionalText(300);
            member.RuleFor(m => m.RankEn).OptionalText(100);
            member.RuleFor(m => m.RankAr).OptionalText(100);
        });
    }
}

public sealed class NewDelegationRequestValidator : AbstractValidator<NewDelegationRequest>
{
    public NewDelegationRequestValidator(IValidator<DelegationRequest> delegation)
    {
        RuleFor(d => d.MeetingId).NotEmpty();
        Include(delegation);
    }
}

public sealed class DelegationFiltersValidator : AbstractValidator<DelegationFilters>
{
    public DelegationFiltersValidator(CountryCatalog countries)
    {
        RuleFor(q => q.Country).ExistingCountry(countries).When(q => q.Country is not null);
    }
}

public sealed class DelegationListOptionsValidator : AbstractValidator<DelegationListOptions>
{
    public DelegationListOptionsValidator()
    {
        Include(new ExportablePagedQueryValidator());
        this.SortAndCountRules(DelegationFilter.SortFields);
    }
}
