using System.Text.Json;
using Api.Auth;
using Api.Changes;
using Api.Data;
using Api.Export;
using Api.Http;
using Api.Records;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Api.Agreements;

/// <summary>Agreements: anything agreed, signed, promised, offered or planned, and where.</summary>
[ApiController]
[Route("api/v1/agreements")]
[Authorize(Policy = ApiPolicies.Read)]
public sealed class AgreementsController(AgreementRepository agreements, AgreementStore store, RecordWriter writer, ChangeRepository changes) : ControllerBase
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
    public async Task<ActionResult<Page<AgreementResponse>>> List([FromQuery] AgreementFilters filters, [FromQuery] AgreementListOptions options)
    {
        if (!Lists.TryOrder(options.Sort, AgreementFilter.SortFields, AgreementFilter.DefaultOrder(filters), filters.Q is not null, options.Cursor, out var order, out var error))
            return WriteResponses.Validation(HttpContext, [error!]);
        return await this.PageOrExportAsync(options, "agreements",
            (cursor, limit) => agreements.ListAsync(filters, options with { Cursor = cursor, Limit = limit }, order));
    }

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
    public async Task<ActionResult> Create(AgreementRequest request) =>
        await this.WrittenAsync(await writer.CreateAsync(store, request, this.Actor()), agreements.GetAsync, nameof(Get));

    /// <summary>Replaces an agreement with the body.</summary>
    /// <remarks>Send the ETag of the version you read in <c>If-Match</c>. Answers 200 with the agreement and its new ETag.</remarks>
    /// <param name="id" example="12523f50-4a36-5fed-8f9c-e64d79b41ab1">The agreement's id.</param>
    /// <param name="request">The whole agreement, as for POST.</param>
    [HttpPut("{id}")]
    [ProducesResponseType<AgreementResponse>(StatusCodes.Status200OK, "application/json")]
    public async Task<ActionResult> Replace(Guid id, AgreementRequest request, [FromHeader(Name = "If-Match")] IfMatch ifMatch) =>
        await this.WrittenAsync(await writer.ReplaceAsync(store, id, request, ifMatch, this.Actor()), agreements.GetAsync);

    /// <summary>Changes some fields of an agreement (JSON Merge Patch, RFC 7396).</summary>
    /// <remarks>Send <c>Content-Type: application/merge-patch+json</c> and <c>If-Match</c>. The body holds only the
    /// fields to change, as POST names them; <c>null</c> removes a field; a list is replaced whole. The result is
    /// checked like a full body.</remarks>
    /// <param name="id" example="12523f50-4a36-5fed-8f9c-e64d79b41ab1">The agreement's id.</param>
    /// <param name="patch">The fields to change.</param>
    [HttpPatch("{id}")]
    [Consumes("application/merge-patch+json")]
    [ProducesResponseType<AgreementResponse>(StatusCodes.Status200OK, "application/json")]
    public async Task<ActionResult> Patch(Guid id, [FromBody] JsonElement patch, [FromHeader(Name = "If-Match")] IfMatch ifMatch,
        [FromServices] IValidator<AgreementRequest> validator) =>
        await this.WrittenAsync(await writer.PatchAsync(store, id, patch, ifMatch, validator, this.Actor()), agreements.GetAsync);

    /// <summary>Retires an agreement: it leaves every list and read (404), and its history stays.</summary>
    /// <remarks>Send <c>If-Match</c>. Its parties, meeting links and source links go with it.</remarks>
    /// <param name="id" example="12523f50-4a36-5fed-8f9c-e64d79b41ab1">The agreement's id.</param>
    [HttpDelete("{id}")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    public async Task<ActionResult> Delete(Guid id, [FromHeader(Name = "If-Match")] IfMatch ifMatch) =>
        await this.WrittenAsync(await writer.DeleteAsync(store, id, ifMatch, this.Actor()), agreements.GetAsync);

    /// <summary>Lists every change of an agreement, oldest first, with who made it and the agreement before and after.</summary>
    /// <remarks>The history of a retired agreement stays readable.</remarks>
    /// <param name="id" example="12523f50-4a36-5fed-8f9c-e64d79b41ab1">The agreement's id.</param>
    /// <param name="query">Paging.</param>
    [HttpGet("{id}/history")]
    [ProducesResponseType<Page<ChangeResponse>>(StatusCodes.Status200OK, "application/json")]
    public async Task<ActionResult<Page<ChangeResponse>>> History(Guid id, [FromQuery] HistoryQuery query) =>
        await changes.HistoryAsync(store.Resource, id, query) is { } history ? Ok(history) : NotFound();
}
