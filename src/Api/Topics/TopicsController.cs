using Api.Auth;
using Api.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Api.Topics;

/// <summary>Topics: the controlled vocabulary of what meetings discuss, with English and Arabic labels.</summary>
[ApiController]
[Route("api/v1/topics")]
[Authorize(Policy = ApiPolicies.Read)]
public sealed class TopicsController(TopicRepository topics) : ControllerBase
{
    /// <summary>Lists the topics, ordered by code.</summary>
    [HttpGet]
    [ProducesResponseType<Page<TopicResponse>>(StatusCodes.Status200OK, "application/json")]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json")]
    public async Task<ActionResult<Page<TopicResponse>>> List([FromQuery] TopicListQuery query, CancellationToken cancellationToken) =>
        Ok(await topics.ListAsync(query, cancellationToken));

    /// <summary>Gets one topic by its code.</summary>
    /// <param name="code" example="border-security">The topic's code.</param>
    /// <param name="cancellationToken">Aborts the query when the client goes away.</param>
    [HttpGet("{code}")]
    [ProducesResponseType<TopicResponse>(StatusCodes.Status200OK, "application/json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public async Task<ActionResult<TopicResponse>> Get(string code, CancellationToken cancellationToken)
    {
        var topic = await topics.GetAsync(code, cancellationToken);
        return topic is null ? NotFound() : Ok(topic);
    }
}
