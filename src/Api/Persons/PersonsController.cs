using Api.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Api.Persons;

/// <summary>People, under every spelling the press uses.</summary>
[ApiController]
[Route("api/v1/persons")]
[Authorize(Policy = ApiPolicies.Read)]
public sealed class PersonsController(PersonRepository persons) : ControllerBase
{
    /// <summary>Gets a person with their aliases and the meetings they attended.</summary>
    /// <param name="id" example="92a6f642-cd11-5f44-8d88-2f382b64fc57">The person's id.</param>
    /// <param name="cancellationToken">Aborts the query when the client goes away.</param>
    [HttpGet("{id}")]
    [ProducesResponseType<PersonResponse>(StatusCodes.Status200OK, "application/json")]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public async Task<ActionResult<PersonResponse>> Get(Guid id, CancellationToken cancellationToken)
    {
        var person = await persons.GetAsync(id, cancellationToken);
        return person is null ? NotFound() : Ok(person);
    }
}
