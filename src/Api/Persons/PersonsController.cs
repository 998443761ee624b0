using System.Text.Json;
using Api.Auth;
using Api.Changes;
using Api.Data;
using Api.Export;
using Api.Http;
using Api.Records;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Api.Persons;

/// <summary>People, under every spelling the press uses.</summary>
[ApiController]
[Route("api/v1/persons")]
[Authorize(Policy = ApiPolicies.Read)]
public sealed class PersonsController(PersonRepository persons, PersonStore store, RecordWriter writer, ChangeRepository changes) : ControllerBase
{
    /// <summary>Lists persons with their aliases: searched by name in Arabic or English, filtered, sorted, paged, counted.</summary>
    /// <remarks>Examples: <c>GET /api/v1/persons?q=أبوعزوم</c> (finds Mohamed Bazoum under the spelling of one report);
    /// <c>?q=bazum</c>; <c>?country=NER&amp;count=exact</c> (everyone who sat in a delegation of Niger). By default ordered by
    /// name (with q: best match first). Page through with the <c>nextCursor</c> of each page; a cursor only works with the
    /// sort it was made for.</remarks>
    /// <param name="filters">Which persons.</param>
    /// <param name="options">Order, paging and count.</param>
    [HttpGet]
    [Exports(OutputFormats.Csv, OutputFormats.Ndjson)]
    [ProducesResponseType<Page<PersonListItem>>(StatusCodes.Status200OK, "application/json")]
    public async Task<ActionResult<Page<PersonListItem>>> List([FromQuery] PersonFilters filters, [FromQuery] PersonListOptions options)
    {
        if (!Lists.TryOrder(options.Sort, PersonFilter.SortFields, PersonFilter.DefaultOrder(filters), filters.Q is not null, options.Cursor, out var order, out var error))
            return WriteResponses.Validation(HttpContext, [error!]);
        return await this.PageOrExportAsync(options, "persons",
            (cursor, limit) => persons.ListAsync(filters, options with { Cursor = cursor, Limit = limit }, order));
    }

    /// <summary>Gets a person with their aliases and the meetings they attended.</summary>
    /// <param name="id" example="92a6f642-cd11-5f44-8d88-2f382b64fc57">The person's id.</param>
    [HttpGet("{id}")]
    [ProducesResponseType<PersonResponse>(StatusCodes.Status200OK, "application/json")]
    public async Task<ActionResult<PersonResponse>> Get(Guid id) =>
        await persons.GetAsync(id) is { } person ? Ok(person) : NotFound();

    /// <summary>Records a new person.</summary>
    /// <remarks>Give at least one of the English and Arabic names; aliases are the other spellings the press uses. Answers 201 with the person as GET shows it, its Location and ETag.</remarks>
    [HttpPost]
    [ProducesResponseType<PersonResponse>(StatusCodes.Status201Created, "application/json")]
    public async Task<ActionResult> Create(PersonRequest request) =>
        await this.WrittenAsync(await writer.CreateAsync(store, request, this.Actor()), persons.GetAsync, nameof(Get));

    /// <summary>Replaces a person with the body.</summary>
    /// <remarks>Send the ETag of the version you read in <c>If-Match</c>. Answers 200 with the person and its new ETag.</remarks>
    /// <param name="id" example="92a6f642-cd11-5f44-8d88-2f382b64fc57">The person's id.</param>
    /// <param name="request">The whole person, as for POST.</param>
    [HttpPut("{id}")]
    [ProducesResponseType<PersonResponse>(StatusCodes.Status200OK, "application/json")]
    public async Task<ActionResult> Replace(Guid id, PersonRequest request, [FromHeader(Name = "If-Match")] IfMatch ifMatch) =>
        await this.WrittenAsync(await writer.ReplaceAsync(store, id, request, ifMatch, this.Actor()), persons.GetAsync);

    /// <summary>Changes some fields of a person (JSON Merge Patch, RFC 7396).</summary>
    /// <remarks>Send <c>Content-Type: application/merge-patch+json</c> and <c>If-Match</c>. The body holds only the
    /// fields to change, as POST names them; <c>null</c> removes a field; a list is replaced whole. The result is
    /// checked like a full body.</remarks>
    /// <param name="id" example="92a6f642-cd11-5f44-8d88-2f382b64fc57">The person's id.</param>
    /// <param name="patch">The fields to change.</param>
    [HttpPatch("{id}")]
    [Consumes("application/merge-patch+json")]
    [ProducesResponseType<PersonResponse>(StatusCodes.Status200OK, "application/json")]
    public async Task<ActionResult> Patch(Guid id, [FromBody] JsonElement patch, [FromHeader(Name = "If-Match")] IfMatch ifMatch,
        [FromServices] IValidator<PersonRequest> validator) =>
        await this.WrittenAsync(await writer.PatchAsync(store, id, patch, ifMatch, validator, this.Actor()), persons.GetAsync);

    /// <summary>Retires a person: it leaves every list and read (404), and its history stays.</summary>
    /// <remarks>Send <c>If-Match</c>. Refused with 409 while a delegation or an agreement names the person.</remarks>
    /// <param name="id" example="92a6f642-cd11-5f44-8d88-2f382b64fc57">The person's id.</param>
    [HttpDelete("{id}")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    public async Task<ActionResult> Delete(Guid id, [FromHeader(Name = "If-Match")] IfMatch ifMatch) =>
        await this.WrittenAsync(await writer.DeleteAsync(store, id, ifMatch, this.Actor()), persons.GetAsync);

    /// <summary>Lists every change of a person, oldest first, with who made it and the person before and after.</summary>
    /// <remarks>The history of a retired person stays readable.</remarks>
    /// <param name="id" example="92a6f642-cd11-5f44-8d88-2f382b64fc57">The person's id.</param>
    /// <param name="query">Paging.</param>
    [HttpGet("{id}/history")]
    [ProducesResponseType<Page<ChangeResponse>>(StatusCodes.Status200OK, "application/json")]
    public async Task<ActionResult<Page<ChangeResponse>>> History(Guid id, [FromQuery] HistoryQuery query) =>
        await changes.HistoryAsync(store.Resource, id, query) is { } history ? Ok(history) : NotFound();
}
