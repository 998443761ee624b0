using Api.Auth;
using Api.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Api.Agreements;

/// <summary>Agreements: anything agreed, signed, promised, offered or planned, and where.</summary>
[ApiController]
[Route("api/v1/agreements")]
[Authorize(Policy = ApiPolicies.Read)]
public sealed class AgreementsController(AgreementRepository agreements) : ControllerBase
{
    /// <summary>Lists agreements with their parties and linked meetings, ordered by date (undated last), then id.</summary>
    [HttpGet]
    [ProducesResponseType<Page<AgreementResponse>>(StatusCodes.Status200OK, "application/json")]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    public async Task<ActionResult<Page<AgreementResponse>>> List([FromQuery] AgreementListQuery query, CancellationToken cancellationToken) =>
        Ok(await agreements.ListAsync(query, cancellationToken));

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
}
