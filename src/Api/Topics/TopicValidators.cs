using FluentValidation;

namespace Api.Topics;

public sealed class TopicRequestValidator : AbstractValidator<TopicRequest>
{
    public TopicRequestValidator()
    {
        RuleFor(t => t.Code).NotEmpty().MaximumLength(64)
            .Matches("^[a-z0-9]+(-[a-z0-9]+)*$").WithMessage("'{PropertyName}' must be lower-case words joined by hyphens, such as border-security.");
        RuleFor(t => t.LabelEn).NotEmpty().OptionalText(200);
        RuleFor(t => t.LabelAr).NotEmpty().OptionalText(200);
    }
}

public sealed class TopicListQueryValidator : AbstractValidator<TopicListQuery>
{
    public TopicListQueryValidator()
    {
        Include(new ExportablePagedQueryValidator());
    }
}
