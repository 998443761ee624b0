using Api.Auth;
using Api.Delegations;
using Api.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Api.Meetings;

/// <summary>Meetings: who met whom, where, when, about what.</summary>
[ApiController]
[Route("api/v1/meetings")]
[Authorize(Policy = ApiPolicies.Read)]
public sealed class MeetingsController(MeetingRepository meetings) : ControllerBase
{
    /// <summary>Lists meetings, ordered by start date, then id.</summary>
    /// <remarks>Example: <c>GET /api/v1/meetings?country=NER&amp;from=2019-01-01&amp;to=2019-12-31</c>.
    /// Page through with the <c>nextCursor</c> of each page.</remarks>
    [HttpGet]
    [ProducesResponseType<Page<MeetingSummary>>(StatusCodes.Status200OK, "application/json")]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    public async Task<ActionResult<Page<MeetingSummary>>> List([FromQuery] MeetingListQuery query, CancellationToken cancellationToken) =>
        Ok(await meetings.ListAsync(query, cancellationToken));

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
}
