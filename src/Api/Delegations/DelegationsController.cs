using Api.Auth;
using Api.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Api.Delegations;

/// <summary>Delegations: each party's team at a meeting, with the title every member held there.</summary>
[ApiController]
[Route("api/v1/delegations")]
[Authorize(Policy = ApiPolicies.Read)]
public sealed class DelegationsController(DelegationRepository delegations) : ControllerBase
{
    /// <summary>Lists delegations with their members, ordered by the meeting's start date, then id.</summary>
    [HttpGet]
    [ProducesResponseType<Page<DelegationResponse>>(StatusCodes.Status200OK, "application/json")]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    public async Task<ActionResult<Page<DelegationResponse>>> List([FromQuery] DelegationListQuery query, CancellationToken cancellationToken) =>
        Ok(await delegations.ListAsync(query, cancellationToken));

    /// <summary>Gets a delegation with its members.</summary>
    /// <param name="id" example="ac36b88e-d64b-5762-88c5-4348e3de0eab">The delegation's id.</param>
    /// <param name="cancellationToken">Aborts the query when the client goes away.</param>
    [HttpGet("{id}")]
    [ProducesResponseType<DelegationResponse>(StatusCodes.Status200OK, "application/json")]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public async Task<ActionResult<DelegationResponse>> Get(Guid id, CancellationToken cancellationToken)
    {
        var delegation = await delegations.GetAsync(id, cancellationToken);
        return delegation is null ? NotFound() : Ok(delegation);
    }
}
