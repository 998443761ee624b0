using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Dapper;

namespace Api.Data.Lists;

/// <summary>
/// What the lists share: choosing the order, reading one keyset page in it (or, for topics and countries, a page by
/// code), and the count.
/// </summary>
public static class ListQuery
{
    public static readonly string[] CountModes = ["exact", "estimated"];

    public const string Relevance = "relevance";

    public static string SortMessage(IReadOnlyDictionary<string, SortField> fields) =>
        $"'sort' takes up to {SortOrder.MaxFields} of: {string.Join(", ", fields.Keys)}, each once, comma-separated, with - for descending.";

    /// <summary>
    /// The order a request asks for (its <c>sort</c>, else <paramref name="fallback"/>), or the error to answer 400 with:
    /// relevance without a search, or a cursor that was made for another order. (That the sort names the list's fields
    /// was checked with the other options: <see cref="SortOf"/>.)
    /// </summary>
    public static bool TryOrder(ISortedListOptions options, IReadOnlyDictionary<string, SortField> fields, SortOrder fallback, bool searching,
        out SortOrder order, out FieldError? error)
    {
        order = SortOf(options, fields) ?? fallback;
        error = null;
        if (!searching && order.Keys.Any(k => k.Field.Name == Relevance))
            error = new FieldError("sort", "Sorting by relevance needs a search (q).");
        else if (options.Cursor is not null && order.Read(options.Cursor) is null)
            error = new FieldError("cursor", "This cursor was made for another sort order, or is not one this API gave out.");
        return error is null;
    }

    /// <summary>
    /// The order the options' <c>sort</c> names, null when it names none (or none of <paramref name="fields"/>'s). Parsed once
    /// per options object — the validator asks first, then the action — and remembered beside it.
    /// </summary>
    public static SortOrder? SortOf(ISortedListOptions options, IReadOnlyDictionary<string, SortField> fields)
    {
        if (options.Sort is null)
            return null;
        if (ParsedSorts.TryGetValue(options, out var parsed) && parsed.Fields == fields)
            return parsed.Order;
        var order = SortOrder.TryParse(options.Sort, fields, out var found) ? found : null;
        ParsedSorts.AddOrUpdate(options, new ParsedSort(fields, order));
        return order;
    }

    private sealed record ParsedSort(IReadOnlyDictionary<string, SortField> Fields, SortOrder? Order);

    private static readonly ConditionalWeakTable<ISortedListOptions, ParsedSort> ParsedSorts = new();

    /// <summary>
    /// One page of rows in <paramref name="order"/> after the cursor: <c>limit + 1</c> rows are read, so the page knows
    /// whether another follows. <paramref name="from"/> may join more tables than the filter's (what the sort reads).
    /// </summary>
    public static async Task<Page<T>> PageAsync<T>(DbSession db, string columns, string from, FilterSql filter, SortOrder order,
        string idColumn, PagedQuery paging, Func<T, Guid> idOf)
    {
        // A copy: the filter also serves the count, which takes none of the page's parameters.
        var parameters = new DynamicParameters(filter.Parameters);
        parameters.Add("take", paging.Limit + 1);
        var cursor = order.Read(paging.Cursor);
        var sql = order.Keys[0].Field.Tiers is { } tiers
            ? TieredPageSql(columns, from, filter, order, tiers, idColumn, cursor, parameters)
            : PageSql(columns, from, order.Keys[0].Field.Indexed ? filter.InListOrder ?? filter.Where : filter.Where, order, idColumn,
                cursor is null ? null : order.After(cursor, idColumn, parameters));
        var rows = await db.QueryAsync<T, SortValues, (T Item, SortValues Sort)>(sql, parameters, "sort0", (item, sort) => (item, sort));
        var page = Page<(T Item, SortValues Sort)>.From(rows, paging.Limit, row => order.CursorFor(row.Sort ?? Unsorted, idOf(row.Item)));
        return new Page<T> { Items = page.Items.Select(row => row.Item).ToList(), NextCursor = page.NextCursor };
    }

    private static string PageSql(string columns, string from, string where, SortOrder order, string idColumn, string? after, string? keys = null) => $"""
        SELECT {columns}, {order.SelectColumns}{(keys is null ? "" : ", " + keys)}
        FROM {from}
        WHERE {where}{(after is null ? "" : "\n  AND " + after)}
        ORDER BY {order.OrderBy(idColumn)}
        LIMIT @take
        """;

    /// <summary>
    /// A page led by a tiered field (<see cref="SortTiers"/>): the rows that meet its condition, in the order with its
    /// ranked SQL, and the others, in the order with its constant — which the planner can read from an index in the
    /// order of the following keys and stop at the page's end, instead of ranking every row that matches — each up to
    /// a page, then the two merged by their values. After a cursor on the constant, the other rows continue after the
    /// cursor's following keys (an index seeks to them); before it, all of them follow; beyond it, none.
    /// </summary>
    private static string TieredPageSql(string columns, string from, FilterSql filter, SortOrder order, SortTiers tiers, string idColumn,
        SortCursor? cursor, DynamicParameters parameters)
    {
        var ranked = order.WithLeadingSql(tiers.Ranked);
        var constant = order.WithLeadingSql(tiers.Constant);
        string? constantAfter = null;
        if (cursor is not null)
        {
            var lead = double.Parse(cursor.Values[0], CultureInfo.InvariantCulture);
            var comparison = tiers.ConstantValue.CompareTo(lead) * (order.Keys[0].Descending ? -1 : 1);
            constantAfter = comparison switch { > 0 => null, 0 => order.After(cursor, idColumn, parameters, first: 1), _ => "false" };
        }
        // Both tiers read a common word's matches without the search index: the ranked tier through the index of
        // its own condition (a title's), the other in list order.
        var where = filter.InListOrder ?? filter.Where;
        var rankedAfter = cursor is null ? null : ranked.After(cursor, idColumn, parameters);
        // Nearest first is best first: a page of the best ranked (a descending order) only.
        var rankedPage = filter.Nearest is { } nearest && order.Keys[0].Descending
            ? NearestPageSql(columns, from, $"{where}\n  AND {tiers.Condition}", ranked, idColumn, rankedAfter, nearest)
            : PageSql(columns, from, $"{where}\n  AND {tiers.Condition}", ranked, idColumn, rankedAfter, ranked.SelectKeys(idColumn));
        var constantPage = PageSql(columns, from, $"{where}\n  AND {tiers.Condition} IS NOT TRUE", constant, idColumn,
            constantAfter, constant.SelectKeys(idColumn));
        return $"""
            SELECT * FROM (
            ({rankedPage})
            UNION ALL
            ({constantPage})
            ) page
            ORDER BY {order.OrderByKeys}
            LIMIT @take
            """;
    }

    /// <summary>
    /// A page in <paramref name="order"/> read through <paramref name="nearest"/> (<see cref="FilterSql.Nearest"/>): the
    /// nearest rows up to a page and every row as near as its last — since the nearer a row the higher it ranks, the
    /// page in the whole order is among them — then ordered by the whole order.
    /// </summary>
    private static string NearestPageSql(string columns, string from, string where, SortOrder order, string idColumn, string? after,
        string nearest) => $"""
        SELECT * FROM (
            SELECT {columns}, {order.SelectColumns}, {order.SelectKeys(idColumn)}
            FROM {from}
            WHERE {where}{(after is null ? "" : "\n  AND " + after)}
            ORDER BY {nearest}
            FETCH FIRST @take ROWS WITH TIES
        ) nearest
        ORDER BY {order.OrderByKeys}
        LIMIT @take
        """;

    // Dapper gives no sort values when the first is NULL. Sort expressions are never null (each field's SQL sees to it);
    // should one be, the cursor holds no values and the next request is refused as a foreign cursor, not a 500.
    private static readonly SortValues Unsorted = new();

    /// <summary>The number of rows that match (count=exact), the planner's estimate of it (count=estimated), or null.</summary>
    public static async Task<long?> TotalAsync(DbSession db, string? count, FilterSql filter)
    {
        switch (count)
        {
            case "exact":
                var countSql = $"""
                    SELECT count(*) FROM {filter.From} WHERE {filter.Where}
                    """;
                return await db.ScalarAsync<long>(countSql, filter.Parameters);
            case "estimated":
                // No rows are read, so it costs the same at any size.
                var explainSql = $"""
                    EXPLAIN (FORMAT JSON) SELECT 1 FROM {filter.From} WHERE {filter.Where}
                    """;
                var plan = await db.ScalarAsync<string>(explainSql, filter.Parameters);
                using (var json = JsonDocument.Parse(plan!))
                    return (long)Math.Round(json.RootElement[0].GetProperty("Plan").GetProperty("Plan Rows").GetDouble());
            default:
                return null;
        }
    }

    /// <summary>
    /// One page of a list ordered by a unique text code (topics, countries): <paramref name="sql"/> reads the rows after
    /// <c>@after</c> (null for the first page) and at most <c>@take</c> of them.
    /// </summary>
    public static async Task<Page<T>> ByCodeAsync<T>(DbSession db, string sql, PagedQuery query, Func<T, Cursor> cursorOf)
    {
        Cursor.TryDecode(query.Cursor, out var cursor);
        var rows = await db.QueryAsync<T>(sql, new { after = cursor?.Key, take = query.Limit + 1 });
        return Page<T>.From(rows, query.Limit, cursorOf);
    }
}
