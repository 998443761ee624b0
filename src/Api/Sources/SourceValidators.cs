using FluentValidation;

namespace Api.Sources;

public sealed class SourceRequestValidator : AbstractValidator<SourceRequest>
{
    public SourceRequestValidator()
    {
        RuleFor(s => s.Title).OptionalText(500);
        RuleFor(s => s.Publisher).OptionalText(200);
        RuleFor(s => s.Url).MaximumLength(2000)
            .Must(Rules.IsAbsoluteHttpUrl).WithMessage("'{PropertyName}' must be an absolute http or https URL.");
        RuleFor(s => s.Language).Matches("^[a-z]{2}$").WithMessage("'{PropertyName}' must be an ISO 639-1 code such as ar or en.");
        RuleFor(s => s.PublishedOn).WithinYears();
        RuleFor(s => s.Reference).OptionalText(500);
        RuleFor(s => s.Notes).OptionalText(4000, multiline: true);
        RuleFor(s => s)
            .Must(s => s.Title is not null || s.Url is not null || s.Reference is not null)
            .WithName("title").OverridePropertyName("title")
            .WithMessage("Give at least one of title, url and reference.");
    }
}
