using Api.Changes;

namespace Api.Sources;

/// <summary>Sources: the reports and statements every record rests on.</summary>
/// <create><remarks>Give at least one of title, url and reference; a URL already recorded is a 409 (refer to that source instead).</remarks></create>
/// <id example="a43d93d1-57ec-5b1b-bbf0-6aecf8e6c5d5"/>
[Route("api/v1/sources")]
public sealed class SourcesController(SourceRepository sources, SourceStore store, RecordWriter writer, ChangeRepository changes)
    : RecordsController<SourceRequest, SourceResponse>(sources, store, writer, changes);
