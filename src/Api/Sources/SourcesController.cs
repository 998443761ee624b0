using Api.Auth;
using Api.Changes;
using Api.Data;
using Api.Http;
using Api.Records;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Api.Sources;

/// <summary>Sources: the reports and statements every record rests on.</summary>
[ApiController]
[Route("api/v1/sources")]
[Authorize(Policy = ApiPolicies.Read)]
public sealed class SourcesController(SourceRepository sources, SourceStore store, RecordWriter writer, ChangeRepository changes) : ControllerBase
{
    /// <summary>Gets a source.</summary>
    /// <param name="id" example="a43d93d1-57ec-5b1b-bbf0-6aecf8e6c5d5">The source's id.</param>
    [HttpGet("{id}")]
    [ProducesResponseType<SourceResponse>(StatusCodes.Status200OK, "application/json")]
    public async Task<ActionResult<SourceResponse>> Get(Guid id) =>
        await sources.GetAsync(id) is { } source ? Ok(source) : NotFound();

    /// <summary>Records a new source.</summary>
    /// <remarks>Give at least one of title, url and reference; a URL already recorded is a 409 (refer to that source instead). Answers 201 with the source as GET shows it, its Location and ETag.</remarks>
    [HttpPost]
    [ProducesResponseType<SourceResponse>(StatusCodes.Status201Created, "application/json")]
    public async Task<ActionResult> Create(SourceRequest request) =>
        await this.WrittenAsync(await writer.CreateAsync(store, request, this.Actor()), sources.GetAsync, nameof(Get));

    /// <summary>Replaces a source with the body.</summary>
    /// <remarks>Send the ETag of the version you read in <c>If-Match</c>. Answers 200 with the source and its new ETag.</remarks>
    /// <param name="id" example="a43d93d1-57ec-5b1b-bbf0-6aecf8e6c5d5">The source's id.</param>
    /// <param name="request">The whole source, as for POST.</param>
    [HttpPut("{id}")]
    [ProducesResponseType<SourceResponse>(StatusCodes.Status200OK, "application/json")]
    public async Task<ActionResult> Replace(Guid id, SourceRequest request, [FromHeader(Name = "If-Match")] IfMatch ifMatch) =>
        await this.WrittenAsync(await writer.ReplaceAsync(store, id, request, ifMatch, this.Actor()), sources.GetAsync);

    /// <summary>Retires a source: it leaves every list and read (404), and its history stays.</summary>
    /// <remarks>Send <c>If-Match</c>. Refused with 409 while a meeting or an agreement rests on it.</remarks>
    /// <param name="id" example="a43d93d1-57ec-5b1b-bbf0-6aecf8e6c5d5">The source's id.</param>
    [HttpDelete("{id}")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    public async Task<ActionResult> Delete(Guid id, [FromHeader(Name = "If-Match")] IfMatch ifMatch) =>
        await this.WrittenAsync(await writer.DeleteAsync(store, id, ifMatch, this.Actor()), sources.GetAsync);

    /// <summary>Lists every change of a source, oldest first, with who made it and the source before and after.</summary>
    /// <remarks>The history of a retired source stays readable.</remarks>
    /// <param name="id" example="a43d93d1-57ec-5b1b-bbf0-6aecf8e6c5d5">The source's id.</param>
    /// <param name="query">Paging.</param>
    [HttpGet("{id}/history")]
    [ProducesResponseType<Page<ChangeResponse>>(StatusCodes.Status200OK, "application/json")]
    public async Task<ActionResult<Page<ChangeResponse>>> History(Guid id, [FromQuery] HistoryQuery query) =>
        await changes.HistoryAsync(store.Resource, id, query) is { } history ? Ok(history) : NotFound();
}
