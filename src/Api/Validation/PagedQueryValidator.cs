using FluentValidation;

namespace Api.Validation;

/// <summary>The rules of <see cref="PagedQuery"/>, included by every list query's validator.</summary>
public sealed class PagedQueryValidator : AbstractValidator<PagedQuery>
{
    public const string CursorMessage = "The cursor is not one this API gave out.";

    public PagedQueryValidator()
    {
        RuleFor(q => q.Limit).InclusiveBetween(1, Paging.MaxLimit);
        RuleFor(q => q.Cursor).Must(c => c is null || Cursor.TryDecode(c, out _)).WithMessage(CursorMessage);
    }
}
