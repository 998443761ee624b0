namespace Api.Data;

/// <summary>A row that carries the text of its sort values (<c>sort0</c>…<c>sort2</c>), for the next page's cursor.</summary>
public interface ISortedRow
{
    IEnumerable<string?> SortValues { get; }
}
