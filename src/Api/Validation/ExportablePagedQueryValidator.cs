using Api.Export;
using FluentValidation;

namespace Api.Validation;

/// <summary>The rules of <see cref="ExportablePagedQuery"/>.</summary>
public sealed class ExportablePagedQueryValidator : AbstractValidator<ExportablePagedQuery>
{
    public ExportablePagedQueryValidator()
    {
        Include(new PagedQueryValidator());
        RuleFor(q => q.Format).OneOf([OutputFormats.Json, OutputFormats.Csv, OutputFormats.Ndjson]);
    }
}
