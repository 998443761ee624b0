using Microsoft.AspNetCore.Mvc;

namespace Api.Data;

/// <summary>The paging of a list that can also be exported whole as CSV or NDJSON.</summary>
public abstract record ExportablePagedQuery : PagedQuery
{
    /// <summary>json (default), csv or ndjson; also chosen by Accept. csv and ndjson carry every matching record, not a page.</summary>
    [FromQuery(Name = "format")]
    public string? Format { get; init; }

    /// <summary>With format=csv: true starts the file with a UTF-8 byte-order mark, which Excel needs to show Arabic.</summary>
    [FromQuery(Name = "bom")]
    public bool? Bom { get; init; }
}
