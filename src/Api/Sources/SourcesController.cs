using Api.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Api.Sources;

/// <summary>Sources: the reports and statements every record rests on.</summary>
[ApiController]
[Route("api/v1/sources")]
[Authorize(Policy = ApiPolicies.Read)]
public sealed class SourcesController(SourceRepository sources) : ControllerBase
{
    /// <summary>Gets a source.</summary>
    /// <param name="id" example="a43d93d1-57ec-5b1b-bbf0-6aecf8e6c5d5">The source's id.</param>
    /// <param name="cancellationToken">Aborts the query when the client goes away.</param>
    [HttpGet("{id}")]
    [ProducesResponseType<SourceResponse>(StatusCodes.Status200OK, "application/json")]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public async Task<ActionResult<SourceResponse>> Get(Guid id, CancellationToken cancellationToken)
    {
        var source = await sources.GetAsync(id, cancellationToken);
        return source is null ? NotFound() : Ok(source);
    }
}
