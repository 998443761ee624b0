using FluentValidation;

namespace Api.Stats;

public sealed class MeetingStatsQueryValidator : AbstractValidator<MeetingStatsQuery>
{
    public MeetingStatsQueryValidator()
    {
        RuleFor(q => q.GroupBy)
            .NotEmpty().WithMessage($"'groupBy' is required: one of {string.Join(", ", MeetingStatsGroups.All)}.")
            .OneOf(MeetingStatsGroups.All);
    }
}
