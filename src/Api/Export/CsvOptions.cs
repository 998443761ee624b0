namespace Api.Export;

/// <summary>How CSV is written, for every list and report that answers in it: the one <c>bom</c> option.</summary>
public record CsvOptions
{
    /// <summary>With CSV output (format=csv or Accept: text/csv): true starts the file with a UTF-8 byte order mark, which Excel needs to show Arabic; default false. Ignored otherwise.</summary>
    /// <example>true</example>
    [FromQuery(Name = "bom")]
    public bool? Bom { get; init; }
}
