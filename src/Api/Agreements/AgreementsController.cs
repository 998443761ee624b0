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
using Microsoft.AspNetCore.RateLimiting;

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
    /// <param name="cancellationToken">Aborts the query when the client goes away.</param>
    [HttpGet]
    [Exports(OutputFormats.Csv, OutputFormats.Ndjson)]
    [ProducesResponseType<Page<AgreementResponse>>(StatusCodes.Status200OK, "application/json")]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    public async Task<ActionResult<Page<AgreementResponse>>> List([FromQuery] AgreementFilters filters, [FromQuery] AgreementListOptions options,
        CancellationToken cancellationToken)
    {
        if (!Lists.TryOrder(options.Sort, AgreementSorts.Fields, AgreementSorts.Default(filters), filters.Q is not null, options.Cursor, out var order, out var error))
            return WriteResponses.Validation(HttpContext, [error!]);
        return await this.PageOrExportAsync(options, "agreements",
            (cursor, limit) => agreements.ListAsync(filters, options with { Cursor = cursor, Limit = limit }, order, cancellationToken), cancellationToken);
    }

    /// <summary>Gets an agreement with its parties, the meetings it is linked to and its sources.</summary>
    /// <param name="id" example="12523f50-4a36-5fed-8f9c-e64d79b41ab1">The agreement's id.</param>
    /// <param name="cancellationToken">Aborts the query when the client goes away.</param>
    [HttpGet("{id}")]
    [ProducesResponseType<AgreementResponse>(StatusCodes.Status200OK, "application/json")]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public async Task<ActionResult<AgreementResponse>> Get(Guid id, CancellationToken cancellationToken)
    {
        var agreement = await agreements.GetAsync(id, cancellationToken);
        return agreement is null ? NotFound() : Ok(agreement);
    }

    /// <summary>Records a new agreement.</summary>
    /// <remarks>Parties are kept in the order given; every id named (persons, organisations, meetings, sources) must exist. Answers 201 with the agreement as GET shows it, its Location and ETag.</remarks>
    [Authorize(Policy = ApiPolicies.Write)]
    [EnableRateLimiting(ApiPolicies.WriteRateLimit)]
    [HttpPost]
    [Consumes("application/json")]
    [ProducesResponseType<AgreementResponse>(StatusCodes.Status201Created, "application/json")]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    public async Task<ActionResult> Create(AgreementRequest request, CancellationToken cancellationToken) =>
        await this.WrittenAsync(await writer.CreateAsync(store, request, this.Actor(), cancellationToken), id => agreements.GetAsync(id, cancellationToken));

    /// <summary>Replaces a agreement with the body.</summary>
    /// <remarks>Send the ETag of the version you read in <c>If-Match</c>. Answers 200 with the agreement and its new ETag.</remarks>
    /// <param name="id" example="12523f50-4a36-5fed-8f9c-e64d79b41ab1">The agreement's id.</param>
    /// <param name="request">The whole agreement, as for POST.</param>
    /// <param name="cancellationToken">Aborts the write when the client goes away.</param>
    [Authorize(Policy = ApiPolicies.Write)]
    [EnableRateLimiting(ApiPolicies.WriteRateLimit)]
    [HttpPut("{id}")]
    [RequireIfMatch]
    [Consumes("application/json")]
    [ProducesResponseType<AgreementResponse>(StatusCodes.Status200OK, "application/json")]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public async Task<ActionResult> Replace(Guid id, AgreementRequest request, CancellationToken cancellationToken) =>
        await this.WrittenAsync(await writer.ReplaceAsync(store, id, request, IfMatch.From(Request)!, this.Actor(), cancellationToken),
            _ => agreements.GetAsync(id, cancellationToken));

    /// <summary>Changes some fields of a agreement (JSON Merge Patch, RFC 7396).</summary>
    /// <remarks>Send <c>Content-Type: application/merge-patch+json</c> and <c>If-Match</c>. The body holds only the
    /// fields to change, as POST names them; <c>null</c> removes a field; a list is replaced whole. The result is
    /// checked like a full body.</remarks>
    /// <param name="id" example="12523f50-4a36-5fed-8f9c-e64d79b41ab1">The agreement's id.</param>
    /// <param name="patch">The fields to change.</param>
    /// <param name="validator">Checks the patched agreement.</param>
    /// <param name="cancellationToken">Aborts the write when the client goes away.</param>
    [Authorize(Policy = ApiPolicies.Write)]
    [EnableRateLimiting(ApiPolicies.WriteRateLimit)]
    [HttpPatch("{id}")]
    [RequireIfMatch]
    [Consumes("application/merge-patch+json")]
    [ProducesResponseType<AgreementResponse>(StatusCodes.Status200OK, "application/json")]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public async Task<ActionResult> Patch(Guid id, [FromBody] JsonElement patch, [FromServices] IValidator<AgreementRequest> validator, CancellationToken cancellationToken) =>
        await this.WrittenAsync(await writer.PatchAsync(store, id, patch, IfMatch.From(Request)!, validator, this.Actor(), cancellationToken),
            _ => agreements.GetAsync(id, cancellationToken));

    /// <summary>Retires a agreement: it leaves every list and read (404), and its history stays.</summary>
    /// <remarks>Send <c>If-Match</c>. Its parties, meeting links and source links go with it.</remarks>
    /// <param name="id" example="12523f50-4a36-5fed-8f9c-e64d79b41ab1">The agreement's id.</param>
    /// <param name="cancellationToken">Aborts the write when the client goes away.</param>
    [Authorize(Policy = ApiPolicies.Write)]
    [EnableRateLimiting(ApiPolicies.WriteRateLimit)]
    [HttpDelete("{id}")]
    [RequireIfMatch]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    public async Task<ActionResult> Delete(Guid id, CancellationToken cancellationToken) =>
        await this.WrittenAsync(await writer.DeleteAsync(store, id, IfMatch.From(Request)!, this.Actor(), cancellationToken),
            _ => agreements.GetAsync(id, cancellationToken));

    /// <summary>Lists every change of a agreement, oldest first, with who made it and the agreement before and after.</summary>
    /// <remarks>The history of a retired agreement stays readable.</remarks>
    /// <param name="id" example="12523f50-4a36-5fed-8f9c-e64d79b41ab1">The agreement's id.</param>
    /// <param name="query">Paging.</param>
    /// <param name="cancellationToken">Aborts the query when the client goes away.</param>
    [HttpGet("{id}/history")]
    [ProducesResponseType<Page<ChangeResponse>>(StatusCodes.Status200OK, "application/json")]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public async Task<ActionResult<Page<ChangeResponse>>> History(Guid id, [FromQuery] HistoryQuery query, CancellationToken cancellationToken)
    {
        var history = await changes.HistoryAsync(store.Resource, id, query, cancellationToken);
        return history is null ? NotFound() : Ok(history);
    }
}
