using Api.Export;
using Api.Validation;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;

namespace Api.Data;

/// <summary>What every page says besides its items.</summary>
public interface IPage
{
    string? NextCursor { get; }

    long? Total { get; }
}

/// <summary>One page of a list.</summary>
/// <typeparam name="T">The item type.</typeparam>
public sealed record Page<T> : IPage
{
    /// <summary>The items of this page, in list order.</summary>
    public required IReadOnlyList<T> Items { get; init; }

    /// <summary>Pass this as <c>cursor</c> to get the next page; null on the last page.</summary>
    /// <example>null</example>
    public string? NextCursor { get; init; }

    /// <summary>How many records match, when <c>count=exact</c> (a count) or <c>count=estimated</c> (the query planner's estimate) was asked; absent otherwise.</summary>
    /// <example>null</example>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public long? Total { get; init; }

    /// <summary>
    /// Cuts a result fetched with <c>limit + 1</c> rows down to the page and makes the next cursor
    /// from its last row when there was one more.
    /// </summary>
    public static Page<T> From(IReadOnlyList<T> rows, int limit, Func<T, Cursor> cursorOf)
    {
        if (rows.Count <= limit)
            return new Page<T> { Items = rows };
        var items = rows.Take(limit).ToList();
        return new Page<T> { Items = items, NextCursor = cursorOf(items[^1]).Encode() };
    }
}

public static class Paging
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 500;
}

/// <summary>The paging parameters every list accepts.</summary>
public abstract record PagedQuery
{
    /// <summary>Page size, 1 to 500; default 50.</summary>
    /// <example>50</example>
    [FromQuery(Name = "limit")]
    public int Limit { get; init; } = Paging.DefaultLimit;

    /// <summary>The <c>nextCursor</c> of the previous page; omit for the first page.</summary>
    [FromQuery(Name = "cursor")]
    public string? Cursor { get; init; }
}

/// <summary>The paging of a list that can also be exported whole as CSV or NDJSON.</summary>
public abstract record ExportablePagedQuery : PagedQuery
{
    /// <summary>json (default), csv or ndjson; also chosen by Accept. csv and ndjson carry every matching record, not a page.</summary>
    [FromQuery(Name = "format")]
    public string? Format { get; init; }

    /// <summary>With format=csv: true starts the file with a UTF-8 byte-order mark, which Excel needs to show Arabic.</summary>
    [FromQuery(Name = "bom")]
    public bool? Bom { get; init; }
}

/// <summary>The rules of <see cref="ExportablePagedQuery"/>.</summary>
public sealed class ExportablePagedQueryValidator : AbstractValidator<ExportablePagedQuery>
{
    public ExportablePagedQueryValidator()
    {
        Include(new PagedQueryValidator());
        RuleFor(q => q.Format).OneOf([OutputFormats.Json, OutputFormats.Csv, OutputFormats.Ndjson]);
    }
}

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
