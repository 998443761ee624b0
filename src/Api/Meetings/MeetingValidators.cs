using Api.Countries;
using Api.Delegations;
using Api.Export;
using FluentValidation;

namespace Api.Meetings;

public static class MeetingValues
{
    public static readonly string[] Statuses = ["planned", "held", "cancelled", "unknown"];
    public static readonly string[] Formats = ["bilateral", "multilateral", "roundtable", "summit", "visit", "call", "conference", "other"];
}

public sealed class MeetingRequestValidator : AbstractValidator<MeetingRequest>
{
    public MeetingRequestValidator(CountryCatalog countries, IValidator<DelegationRequest> delegation)
    {
        RuleFor(m => m.TitleEn).OptionalText(300);
        RuleFor(m => m.TitleAr).OptionalText(300);
        RuleFor(m => m.TitleEn).NotEmpty().When(m => m.TitleAr is null).WithMessage("Give at least one of titleEn and titleAr.");
        RuleFor(m => m.SummaryEn).OptionalText(4000, multiline: true);
        RuleFor(m => m.SummaryAr).OptionalText(4000, multiline: true);

        RuleFor(m => m.StartDate).NotNull().WithinYears();
        RuleFor(m => m.StartDatePrecision).NotEmpty().OneOf(Rules.DatePrecisions);
        RuleFor(m => m.StartDate).Must((m, d) => Rules.MatchesPrecision(d, m.StartDatePrecision)).WithMessage(Rules.PrecisionMessage);
        RuleFor(m => m.EndDatePrecision).OneOf(Rules.DatePrecisions);
        RuleFor(m => m.EndDatePrecision).NotEmpty().When(m => m.EndDate is not null).WithMessage("Give the precision of the end date.");
        RuleFor(m => m.EndDatePrecision).Null().When(m => m.EndDate is null).WithMessage("There is no end date to give a precision for.");
        RuleFor(m => m.EndDate).WithinYears().Must((m, d) => Rules.MatchesPrecision(d, m.EndDatePrecision)).WithMessage(Rules.PrecisionMessage);
        RuleFor(m => m.EndDate).GreaterThanOrEqualTo(m => m.StartDate).When(m => m.EndDate is not null && m.StartDate is not null)
            .WithMessage("The end date must not be before the start date.");

        RuleFor(m => m.Status).NotEmpty().OneOf(MeetingValues.Statuses);
        RuleFor(m => m.Format).NotEmpty().OneOf(MeetingValues.Formats);
        RuleFor(m => m.CityEn).OptionalText(200);
        RuleFor(m => m.CityAr).OptionalText(200);
        RuleFor(m => m.CountryCode).ExistingCountry(countries).When(m => m.CountryCode is not null);
        RuleFor(m => m.HostCountryCode).ExistingCountry(countries).When(m => m.HostCountryCode is not null);
        RuleFor(m => m.Latitude).InclusiveBetween(-90, 90);
        RuleFor(m => m.Longitude).InclusiveBetween(-180, 180);
        RuleFor(m => m.Latitude).NotNull().When(m => m.Longitude is not null).WithMessage("Give the latitude with the longitude.");
        RuleFor(m => m.Longitude).NotNull().When(m => m.Latitude is not null).WithMessage("Give the longitude with the latitude.");

        RuleFor(m => m.TopicIds).NotNull().Must(ids => ids is null || ids.Distinct().Count() == ids.Count).WithMessage("Each topic may be given once.");
        RuleFor(m => m.SourceIds).NotNull().Must(ids => ids is null || ids.Distinct().Count() == ids.Count).WithMessage("Each source may be given once.");
        RuleFor(m => m.Delegations).NotNull()
            .Must(d => d is null || d.Where(x => x is not null).Select(MeetingStore.DelegationKey).Distinct().Count() == d.Count(x => x is not null))
            .WithMessage("Each party may have one delegation per role: two delegations have the same role, country and organisation.");
        RuleForEach(m => m.Delegations).NotNull().SetValidator(delegation);
        RuleFor(m => m.Delegations).Custom((delegations, context) =>
        {
            // Named twice, the later place is the one to fix.
            foreach (var (i, j, first) in MeetingStore.RepeatedSeats(delegations ?? []))
                context.AddFailure($"delegations[{i}].members[{j}].personId",
                    $"This person already sits in delegations[{first}]; a person sits in one delegation of a meeting.");
        });
        // A day's grace: a meeting held today somewhere east of UTC may start tomorrow by UTC's calendar.
        RuleFor(m => m.StartDate).Must((m, d) => m.Status != "held" || d is null || d <= DateOnly.FromDateTime(DateTime.UtcNow).AddDays(1))
            .WithMessage("A meeting that has not begun cannot have been held: give the status planned.");
    }
}

public sealed class MeetingFiltersValidator : AbstractValidator<MeetingFilters>
{
    public MeetingFiltersValidator(CountryCatalog countries)
    {
        RuleFor(q => q.To).GreaterThanOrEqualTo(q => q.From).When(q => q.From is not null && q.To is not null)
            .WithMessage("'to' must not be before 'from'.");
        RuleFor(q => q.Country).ExistingCountry(countries).When(q => q.Country is not null);
        RuleFor(q => q.Host).ExistingCountry(countries).When(q => q.Host is not null);
        RuleFor(q => q.Countries).CountryCodeList();
        RuleForEach(q => q.CountryList()).OverrideIndexer((_, _, _, _) => "").ExistingCountry(countries).OverridePropertyName("countries");
        RuleFor(q => q.City).OptionalText(200);
        RuleFor(q => q.Topic).Matches("^[a-z0-9]+(-[a-z0-9]+)*$").WithMessage("'topic' is a topic code such as border-security.");
        RuleFor(q => q.Status).OneOf(MeetingValues.Statuses);
        RuleForEach(q => q.Format).OverrideIndexer((_, _, _, _) => "").NotEmpty().OneOf([.. MeetingValues.Formats, .. OutputFormats.All]).OverridePropertyName("format");
        RuleFor(q => q.Format)
            .Must(f => f is null || f.Count(MeetingValues.Formats.Contains) <= 1).WithMessage("Give at most one meeting format.")
            .Must(f => f is null || f.Count(OutputFormats.All.Contains) <= 1).WithMessage("Give at most one output format.");
        RuleFor(q => q.Q).SearchText();
    }
}

public sealed class MeetingListOptionsValidator : AbstractValidator<MeetingListOptions>
{
    public MeetingListOptionsValidator()
    {
        Include(new PagedQueryValidator());
        this.SortAndCountRules(MeetingFilter.SortFields);
        RuleForEach(o => o.IncludeList()).OverrideIndexer((_, _, _, _) => "").OneOf(MeetingRepository.Includes).OverridePropertyName("include");
    }
}
