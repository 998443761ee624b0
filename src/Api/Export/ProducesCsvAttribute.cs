namespace Api.Export;

/// <summary>The action can also answer 200 with a CSV file of these columns (<c>format=csv</c> or <c>Accept: text/csv</c>).</summary>
/// <param name="columns">The header record, e.g. <c>key,count,name_en,name_ar</c>.</param>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ProducesCsvAttribute(string columns) : Attribute
{
    public string Columns { get; } = columns;

    /// <summary>A short example file, records separated by \r\n.</summary>
    public string? Example { get; init; }
}
