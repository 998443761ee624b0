using System.Collections;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Api.Export;

/// <summary>
/// CSV and NDJSON of any list, every matching record, read page by page (500 at a time) through the list's
/// own query and written as it goes: memory holds one page, whatever the size of the result. Meetings,
/// the large list, stream straight from one query instead (MeetingExporter).
/// </summary>
public static class PagedExport
{
    public const int PageSize = 500;

    public static async Task WriteAsync<T>(HttpResponse response, string name, string format, bool byteOrderMark,
        Func<string?, Task<Page<T>>> page, JsonSerializerOptions json, Action progressed, CancellationToken cancellationToken)
    {
        response.ContentType = OutputFormats.MediaTypes[format] + "; charset=utf-8";
        response.Headers.ContentDisposition = $"attachment; filename=\"{name}.{format}\"";
        var columns = Columns(typeof(T));
        await using var csv = format == OutputFormats.Csv ? new CsvWriter(response.Body, byteOrderMark) : null;
        if (csv is not null)
            await csv.WriteRowAsync(columns.Select(c => c.Name));
        string? cursor = null;
        do
        {
            var current = await page(cursor);
            foreach (var item in current.Items)
            {
                if (csv is not null)
                    await csv.WriteRowAsync(columns.Select(c => c.Value(item!)));
                else
                {
                    await JsonSerializer.SerializeAsync(response.Body, item, json, cancellationToken);
                    await response.Body.WriteAsync("\n"u8.ToArray(), cancellationToken);
                }
            }
            if (csv is not null)
                await csv.FlushAsync();
            progressed();
            cursor = current.NextCursor;
        }
        while (cursor is not null);
    }

    private sealed record Column(string Name, Func<object, object?> Value);

    /// <summary>Flat columns of a record: its scalars; a nested record's scalars prefixed with its name; a list's items joined by ';' (or as JSON when they are records).</summary>
    private static List<Column> Columns(Type type, string prefix = "", Func<object, object?>? parent = null)
    {
        var columns = new List<Column>();
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                     .Where(p => p.GetIndexParameters().Length == 0 && p.GetCustomAttribute<JsonIgnoreAttribute>() is not { Condition: JsonIgnoreCondition.Always })
                     .OrderBy(p => p.DeclaringType == type ? 1 : 0))
        {
            var name = prefix + Snake(property.Name);
            Func<object, object?> get = parent is null ? property.GetValue : o => parent(o) is { } owner ? property.GetValue(owner) : null;
            var t = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (IsScalar(t))
                columns.Add(new Column(name, get));
            else if (typeof(IEnumerable).IsAssignableFrom(t))
                columns.Add(new Column(name, o => get(o) is IEnumerable items ? Joined(items) : null));
            else if (prefix.Length == 0)
                columns.AddRange(Columns(t, name + "_", get));
        }
        return columns;
    }

    private static object Joined(IEnumerable items)
    {
        var list = items.Cast<object?>().ToList();
        return list.All(i => i is null || IsScalar(i.GetType()))
            ? string.Join(';', list.Select(CsvWriter.Text))
            : JsonSerializer.Serialize(list, Documents.Options);
    }

    private static bool IsScalar(Type t) =>
        t.IsPrimitive || t.IsEnum || t == typeof(string) || t == typeof(Guid) || t == typeof(DateOnly) || t == typeof(DateTime) || t == typeof(decimal);

    private static string Snake(string name) =>
        string.Concat(name.Select((c, i) => char.IsUpper(c) ? (i > 0 ? "_" : "") + char.ToLowerInvariant(c) : c.ToString()));
}
