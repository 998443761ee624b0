using Api.Changes;

namespace Api.Sources;

/// <summary>Sources: the reports and statements every record rests on.</summary>
[Route("api/v1/sources")]
public sealed class SourcesController(SourceRepository sources, SourceStore store, RecordWriter writer, ChangeRepository changes)
    : RecordsController<SourceRequest, SourceResponse>(store, writer, changes)
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
    public Task<ActionResult> Create(SourceRequest request) => CreateRecordAsync(request, nameof(Get));

    protected override Task<SourceResponse?> ReadAsync(Guid id) => sources.GetAsync(id);
}
