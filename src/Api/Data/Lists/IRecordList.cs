namespace Api.Data.Lists;

/// <summary>
/// A resource's list as its repository reads it: the keys it sorts by, the order it takes when none is asked, and a
/// page in a given order. <see cref="Http.ListedRecordsController{TRequest,TResponse,TFilters,TOptions,TItem}"/> answers
/// every such list alike — a page, or an export of every match.
/// </summary>
public interface IRecordList<TFilters, TOptions, TItem> where TOptions : ExportablePagedQuery, ISortedListOptions
{
    /// <summary>The keys of <c>sort=</c>, by name.</summary>
    IReadOnlyDictionary<string, SortField> SortFields { get; }

    /// <summary>The order without <c>sort=</c>: best match first when the filters search.</summary>
    SortOrder DefaultOrder(TFilters filters);

    /// <summary>Whether the filters search text (relevance can then be asked for).</summary>
    bool Searches(TFilters filters);

    /// <summary>A page in <paramref name="order"/>, after the options' cursor, with the count if asked.</summary>
    Task<Page<TItem>> ListAsync(TFilters filters, TOptions options, SortOrder order);
}
