using Api.Auth;
using Api.Changes;
using Microsoft.AspNetCore.Authorization;

namespace Api.Http;

/// <summary>
/// What every record kept by id answers alike — replace it, retire it, list its history — so that a resource's
/// controller declares only what is its own: its list, its read, its create (and a merge patch where it offers one,
/// <see cref="PatchableRecordsController{TRequest,TResponse}"/>). The documentation below names the record through
/// <see cref="OpenApi.RecordDocumentFilter"/>: <c>{record}</c> becomes <c>meeting</c>, <c>{a record}</c> <c>a meeting</c>.
/// </summary>
[ApiController]
[Authorize(Policy = ApiPolicies.Read)]
public abstract class RecordsController<TRequest, TResponse>(IRecordStore<TRequest> store, RecordWriter writer, ChangeRepository changes)
    : ControllerBase where TRequest : class where TResponse : class
{
    /// <summary>Writes the resource's records.</summary>
    protected IRecordStore<TRequest> Store { get; } = store;

    protected RecordWriter Writer { get; } = writer;

    /// <summary>The record as GET shows it; null when there is none.</summary>
    protected abstract Task<TResponse?> ReadAsync(Guid id);

    /// <summary>Records a new record and answers 201 with it as GET shows it, Location pointing at <paramref name="getAction"/>.</summary>
    protected async Task<ActionResult> CreateRecordAsync(TRequest request, string getAction) =>
        await this.CreatedAsync(await Writer.CreateAsync(Store, request, this.Actor()), ReadAsync, getAction);

    /// <summary>Replaces {a record} with the body.</summary>
    /// <remarks>Send the ETag of the version you read in <c>If-Match</c>. Answers 200 with the {record} and its new ETag.</remarks>
    /// <param name="id">The {record}'s id.</param>
    /// <param name="request">The whole {record}, as for POST.</param>
    [HttpPut("{id}")]
    [ProducesResponseType(StatusCodes.Status200OK)]
    public async Task<ActionResult<TResponse>> Replace(Guid id, TRequest request, [FromHeader(Name = "If-Match")] IfMatch ifMatch) =>
        await this.WrittenAsync(await Writer.ReplaceAsync(Store, id, request, ifMatch, this.Actor()), ReadAsync);

    /// <summary>Retires {a record}: it leaves every list and read (404), and its history stays.</summary>
    /// <remarks>Send <c>If-Match</c>. Refused with 409 while other records refer to it; the problem's detail names them.</remarks>
    /// <param name="id">The {record}'s id.</param>
    [HttpDelete("{id}")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    public async Task<ActionResult> Delete(Guid id, [FromHeader(Name = "If-Match")] IfMatch ifMatch) =>
        await this.WrittenAsync(await Writer.DeleteAsync(Store, id, ifMatch, this.Actor()), ReadAsync);

    /// <summary>Lists every change of {a record}, oldest first, with who made it and the {record} before and after.</summary>
    /// <remarks>The history of a retired {record} stays readable.</remarks>
    /// <param name="id">The {record}'s id.</param>
    /// <param name="query">Paging.</param>
    [HttpGet("{id}/history")]
    [ProducesResponseType(StatusCodes.Status200OK)]
    public async Task<ActionResult<Page<ChangeResponse>>> History(Guid id, [FromQuery] HistoryQuery query) =>
        await changes.HistoryAsync(Store.Resource, id, query) is { } history ? Ok(history) : NotFound();
}
