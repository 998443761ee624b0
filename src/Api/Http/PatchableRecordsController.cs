using System.Text.Json;
using Api.Changes;
using FluentValidation;

namespace Api.Http;

/// <summary>The actions of <see cref="RecordsController{TRequest,TResponse}"/>, and a JSON Merge Patch of the record.</summary>
public abstract class PatchableRecordsController<TRequest, TResponse>(IRecordStore<TRequest> store, RecordWriter writer, ChangeRepository changes)
    : RecordsController<TRequest, TResponse>(store, writer, changes) where TRequest : class where TResponse : class
{
    /// <summary>Changes some fields of {a record} (JSON Merge Patch, RFC 7396).</summary>
    /// <remarks>Send <c>Content-Type: application/merge-patch+json</c> and <c>If-Match</c>. The body holds only the
    /// fields to change, as POST names them: <c>{"titleEn": "…"}</c>; <c>null</c> removes a field; a list is replaced
    /// whole. The result is checked like a full body.</remarks>
    /// <param name="id">The {record}'s id.</param>
    /// <param name="patch">The fields to change.</param>
    [HttpPatch("{id}")]
    [Consumes("application/merge-patch+json")]
    [ProducesResponseType(StatusCodes.Status200OK)]
    public async Task<ActionResult<TResponse>> Patch(Guid id, [FromBody] JsonElement patch, [FromHeader(Name = "If-Match")] IfMatch ifMatch,
        [FromServices] IValidator<TRequest> validator) =>
        await this.WrittenAsync(await Writer.PatchAsync(Store, id, patch, ifMatch, validator, this.Actor()), ReadAsync);
}
