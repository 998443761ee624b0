namespace Api.Export;

/// <summary>How a list action answers: a page as JSON, or every matching record as CSV or NDJSON.</summary>
public static class ListResponses
{
    /// <summary>
    /// A sorted list's answer: its order (its <c>sort</c>, else <paramref name="fallback"/>; a 400 when the order cannot
    /// be had, <see cref="ListQuery.TryOrder"/>), then a page or the export of every matching record in that order.
    /// </summary>
    public static async Task<ActionResult> SortedPageOrExportAsync<TOptions, T>(this ControllerBase controller, TOptions options, CsvOptions csv,
        string name, IReadOnlyDictionary<string, SortField> fields, SortOrder fallback, bool searching, Func<string?, int, SortOrder, Task<Page<T>>> page)
        where TOptions : ExportablePagedQuery, ISortedListOptions
    {
        if (!ListQuery.TryOrder(options, fields, fallback, searching, out var order, out var error))
            return WriteResponses.Validation(controller.HttpContext, [error!]);
        return await controller.PageOrExportAsync(options, csv, name, (cursor, limit) => page(cursor, limit, order));
    }

    /// <summary>A page as JSON, or with format=csv|ndjson (or Accept) every matching record, read page by page.</summary>
    public static async Task<ActionResult> PageOrExportAsync<T>(this ControllerBase controller, ExportablePagedQuery query, CsvOptions csv, string name,
        Func<string?, int, Task<Page<T>>> page)
    {
        var format = OutputFormats.Of(controller.Request, [OutputFormats.Json, OutputFormats.Csv, OutputFormats.Ndjson]);
        if (format == OutputFormats.Json)
            return controller.Ok(await page(query.Cursor, query.Limit));
        var json = controller.HttpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<JsonOptions>>().Value.JsonSerializerOptions;
        var deadline = controller.HttpContext.RequestServices.GetRequiredService<RequestDeadline>();
        await PagedExport.WriteAsync(controller.Response, name, format, csv.Bom == true, cursor => page(cursor ?? query.Cursor, PagedExport.PageSize), json,
            deadline.Progressed, deadline.Token);
        return new EmptyResult();
    }
}
