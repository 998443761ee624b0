using Api.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Api.Organizations;

/// <summary>Organisations: governments, ministries, departments, embassies, teams and intergovernmental bodies.</summary>
[ApiController]
[Route("api/v1/organizations")]
[Authorize(Policy = ApiPolicies.Read)]
public sealed class OrganizationsController(OrganizationRepository organizations) : ControllerBase
{
    /// <summary>Gets an organisation with its parent and the organisations that are part of it.</summary>
    /// <param name="id" example="2a36b663-fc25-5f72-8ab2-f37e1a5b656f">The organisation's id.</param>
    /// <param name="cancellationToken">Aborts the query when the client goes away.</param>
    [HttpGet("{id}")]
    [ProducesResponseType<OrganizationResponse>(StatusCodes.Status200OK, "application/json")]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public async Task<ActionResult<OrganizationResponse>> Get(Guid id, CancellationToken cancellationToken)
    {
        var organization = await organizations.GetAsync(id, cancellationToken);
        return organization is null ? NotFound() : Ok(organization);
    }
}
