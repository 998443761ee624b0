namespace Api.Data.Lists;

/// <summary>The paging of a list that can also be exported whole as CSV or NDJSON (the CSV's byte order mark: <c>Export.CsvOptions</c>).</summary>
public abstract record ExportablePagedQuery : PagedQuery
{
    /// <summary>json (default), csv or ndjson; also chosen by Accept. csv and ndjson carry every matching record, not a page.</summary>
    [FromQuery(Name = "format")]
    public string? Format { get; init; }
}
