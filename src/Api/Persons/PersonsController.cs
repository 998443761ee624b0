using Api.Changes;
using Api.Export;

namespace Api.Persons;

/// <summary>People, under every spelling the press uses.</summary>
[Route("api/v1/persons")]
public sealed class PersonsController(PersonRepository persons, PersonStore store, RecordWriter writer, ChangeRepository changes)
    : PatchableRecordsController<PersonRequest, PersonResponse>(store, writer, changes)
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
    public Task<ActionResult> List([FromQuery] PersonFilters filters, [FromQuery] PersonListOptions options, [FromQuery] CsvOptions csv) =>
        this.SortedPageOrExportAsync(options, csv, "persons", PersonFilter.SortFields, PersonFilter.DefaultOrder(filters), filters.Q is not null,
            (cursor, limit, order) => persons.ListAsync(filters, options with { Cursor = cursor, Limit = limit }, order));

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
    public Task<ActionResult> Create(PersonRequest request) => CreateRecordAsync(request, nameof(Get));

    protected override Task<PersonResponse?> ReadAsync(Guid id) => persons.GetAsync(id);
}
