using Api.Data.Lists;
using Microsoft.AspNetCore.Mvc;

namespace Api.Export;

public static class ListResponses
{
    /// <summary>A page as JSON, or with format=csv|ndjson (or Accept) every matching record, read page by page.</summary>
    public static async Task<ActionResult> PageOrExportAsync<T>(this ControllerBase controller, ExportablePagedQuery query, CsvOptions csv, string name,
        Func<string?, int, Task<Page<T>>> page)
    {
        var format = OutputFormats.Of(controller.Request, [OutputFormats.Json, OutputFormats.Csv, OutputFormats.Ndjson]);
        if (format == OutputFormats.Json)
            return controller.Ok(await page(query.Cursor, query.Limit));
        var json = controller.HttpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<JsonOptions>>().Value.JsonSerializerOptions;
        await PagedExport.WriteAsync(controller.Response, name, format, csv.Bom == true, cursor => page(cursor ?? query.Cursor, PagedExport.PageSize), json, controller.HttpContext.RequestAborted);
        return new EmptyResult();
    }
}
