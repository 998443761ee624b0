using Api.Changes;
using Api.Export;

namespace Api.Http;

/// <summary>
/// The actions of <see cref="RecordsController{TRequest,TResponse}"/>, and the list of a resource whose list is like the
/// others: filtered, searched, sorted, paged, counted, or exported whole as CSV or NDJSON. Its summary and examples stand
/// in the controller's documentation, <c>&lt;list&gt;</c> (<see cref="OpenApi.ControllerDocsFilter"/>).
/// </summary>
public abstract class ListedRecordsController<TRequest, TResponse, TFilters, TOptions, TItem>(IRecordList<TFilters, TOptions, TItem> list,
    IRecordReader<TResponse> reader, IRecordStore<TRequest> store, RecordWriter writer, ChangeRepository changes)
    : RecordsController<TRequest, TResponse>(reader, store, writer, changes)
    where TRequest : class where TResponse : class where TOptions : ExportablePagedQuery, ISortedListOptions
{
    /// <summary>Lists {records}.</summary>
    /// <param name="filters">Which {records}.</param>
    /// <param name="options">Order, paging and count.</param>
    [HttpGet]
    [Exports(OutputFormats.Csv, OutputFormats.Ndjson)]
    [ProducesResponseType(StatusCodes.Status200OK)]
    public async Task<ActionResult<Page<TItem>>> List([FromQuery] TFilters filters, [FromQuery] TOptions options, [FromQuery] CsvOptions csv) =>
        await this.SortedPageOrExportAsync(options, csv, Store.Resource.Name, list.SortFields, list.DefaultOrder(filters), list.Searches(filters),
            (cursor, limit, order) => list.ListAsync(filters, (TOptions)((PagedQuery)options with { Cursor = cursor, Limit = limit }), order));
}
