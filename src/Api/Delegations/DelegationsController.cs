using Api.Auth;
using Api.Export;
using Api.Meetings;
using Microsoft.AspNetCore.Authorization;

namespace Api.Delegations;

/// <summary>Delegations: each party's team at a meeting, with the title every member held there.</summary>
[ApiController]
[Route("api/v1/delegations")]
[Authorize(Policy = ApiPolicies.Read)]
public sealed class DelegationsController(DelegationRepository delegations, MeetingStore meetings, RecordWriter writer) : ControllerBase
{
    /// <summary>Lists delegations with their members: filtered, sorted, paged, counted.</summary>
    /// <remarks>Examples: <c>GET /api/v1/delegations?country=LBY&amp;sort=-startDate</c> (Libya's delegations, latest meeting first);
    /// <c>?person=dfdb5335-b64f-5b2f-bc76-e729d9147d25&amp;count=exact</c> (every delegation a person sat in, and how many).
    /// By default ordered by the start date of their meeting. Page through with the <c>nextCursor</c> of each page; a cursor
    /// only works with the sort it was made for.</remarks>
    /// <param name="filters">Which delegations.</param>
    /// <param name="options">Order, paging and count.</param>
    [HttpGet]
    [Exports(OutputFormats.Csv, OutputFormats.Ndjson)]
    [ProducesResponseType<Page<DelegationResponse>>(StatusCodes.Status200OK, "application/json")]
    public Task<ActionResult> List([FromQuery] DelegationFilters filters, [FromQuery] DelegationListOptions options, [FromQuery] CsvOptions csv) =>
        this.SortedPageOrExportAsync(options, csv, "delegations", DelegationFilter.SortFields, DelegationFilter.DefaultOrder, searching: false,
            (cursor, limit, order) => delegations.ListAsync(filters, options with { Cursor = cursor, Limit = limit }, order));

    /// <summary>Gets a delegation with its members.</summary>
    /// <param name="id" example="ac36b88e-d64b-5762-88c5-4348e3de0eab">The delegation's id.</param>
    [HttpGet("{id}")]
    [ProducesResponseType<DelegationResponse>(StatusCodes.Status200OK, "application/json")]
    public async Task<ActionResult<DelegationResponse>> Get(Guid id) =>
        await delegations.GetAsync(id) is { } delegation ? Ok(delegation) : NotFound();

    /// <summary>Adds a delegation, with its members, to a meeting.</summary>
    /// <remarks>A meeting has one delegation per country and organisation in each role: another is a 409. The change
    /// is recorded in the meeting's history, and the meeting's ETag changes. Answers 201 with the delegation.</remarks>
    [HttpPost]
    [ProducesResponseType<DelegationResponse>(StatusCodes.Status201Created, "application/json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    public Task<ActionResult> Create(NewDelegationRequest request)
    {
        var id = Guid.CreateVersion7();
        return this.CreatedAsync(request, scope => writer.UpdateAsync(meetings, request.MeetingId!.Value, DelegationEdits.Add(id, request), this.Actor(), scope),
            delegations.GetAsync, nameof(Get), id: id, interpret: result => result.Outcome switch
            {
                WriteOutcome.NotFound => WriteResult.Invalid("meetingId", $"There is no meeting with the id {request.MeetingId}."),
                _ when result.Succeeded => result with { Outcome = WriteOutcome.Created },
                _ => result,
            });
    }

    /// <summary>Replaces a delegation and its members with the body.</summary>
    /// <remarks>Send the delegation's ETag in <c>If-Match</c>. It stays in its meeting; the change is recorded in the meeting's history.</remarks>
    /// <param name="id" example="ac36b88e-d64b-5762-88c5-4348e3de0eab">The delegation's id.</param>
    /// <param name="request">The whole delegation.</param>
    [HttpPut("{id}")]
    [ProducesResponseType<DelegationResponse>(StatusCodes.Status200OK, "application/json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    public Task<ActionResult> Replace(Guid id, DelegationRequest request, [FromHeader(Name = "If-Match")] IfMatch ifMatch) =>
        EditAsync(id, request, ifMatch);

    /// <summary>Removes a delegation from its meeting.</summary>
    /// <remarks>Send the delegation's ETag in <c>If-Match</c>. The meeting's history keeps the delegation as it was.</remarks>
    /// <param name="id" example="ac36b88e-d64b-5762-88c5-4348e3de0eab">The delegation's id.</param>
    [HttpDelete("{id}")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    public Task<ActionResult> Delete(Guid id, [FromHeader(Name = "If-Match")] IfMatch ifMatch) =>
        EditAsync(id, null, ifMatch);

    /// <summary>An edit of the delegation's meeting (the delegation is part of the meeting's document); its removal answers 204.</summary>
    private async Task<ActionResult> EditAsync(Guid id, DelegationRequest? replacement, IfMatch ifMatch) =>
        await delegations.MeetingOfAsync(id) is { } meetingId
            ? await this.WrittenAsync(id, ifMatch, scope => writer.UpdateAsync(meetings, meetingId, DelegationEdits.Replace(id, replacement), this.Actor(), scope),
                delegations.GetAsync, result => replacement is null && result.Succeeded ? result with { Outcome = WriteOutcome.Deleted } : result)
            : NotFound();
}
