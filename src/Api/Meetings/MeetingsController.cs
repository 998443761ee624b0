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
    [HttpGet]
    [ProducesResponseType<Page<MeetingListItem>>(StatusCodes.Status200OK, "application/json")]
    [Exports(OutputFormats.Csv, OutputFormats.Ndjson, OutputFormats.GeoJson)]
    public async Task<ActionResult<Page<MeetingListItem>>> List([FromQuery] MeetingFilters filters, [FromQuery] MeetingListOptions options)
    {
        if (!Lists.TryOrder(options.Sort, MeetingFilter.SortFields, MeetingFilter.DefaultOrder(filters), filters.Q is not null, options.Cursor, out var order, out var error))
            return WriteResponses.Validation(HttpContext, [error!]);
        var format = OutputFormats.Of(Request, OutputFormats.All);
        if (format == OutputFormats.Json)
            return Ok(await meetings.ListAsync(filters, options, order));
        await exporter.WriteAsync(Response, filters, options, order, format, Request.Query.ContainsKey("limit"));
        return new EmptyResult();
    }

    /// <summary>Gets a meeting with its place, dates, topics, parent and side meetings, delegations, agreements and sources.</summary>
    /// <param name="id" example="8993f035-d477-55a1-abb3-4b6776339b59">The meeting's id.</param>
    [HttpGet("{id}")]
    [ProducesResponseType<MeetingResponse>(StatusCodes.Status200OK, "application/json")]
    public async Task<ActionResult<MeetingResponse>> Get(Guid id) =>
        await meetings.GetAsync(id) is { } meeting ? Ok(meeting) : NotFound();

    /// <summary>Lists the delegations of a meeting with their members, hosts first.</summary>
    /// <param name="id" example="8993f035-d477-55a1-abb3-4b6776339b59">The meeting's id.</param>
    [HttpGet("{id}/delegations")]
    [ProducesResponseType<IReadOnlyList<DelegationResponse>>(StatusCodes.Status200OK, "application/json")]
    public async Task<ActionResult<IReadOnlyList<DelegationResponse>>> Delegations(Guid id) =>
        await meetings.DelegationsAsync(id) is { } delegations ? Ok(delegations) : NotFound();

    /// <summary>Records a meeting, with its delegations and their members, in one transaction.</summary>
    /// <remarks>Every id the body names (topics, sources, persons, organisations, the parent meeting) must exist;
    /// if anything is wrong, nothing is written. Answers 201 with the meeting as GET shows it, its Location and ETag.</remarks>
    [HttpPost]
    [ProducesResponseType<MeetingResponse>(StatusCodes.Status201Created, "application/json")]
    public async Task<ActionResult> Create(MeetingRequest request) =>
        await this.WrittenAsync(await writer.CreateAsync(store, request, this.Actor()), meetings.GetAsync, nameof(Get));

    /// <summary>Replaces a meeting, its delegations and members included, with the body.</summary>
    /// <remarks>Send the ETag of the version you read in <c>If-Match</c>. Delegations are matched to the stored ones by
    /// role, country and organisation, and keep their ids. Answers 200 with the meeting and its new ETag.</remarks>
    /// <param name="id" example="8993f035-d477-55a1-abb3-4b6776339b59">The meeting's id.</param>
    /// <param name="request">The whole meeting, as for POST.</param>
    [HttpPut("{id}")]
    [ProducesResponseType<MeetingResponse>(StatusCodes.Status200OK, "application/json")]
    public async Task<ActionResult> Replace(Guid id, MeetingRequest request, [FromHeader(Name = "If-Match")] IfMatch ifMatch) =>
        await this.WrittenAsync(await writer.ReplaceAsync(store, id, request, ifMatch, this.Actor()), meetings.GetAsync);

    /// <summary>Changes some fields of a meeting (JSON Merge Patch, RFC 7396).</summary>
    /// <remarks>Send <c>Content-Type: application/merge-patch+json</c> and <c>If-Match</c>. The body holds only the
    /// fields to change, as POST names them: <c>{"titleEn": "…"}</c>; <c>null</c> removes a field; a list
    /// (delegations, topicIds, …) is replaced whole. The result is checked like a full body.</remarks>
    /// <param name="id" example="8993f035-d477-55a1-abb3-4b6776339b59">The meeting's id.</param>
    /// <param name="patch">The fields to change.</param>
    [HttpPatch("{id}")]
    [Consumes("application/merge-patch+json")]
    [ProducesResponseType<MeetingResponse>(StatusCodes.Status200OK, "application/json")]
    public async Task<ActionResult> Patch(Guid id, [FromBody] JsonElement patch, [FromHeader(Name = "If-Match")] IfMatch ifMatch,
        [FromServices] IValidator<MeetingRequest> validator) =>
        await this.WrittenAsync(await writer.PatchAsync(store, id, patch, ifMatch, validator, this.Actor()), meetings.GetAsync);

    /// <summary>Retires a meeting: it leaves every list and read (404), and its history stays.</summary>
    /// <remarks>Send <c>If-Match</c>. Refused with 409 while side meetings or agreements refer to it.</remarks>
    /// <param name="id" example="8993f035-d477-55a1-abb3-4b6776339b59">The meeting's id.</param>
    [HttpDelete("{id}")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    public async Task<ActionResult> Delete(Guid id, [FromHeader(Name = "If-Match")] IfMatch ifMatch) =>
        await this.WrittenAsync(await writer.DeleteAsync(store, id, ifMatch, this.Actor()), meetings.GetAsync);

    /// <summary>Lists every change of a meeting, oldest first, with who made it and the meeting before and after.</summary>
    /// <remarks>A change to one of its delegations is a change of the meeting. The history of a retired meeting stays readable.</remarks>
    /// <param name="id" example="8993f035-d477-55a1-abb3-4b6776339b59">The meeting's id.</param>
    /// <param name="query">Paging.</param>
    [HttpGet("{id}/history")]
    [ProducesResponseType<Page<ChangeResponse>>(StatusCodes.Status200OK, "application/json")]
    public async Task<ActionResult<Page<ChangeResponse>>> History(Guid id, [FromQuery] HistoryQuery query) =>
        await changes.HistoryAsync(store.Resource, id, query) is { } history ? Ok(history) : NotFound();
}
