using FluentValidation;

namespace Api.Changes;

public sealed class ChangeFeedQueryValidator : AbstractValidator<ChangeFeedQuery>
{
    public ChangeFeedQueryValidator(RecordResources resources)
    {
        RuleFor(q => q.After).Must(a => a is null || ChangeValues.SequenceOf(a) is not null).WithMessage("'after' must be a cursor this feed gave out.");
        RuleFor(q => q.Resource).OneOf(resources.Names.Order(StringComparer.Ordinal).ToList());
        RuleFor(q => q.Limit).InclusiveBetween(1, 1000);
    }
}

public sealed class HistoryQueryValidator : AbstractValidator<HistoryQuery>
{
    public HistoryQueryValidator()
    {
        Include(new PagedQueryValidator());
        RuleFor(q => q.Cursor).Must(c => c is null || ChangeValues.SequenceOf(c) is not null).WithMessage(PagedQueryValidator.CursorMessage);
    }
}
