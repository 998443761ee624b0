using System.Text.Json;
using Api.Auth;
using Api.Changes;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;

namespace Api.Http;

/// <summary>
/// What every record kept by id answers alike — read it, create it, replace it, patch it, retire it, list its history —
/// so that a resource's controller declares only what is its own (its list: <see cref="ListedRecordsController{TRequest,TResponse,TFilters,TOptions,TItem}"/>
/// where it is like the others). The documentation below names the record through <see cref="OpenApi.RecordDocumentFilter"/>:
/// <c>{record}</c> becomes <c>meeting</c>, <c>{a record}</c> <c>a meeting</c>, <c>{records}</c> <c>meetings</c>; what a
/// resource says of its own read, create and list stands in its controller's documentation (<see cref="OpenApi.ControllerDocsFilter"/>).
/// </summary>
[ApiController]
[Authorize(Policy = ApiPolicies.Read)]
public abstract class RecordsController<TRequest, TResponse>(IRecordReader<TResponse> reader, IRecordStore<TRequest> store, RecordWriter writer,
    ChangeRepository changes) : ControllerBase where TRequest : class where TResponse : class
{
    /// <summary>Writes the resource's records.</summary>
    protected IRecordStore<TRequest> Store { get; } = store;

    /// <summary>Gets {a record}.</summary>
    /// <param name="id">The {record}'s id.</param>
    [HttpGet("{id}")]
    [ProducesResponseType(StatusCodes.Status200OK)]
    public virtual async Task<ActionResult<TResponse>> Get(Guid id) =>
        await reader.GetAsync(id) is { } record ? Ok(record) : NotFound();

    /// <summary>Records a new {record}.</summary>
    /// <remarks>Answers 201 with the {record} as GET shows it, its Location and ETag.</remarks>
    [HttpPost]
    [ProducesResponseType(StatusCodes.Status201Created)]
    public async Task<ActionResult<TResponse>> Create(TRequest request) =>
        await this.CreatedAsync(request, scope => writer.CreateAsync(Store, request, this.Actor(), scope), reader.GetAsync, nameof(Get));

    /// <summary>Replaces {a record} with the body.</summary>
    /// <remarks>Send the ETag of the version you read in <c>If-Match</c>. Answers 200 with the {record} and its new ETag.</remarks>
    /// <param name="id">The {record}'s id.</param>
    /// <param name="request">The whole {record}, as for POST.</param>
    [HttpPut("{id}")]
    [ProducesResponseType(StatusCodes.Status200OK)]
    public async Task<ActionResult<TResponse>> Replace(Guid id, TRequest request, [FromHeader(Name = "If-Match")] IfMatch ifMatch) =>
        await this.WrittenAsync(id, ifMatch, scope => writer.ReplaceAsync(Store, id, request, this.Actor(), scope), reader.GetAsync);

    /// <summary>Changes some fields of {a record} (JSON Merge Patch, RFC 7396).</summary>
    /// <remarks>Send <c>Content-Type: application/merge-patch+json</c> and <c>If-Match</c>. The body holds only the
    /// fields to change, as POST names them (<c>{"titleEn": "…"}</c> for a meeting); <c>null</c> removes a field; a list is replaced
    /// whole. The result is checked like a full body.</remarks>
    /// <param name="id">The {record}'s id.</param>
    /// <param name="patch">The fields to change.</param>
    [HttpPatch("{id}")]
    [Consumes("application/merge-patch+json")]
    [ProducesResponseType(StatusCodes.Status200OK)]
    public async Task<ActionResult<TResponse>> Patch(Guid id, [FromBody] JsonElement patch, [FromHeader(Name = "If-Match")] IfMatch ifMatch,
        [FromServices] IValidator<TRequest> validator) =>
        await this.WrittenAsync(id, ifMatch, scope => writer.PatchAsync(Store, id, patch, validator, this.Actor(), scope), reader.GetAsync);

    /// <summary>Retires {a record}: it leaves every list and read (404), and its history stays.</summary>
    /// <remarks>Send <c>If-Match</c>. Refused with 409 while other records refer to it; the problem's detail names them.</remarks>
    /// <param name="id">The {record}'s id.</param>
    [HttpDelete("{id}")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    public Task<ActionResult> Delete(Guid id, [FromHeader(Name = "If-Match")] IfMatch ifMatch) =>
        this.WrittenAsync(id, ifMatch, scope => writer.DeleteAsync(Store, id, this.Actor(), scope), reader.GetAsync);

    /// <summary>Lists every change of {a record}, oldest first, with who made it and the {record} before and after.</summary>
    /// <remarks>The history of a retired {record} stays readable.</remarks>
    /// <param name="id">The {record}'s id.</param>
    /// <param name="query">Paging.</param>
    [HttpGet("{id}/history")]
    [ProducesResponseType(StatusCodes.Status200OK)]
    public async Task<ActionResult<Page<ChangeResponse>>> History(Guid id, [FromQuery] HistoryQuery query) =>
        await changes.HistoryAsync(Store.Resource, id, query) is { } history ? Ok(history) : NotFound();
}
