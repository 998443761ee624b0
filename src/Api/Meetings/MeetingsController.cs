using System.Text.Json;
using Api.Auth;
using Api.Changes;
using Api.Data;
using Api.Delegations;
using Api.Export;
using Api.Http;
using Api.Records;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Api.Meetings;

/// <summary>Meetings: who met whom, where, when, about what.</summary>
[ApiController]
[Route("api/v1/meetings")]
[Authorize(Policy = ApiPolicies.Read)]
public sealed class MeetingsController(MeetingRepository meetings, MeetingExporter exporter, MeetingStore store, RecordWriter writer, ChangeRepository changes) : ControllerBase
{
    /// <summary>Lists meetings: filtered, searched, sorted, paged, with what you ask to embed.</summary>
    /// <remarks>Examples: <c>GET /api/v1/meetings?countries=LBY,NER&amp;from=2019-01-01&amp;to=2019-12-31</c> (every meeting between
    /// Libya and Niger in 2019); <c>?q=بازوم</c> (search in Arabic or English); <c>?sort=-startDate&amp;include=delegations</c>.
    /// Page through with the <c>nextCursor</c> of each page (also in the <c>Link: rel="next"</c> header). <c>format=csv</c>,
    /// <c>ndjson</c> or <c>geojson</c> (or Accept) streams every matching meeting instead of a page.</remarks>
    /// <param name="filters">Which meetings.</param>
    /// <param name="options">Order, paging, count and embedding.</param>
    /// <param name="cancellationToken">Aborts the query when the client goes away.</param>
    [HttpGet]
    [ProducesResponseType<Page<MeetingListItem>>(StatusCodes.Status200OK, "application/json")]
    [Exports(OutputFormats.Csv, OutputFormats.Ndjson, OutputFormats.GeoJson)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    public async Task<ActionResult<Page<MeetingListItem>>> List([FromQuery] MeetingFilters filters, [FromQuery] MeetingListOptions options,
        CancellationToken cancellationToken)
    {
        if (!Lists.TryOrder(options.Sort, MeetingSorts.Fields, MeetingSorts.Default(filters), filters.Q is not null, options.Cursor, out var order, out var error))
            return WriteResponses.Validation(HttpContext, [error!]);
        var format = OutputFormats.Of(Request, OutputFormats.All);
        if (format == OutputFormats.Json)
            return Ok(await meetings.ListAsync(filters, options, order, cancellationToken));
        await exporter.WriteAsync(Response, filters, options, order, format, Request.Query.ContainsKey("limit"), cancellationToken);
        return new EmptyResult();
    }

    /// <summary>Gets a meeting with its place, dates, topics, parent and side meetings, delegations, agreements and sources.</summary>
    /// <param name="id" example="8993f035-d477-55a1-abb3-4b6776339b59">The meeting's id.</param>
    /// <param name="cancellationToken">Aborts the query when the client goes away.</param>
    [HttpGet("{id}")]
    [ProducesResponseType<MeetingResponse>(StatusCodes.Status200OK, "application/json")]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public async Task<ActionResult<MeetingResponse>> Get(Guid id, CancellationToken cancellationToken)
    {
        var meeting = await meetings.GetAsync(id, cancellationToken);
        return meeting is null ? NotFound() : Ok(meeting);
    }

    /// <summary>Lists the delegations of a meeting with their members, hosts first.</summary>
    /// <param name="id" example="8993f035-d477-55a1-abb3-4b6776339b59">The meeting's id.</param>
    /// <param name="cancellationToken">Aborts the query when the client goes away.</param>
    [HttpGet("{id}/delegations")]
    [ProducesResponseType<IReadOnlyList<DelegationResponse>>(StatusCodes.Status200OK, "application/json")]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public async Task<ActionResult<IReadOnlyList<DelegationResponse>>> Delegations(Guid id, CancellationToken cancellationToken)
    {
        var delegations = await meetings.DelegationsAsync(id, cancellationToken);
        return delegations is null ? NotFound() : Ok(delegations);
    }

    /// <summary>Records a meeting, with its delegations and their members, in one transaction.</summary>
    /// <remarks>Every id the body names (topics, sources, persons, organisations, the parent meeting) must exist;
    /// if anything is wrong, nothing is written. Answers 201 with the meeting as GET shows it, its Location and ETag.</remarks>
    [Authorize(Policy = ApiPolicies.Write)]
    [EnableRateLimiting(ApiPolicies.WriteRateLimit)]
    [HttpPost]
    [Consumes("application/json")]
    [ProducesResponseType<MeetingResponse>(StatusCodes.Status201Created, "application/json")]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    public async Task<ActionResult> Create(MeetingRequest request, CancellationToken cancellationToken) =>
        await this.WrittenAsync(await writer.CreateAsync(store, request, this.Actor(), cancellationToken), id => meetings.GetAsync(id, cancellationToken));

    /// <summary>Replaces a meeting, its delegations and members included, with the body.</summary>
    /// <remarks>Send the ETag of the version you read in <c>If-Match</c>. Delegations are matched to the stored ones by
    /// role, country and organisation, and keep their ids. Answers 200 with the meeting and its new ETag.</remarks>
    /// <param name="id" example="8993f035-d477-55a1-abb3-4b6776339b59">The meeting's id.</param>
    /// <param name="request">The whole meeting, as for POST.</param>
    /// <param name="cancellationToken">Aborts the write when the client goes away.</param>
    [Authorize(Policy = ApiPolicies.Write)]
    [EnableRateLimiting(ApiPolicies.WriteRateLimit)]
    [HttpPut("{id}")]
    [RequireIfMatch]
    [Consumes("application/json")]
    [ProducesResponseType<MeetingResponse>(StatusCodes.Status200OK, "application/json")]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public async Task<ActionResult> Replace(Guid id, MeetingRequest request, CancellationToken cancellationToken) =>
        await this.WrittenAsync(await writer.ReplaceAsync(store, id, request, IfMatch.From(Request)!, this.Actor(), cancellationToken),
            _ => meetings.GetAsync(id, cancellationToken));

    /// <summary>Changes some fields of a meeting (JSON Merge Patch, RFC 7396).</summary>
    /// <remarks>Send <c>Content-Type: application/merge-patch+json</c> and <c>If-Match</c>. The body holds only the
    /// fields to change, as POST names them: <c>{"titleEn": "…"}</c>; <c>null</c> removes a field; a list
    /// (delegations, topicIds, …) is replaced whole. The result is checked like a full body.</remarks>
    /// <param name="id" example="8993f035-d477-55a1-abb3-4b6776339b59">The meeting's id.</param>
    /// <param name="patch">The fields to change.</param>
    /// <param name="validator">Checks the patched meeting.</param>
    /// <param name="cancellationToken">Aborts the write when the client goes away.</param>
    [Authorize(Policy = ApiPolicies.Write)]
    [EnableRateLimiting(ApiPolicies.WriteRateLimit)]
    [HttpPatch("{id}")]
    [RequireIfMatch]
    [Consumes("application/merge-patch+json")]
    [ProducesResponseType<MeetingResponse>(StatusCodes.Status200OK, "application/json")]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public async Task<ActionResult> Patch(Guid id, [FromBody] JsonElement patch, [FromServices] IValidator<MeetingRequest> validator, CancellationToken cancellationToken) =>
        await this.WrittenAsync(await writer.PatchAsync(store, id, patch, IfMatch.From(Request)!, validator, this.Actor(), cancellationToken),
            _ => meetings.GetAsync(id, cancellationToken));

    /// <summary>Retires a meeting: it leaves every list and read (404), and its history stays.</summary>
    /// <remarks>Send <c>If-Match</c>. Refused with 409 while side meetings or agreements refer to it.</remarks>
    /// <param name="id" example="8993f035-d477-55a1-abb3-4b6776339b59">The meeting's id.</param>
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
            _ => meetings.GetAsync(id, cancellationToken));

    /// <summary>Lists every change of a meeting, oldest first, with who made it and the meeting before and after.</summary>
    /// <remarks>A change to one of its delegations is a change of the meeting. The history of a retired meeting stays readable.</remarks>
    /// <param name="id" example="8993f035-d477-55a1-abb3-4b6776339b59">The meeting's id.</param>
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
