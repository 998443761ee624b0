namespace Api.Export;

/// <summary>
/// Marks an action that can also answer in these formats (chosen by <c>format=</c> or Accept, <see cref="OutputFormats.Of"/>),
/// so that <see cref="ExportsOperationFilter"/> documents their media types beside its JSON.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ExportsAttribute(params string[] formats) : Attribute
{
    public IReadOnlyList<string> Formats { get; } = formats;

    /// <summary>A report's CSV columns (its header record, e.g. <c>key,count,name_en,name_ar</c>); a list's CSV has a column per field.</summary>
    public string? CsvColumns { get; init; }

    /// <summary>A short example CSV file, records separated by \r\n.</summary>
    public string? CsvExample { get; init; }
}
