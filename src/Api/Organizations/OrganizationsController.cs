using Api.Changes;
using Api.Export;

namespace Api.Organizations;

/// <summary>Organisations: governments, ministries, departments, embassies, teams and intergovernmental bodies.</summary>
[Route("api/v1/organizations")]
public sealed class OrganizationsController(OrganizationRepository organizations, OrganizationStore store, RecordWriter writer, ChangeRepository changes)
    : RecordsController<OrganizationRequest, OrganizationResponse>(store, writer, changes)
{
    /// <summary>Lists organisations: searched by name in Arabic or English, filtered, sorted, paged, counted.</summary>
    /// <remarks>Examples: <c>GET /api/v1/organizations?q=الداخلية&amp;country=LBY</c> (Libya's interior bodies);
    /// <c>?kind=embassy&amp;count=exact</c>; <c>?q=GNA</c> (by abbreviation). By default ordered by name (with q: best match
    /// first). Page through with the <c>nextCursor</c> of each page; a cursor only works with the sort it was made for.</remarks>
    /// <param name="filters">Which organisations.</param>
    /// <param name="options">Order, paging and count.</param>
    [HttpGet]
    [Exports(OutputFormats.Csv, OutputFormats.Ndjson)]
    [ProducesResponseType<Page<OrganizationListItem>>(StatusCodes.Status200OK, "application/json")]
    public Task<ActionResult> List([FromQuery] OrganizationFilters filters, [FromQuery] OrganizationListOptions options, [FromQuery] CsvOptions csv) =>
        this.SortedPageOrExportAsync(options, csv, "organizations", OrganizationFilter.SortFields, OrganizationFilter.DefaultOrder(filters), filters.Q is not null,
            (cursor, limit, order) => organizations.ListAsync(filters, options with { Cursor = cursor, Limit = limit }, order));

    /// <summary>Gets an organisation with its parent and the organisations that are part of it.</summary>
    /// <param name="id" example="2a36b663-fc25-5f72-8ab2-f37e1a5b656f">The organisation's id.</param>
    [HttpGet("{id}")]
    [ProducesResponseType<OrganizationResponse>(StatusCodes.Status200OK, "application/json")]
    public async Task<ActionResult<OrganizationResponse>> Get(Guid id) =>
        await organizations.GetAsync(id) is { } organization ? Ok(organization) : NotFound();

    /// <summary>Records a new organisation.</summary>
    /// <remarks>The parent, when given, must exist and must not make a cycle. Answers 201 with the organisation as GET shows it, its Location and ETag.</remarks>
    [HttpPost]
    [ProducesResponseType<OrganizationResponse>(StatusCodes.Status201Created, "application/json")]
    public Task<ActionResult> Create(OrganizationRequest request) => CreateRecordAsync(request, nameof(Get));

    protected override Task<OrganizationResponse?> ReadAsync(Guid id) => organizations.GetAsync(id);
}
