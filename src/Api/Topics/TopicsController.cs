using Api.Auth;
using Api.Changes;
using Api.Export;
using Microsoft.AspNetCore.Authorization;

namespace Api.Topics;

/// <summary>Topics: the controlled vocabulary of what meetings discuss, with English and Arabic labels.</summary>
[ApiController]
[Route("api/v1/topics")]
[Authorize(Policy = ApiPolicies.Read)]
public sealed class TopicsController(TopicRepository topics, TopicStore store, RecordWriter writer, ChangeRepository changes) : ControllerBase
{
    /// <summary>Lists the topics, ordered by code.</summary>
    [HttpGet]
    [ProducesResponseType<Page<TopicResponse>>(StatusCodes.Status200OK, "application/json")]
    [Exports(OutputFormats.Csv, OutputFormats.Ndjson)]
    public async Task<ActionResult> List([FromQuery] TopicListQuery query, [FromQuery] CsvOptions csv) =>
        await this.PageOrExportAsync(query, csv, "topics", (cursor, limit) => topics.ListAsync(query with { Cursor = cursor, Limit = limit }));

    /// <summary>Gets one topic by its code.</summary>
    /// <param name="code" example="border-security">The topic's code.</param>
    [HttpGet("{code}")]
    [ProducesResponseType<TopicResponse>(StatusCodes.Status200OK, "application/json")]
    public async Task<ActionResult<TopicResponse>> Get(string code) =>
        await topics.GetAsync(code) is { } topic ? Ok(topic) : NotFound();

    /// <summary>Adds a topic to the vocabulary.</summary>
    /// <remarks>Its code must be new (409 otherwise). Answers 201 with the topic, its Location and ETag.</remarks>
    [HttpPost]
    [ProducesResponseType<TopicResponse>(StatusCodes.Status201Created, "application/json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    public Task<ActionResult> Create(TopicRequest request) =>
        this.CreatedAsync(request, scope => writer.CreateAsync(store, request, this.Actor(), scope), topics.GetAsync, nameof(Get), t => new { code = t.Code });

    /// <summary>Replaces a topic's code and labels.</summary>
    /// <remarks>Send <c>If-Match</c>. A new code moves the topic to <c>/topics/{newCode}</c>; meetings keep it.</remarks>
    /// <param name="code" example="border-security">The topic's current code.</param>
    /// <param name="request">The whole topic.</param>
    [HttpPut("{code}")]
    [ProducesResponseType<TopicResponse>(StatusCodes.Status200OK, "application/json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    public async Task<ActionResult> Replace(string code, TopicRequest request, [FromHeader(Name = "If-Match")] IfMatch ifMatch) =>
        await topics.IdOfAsync(code) is { } id
            ? await this.WrittenAsync(id, ifMatch, scope => writer.ReplaceAsync(store, id, request, this.Actor(), scope), topics.GetAsync)
            : NotFound();

    /// <summary>Retires a topic.</summary>
    /// <remarks>Send <c>If-Match</c>. Refused with 409 while meetings are filed under it.</remarks>
    /// <param name="code" example="border-security">The topic's code.</param>
    [HttpDelete("{code}")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    public async Task<ActionResult> Delete(string code, [FromHeader(Name = "If-Match")] IfMatch ifMatch) =>
        await topics.IdOfAsync(code) is { } id
            ? await this.WrittenAsync(id, ifMatch, scope => writer.DeleteAsync(store, id, this.Actor(), scope), topics.GetAsync)
            : NotFound();

    /// <summary>Lists every change of a topic, oldest first.</summary>
    /// <remarks>Found by its current code; a retired topic's history is in the change feed under its id.</remarks>
    /// <param name="code" example="border-security">The topic's code.</param>
    /// <param name="query">Paging.</param>
    [HttpGet("{code}/history")]
    [ProducesResponseType<Page<ChangeResponse>>(StatusCodes.Status200OK, "application/json")]
    public async Task<ActionResult<Page<ChangeResponse>>> History(string code, [FromQuery] HistoryQuery query) =>
        await topics.IdOfAsync(code) is { } id && await changes.HistoryAsync(store.Resource, id, query) is { } history
            ? Ok(history)
            : NotFound();
}
