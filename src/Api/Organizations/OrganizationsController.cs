using Api.Auth;
using Api.Changes;
using Api.Data;
using Api.Export;
using Api.Http;
using Api.Records;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Api.Organizations;

/// <summary>Organisations: governments, ministries, departments, embassies, teams and intergovernmental bodies.</summary>
[ApiController]
[Route("api/v1/organizations")]
[Authorize(Policy = ApiPolicies.Read)]
public sealed class OrganizationsController(OrganizationRepository organizations, OrganizationStore store, RecordWriter writer, ChangeRepository changes) : ControllerBase
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
    public async Task<ActionResult<Page<OrganizationListItem>>> List([FromQuery] OrganizationFilters filters, [FromQuery] OrganizationListOptions options)
    {
        if (!Lists.TryOrder(options.Sort, OrganizationFilter.SortFields, OrganizationFilter.DefaultOrder(filters), filters.Q is not null, options.Cursor, out var order, out var error))
            return WriteResponses.Validation(HttpContext, [error!]);
        return await this.PageOrExportAsync(options, "organizations",
            (cursor, limit) => organizations.ListAsync(filters, options with { Cursor = cursor, Limit = limit }, order));
    }

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
    public async Task<ActionResult> Create(OrganizationRequest request) =>
        await this.WrittenAsync(await writer.CreateAsync(store, request, this.Actor()), organizations.GetAsync, nameof(Get));

    /// <summary>Replaces an organisation with the body.</summary>
    /// <remarks>Send the ETag of the version you read in <c>If-Match</c>. Answers 200 with the organisation and its new ETag.</remarks>
    /// <param name="id" example="2a36b663-fc25-5f72-8ab2-f37e1a5b656f">The organisation's id.</param>
    /// <param name="request">The whole organisation, as for POST.</param>
    [HttpPut("{id}")]
    [ProducesResponseType<OrganizationResponse>(StatusCodes.Status200OK, "application/json")]
    public async Task<ActionResult> Replace(Guid id, OrganizationRequest request, [FromHeader(Name = "If-Match")] IfMatch ifMatch) =>
        await this.WrittenAsync(await writer.ReplaceAsync(store, id, request, ifMatch, this.Actor()), organizations.GetAsync);

    /// <summary>Retires an organisation: it leaves every list and read (404), and its history stays.</summary>
    /// <remarks>Send <c>If-Match</c>. Refused with 409 while other organisations, delegations, members or agreement parties name it.</remarks>
    /// <param name="id" example="2a36b663-fc25-5f72-8ab2-f37e1a5b656f">The organisation's id.</param>
    [HttpDelete("{id}")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    public async Task<ActionResult> Delete(Guid id, [FromHeader(Name = "If-Match")] IfMatch ifMatch) =>
        await this.WrittenAsync(await writer.DeleteAsync(store, id, ifMatch, this.Actor()), organizations.GetAsync);

    /// <summary>Lists every change of an organisation, oldest first, with who made it and the organisation before and after.</summary>
    /// <remarks>The history of a retired organisation stays readable.</remarks>
    /// <param name="id" example="2a36b663-fc25-5f72-8ab2-f37e1a5b656f">The organisation's id.</param>
    /// <param name="query">Paging.</param>
    [HttpGet("{id}/history")]
    [ProducesResponseType<Page<ChangeResponse>>(StatusCodes.Status200OK, "application/json")]
    public async Task<ActionResult<Page<ChangeResponse>>> History(Guid id, [FromQuery] HistoryQuery query) =>
        await changes.HistoryAsync(store.Resource, id, query) is { } history ? Ok(history) : NotFound();
}
