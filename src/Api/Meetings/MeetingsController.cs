using Api.Caching;
using Api.Changes;
using Api.Delegations;
using Api.Export;

namespace Api.Meetings;

/// <summary>Meetings: who met whom, where, when, about what.</summary>
/// <create><remarks>With its delegations and their members, in one transaction. Every id the body names (topics, sources,
/// persons, organisations, the parent meeting) must exist; if anything is wrong, nothing is written.</remarks></create>
/// <id example="8993f035-d477-55a1-abb3-4b6776339b59"/>
[Route("api/v1/meetings")]
public sealed class MeetingsController(MeetingRepository meetings, MeetingExporter exporter, MeetingStore store, RecordWriter writer, ChangeRepository changes)
    : RecordsController<MeetingRequest, MeetingResponse>(meetings, store, writer, changes)
{
    /// <summary>Lists meetings: filtered, searched, sorted, paged, with what you ask to embed.</summary>
    /// <remarks>Examples: <c>GET /api/v1/meetings?countries=LBY,NER&amp;from=2019-01-01&amp;to=2019-12-31</c> (every meeting between
    /// Libya and Niger in 2019); <c>?q=بازوم</c> (search in Arabic or English); <c>?sort=-startDate&amp;include=delegations</c>.
    /// Page through with the <c>nextCursor</c> of each page (also in the <c>Link: rel="next"</c> header). <c>format=csv</c>,
    /// <c>ndjson</c> or <c>geojson</c> (or Accept) streams every matching meeting instead of a page.</remarks>
    /// <param name="filters">Which meetings.</param>
    /// <param name="options">Order, paging, count and embedding.</param>
    [CachedRead]
    [HttpGet]
    [ProducesResponseType<Page<MeetingListItem>>(StatusCodes.Status200OK, "application/json")]
    [Exports(OutputFormats.Csv, OutputFormats.Ndjson, OutputFormats.GeoJson)]
    public async Task<ActionResult<Page<MeetingListItem>>> List([FromQuery] MeetingFilters filters, [FromQuery] MeetingListOptions options, [FromQuery] CsvOptions csv)
    {
        if (!ListQuery.TryOrder(options, MeetingFilter.SortFields, MeetingFilter.DefaultOrder(filters), filters.Q is not null, out var order, out var error))
            return WriteResponses.Validation(HttpContext, [error!]);
        var format = OutputFormats.Of(Request, OutputFormats.All);
        if (format == OutputFormats.Json)
            return Ok(await meetings.ListAsync(filters, options, order));
        await exporter.WriteAsync(Response, filters, options, csv, order, format, Request.Query.ContainsKey("limit"));
        return new EmptyResult();
    }

    /// <summary>Gets a meeting with its place, dates, topics, parent and side meetings, delegations, agreements and sources.</summary>
    /// <param name="id">The meeting's id.</param>
    [CachedRead]
    public override async Task<ActionResult<MeetingResponse>> Get(Guid id) =>
        await meetings.GetJsonAsync(id) is { } meeting ? Ok(meeting) : NotFound();

    /// <summary>Lists the delegations of a meeting with their members, hosts first.</summary>
    /// <param name="id">The meeting's id.</param>
    [CachedRead]
    [HttpGet("{id}/delegations")]
    [ProducesResponseType<IReadOnlyList<DelegationResponse>>(StatusCodes.Status200OK, "application/json")]
    public async Task<ActionResult<IReadOnlyList<DelegationResponse>>> Delegations(Guid id) =>
        await meetings.DelegationsAsync(id) is { } delegations ? Ok(delegations) : NotFound();
}
