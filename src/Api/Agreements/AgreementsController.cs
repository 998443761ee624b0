using Api.Changes;
using Api.Export;

namespace Api.Agreements;

/// <summary>Agreements: anything agreed, signed, promised, offered or planned, and where.</summary>
[Route("api/v1/agreements")]
public sealed class AgreementsController(AgreementRepository agreements, AgreementStore store, RecordWriter writer, ChangeRepository changes)
    : PatchableRecordsController<AgreementRequest, AgreementResponse>(store, writer, changes)
{
    /// <summary>Lists agreements with their parties and linked meetings: filtered, searched, sorted, paged, counted.</summary>
    /// <remarks>Examples: <c>GET /api/v1/agreements?parties=LBY,NER&amp;from=2019-01-01&amp;to=2019-12-31</c> (what Libya and Niger
    /// agreed in 2019); <c>?q=باشاغا</c> (search in Arabic or English); <c>?kind=invitation&amp;sort=-date&amp;count=exact</c>.
    /// By default ordered by date, undated agreements last. Page through with the <c>nextCursor</c> of each page; a cursor
    /// only works with the sort it was made for.</remarks>
    /// <param name="filters">Which agreements.</param>
    /// <param name="options">Order, paging and count.</param>
    [HttpGet]
    [Exports(OutputFormats.Csv, OutputFormats.Ndjson)]
    [ProducesResponseType<Page<AgreementResponse>>(StatusCodes.Status200OK, "application/json")]
    public Task<ActionResult> List([FromQuery] AgreementFilters filters, [FromQuery] AgreementListOptions options, [FromQuery] CsvOptions csv) =>
        this.SortedPageOrExportAsync(options, csv, "agreements", AgreementFilter.SortFields, AgreementFilter.DefaultOrder(filters), filters.Q is not null,
            (cursor, limit, order) => agreements.ListAsync(filters, options with { Cursor = cursor, Limit = limit }, order));

    /// <summary>Gets an agreement with its parties, the meetings it is linked to and its sources.</summary>
    /// <param name="id" example="12523f50-4a36-5fed-8f9c-e64d79b41ab1">The agreement's id.</param>
    [HttpGet("{id}")]
    [ProducesResponseType<AgreementResponse>(StatusCodes.Status200OK, "application/json")]
    public async Task<ActionResult<AgreementResponse>> Get(Guid id) =>
        await agreements.GetAsync(id) is { } agreement ? Ok(agreement) : NotFound();

    /// <summary>Records a new agreement.</summary>
    /// <remarks>Parties are kept in the order given; every id named (persons, organisations, meetings, sources) must exist. Answers 201 with the agreement as GET shows it, its Location and ETag.</remarks>
    [HttpPost]
    [ProducesResponseType<AgreementResponse>(StatusCodes.Status201Created, "application/json")]
    public Task<ActionResult> Create(AgreementRequest request) => CreateRecordAsync(request, nameof(Get));

    protected override Task<AgreementResponse?> ReadAsync(Guid id) => agreements.GetAsync(id);
}
