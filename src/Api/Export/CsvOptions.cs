using Microsoft.AspNetCore.Mvc;

namespace Api.Export;

/// <summary>How a report's CSV is written.</summary>
public record CsvOptions
{
    /// <summary>With CSV output: true starts the file with a UTF-8 byte order mark, which Excel needs to show Arabic; default false. Ignored for JSON.</summary>
    /// <example>true</example>
    [FromQuery(Name = "bom")]
    public bool? Bom { get; init; }
}
