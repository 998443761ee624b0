using Api.Countries;
using FluentValidation;

namespace Api.Agreements;

public static class AgreementValues
{
    public static readonly string[] Kinds =
        ["treaty", "protocol", "mou", "joint_statement", "bilateral_arrangement", "multilateral_arrangement", "invitation", "commitment"];
    public static readonly string[] Statuses = ["proposed", "agreed", "signed", "in_force", "accepted", "fulfilled", "lapsed", "unknown"];
    public static readonly string[] PartyRoles = ["party", "signatory", "inviter", "invitee", "guarantor", "witness"];
    public static readonly string[] LinkKinds = ["concluded_at", "referenced_at", "planned_for", "fulfilled_by"];
}

public sealed class AgreementRequestValidator : AbstractValidator<AgreementRequest>
{
    public AgreementRequestValidator(CountryCatalog countries)
    {
        RuleFor(a => a.TitleEn).OptionalText(300);
        RuleFor(a => a.TitleAr).OptionalText(300);
        RuleFor(a => a.TitleEn).NotEmpty().When(a => a.TitleAr is null).WithMessage("Give at least one of titleEn and titleAr.");
        RuleFor(a => a.SummaryEn).OptionalText(4000, multiline: true);
        RuleFor(a => a.SummaryAr).OptionalText(4000, multiline: true);
        RuleFor(a => a.Kind).NotEmpty().OneOf(AgreementValues.Kinds);
        RuleFor(a => a.Status).NotEmpty().OneOf(AgreementValues.Statuses);
        RuleFor(a => a.DatePrecision).OneOf(Rules.DatePrecisions);
        RuleFor(a => a.DatePrecision).NotEmpty().When(a => a.Date is not null).WithMessage("Give the precision of the date.");
        RuleFor(a => a.DatePrecision).Null().When(a => a.Date is null).WithMessage("There is no date to give a precision for.");
        RuleFor(a => a.Date).WithinYears().Must((a, d) => Rules.MatchesPrecision(d, a.DatePrecision)).WithMessage(Rules.PrecisionMessage);

        RuleFor(a => a.Parties).NotNull();
        RuleForEach(a => a.Parties).NotNull().ChildRules(party =>
        {
            party.RuleFor(p => p.Role).NotEmpty().OneOf(AgreementValues.PartyRoles);
            party.RuleFor(p => p.CountryCode).ExistingCountry(countries).When(p => p.CountryCode is not null);
            party.RuleFor(p => p.CountryCode).NotEmpty().When(p => p.OrganizationId is null && p.PersonId is null)
                .WithMessage("Give at least one of countryCode, organizationId and personId.");
        });
        RuleFor(a => a.Meetings).NotNull()
            .Must(m => m is null || m.Where(x => x is not null).Select(x => (x.MeetingId, x.LinkKind)).Distinct().Count() == m.Count(x => x is not null))
            .WithMessage("Each link to a meeting may be given once.");
        RuleForEach(a => a.Meetings).NotNull().ChildRules(link =>
        {
            link.RuleFor(l => l.MeetingId).NotEmpty();
            link.RuleFor(l => l.LinkKind).NotEmpty().OneOf(AgreementValues.LinkKinds);
        });
        RuleFor(a => a.SourceIds).NotNull().Must(ids => ids is null || ids.Distinct().Count() == ids.Count).WithMessage("Each source may be given once.");
    }
}

public sealed class AgreementFiltersValidator : AbstractValidator<AgreementFilters>
{
    public AgreementFiltersValidator(CountryCatalog countries)
    {
        RuleFor(q => q.Party).ExistingCountry(countries).When(q => q.Party is not null);
        RuleFor(q => q.Parties).CountryCodeList()
            .MustAsync(async (q, _, cancellationToken) =>
            {
                foreach (var code in q.PartyList())
                    if (!await countries.ExistsAsync(code, cancellationToken))
                        return false;
                return true;
            })
            .WithMessage("Each code in 'parties' must be the ISO 3166-1 alpha-3 code of a country, such as NER.");
        RuleFor(q => q.Kind).OneOf(AgreementValues.Kinds);
        RuleFor(q => q.Status).OneOf(AgreementValues.Statuses);
        RuleFor(q => q.To).GreaterThanOrEqualTo(q => q.From).When(q => q.From is not null && q.To is not null)
            .WithMessage("'to' must not be before 'from'.");
        RuleFor(q => q.Q).SearchText();
    }
}

public sealed class AgreementListOptionsValidator : AbstractValidator<AgreementListOptions>
{
    public AgreementListOptionsValidator()
    {
        Include(new ExportablePagedQueryValidator());
        this.SortAndCountRules(AgreementFilter.SortFields);
    }
}
