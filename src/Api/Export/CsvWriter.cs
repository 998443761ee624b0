using System.Globalization;
using System.Text;

namespace Api.Export;

/// <summary>
/// CSV as RFC 4180 has it: comma-separated, CRLF line ends, a field quoted when it holds a comma, a quote,
/// CR or LF, and quotes inside doubled. UTF-8, with the byte-order mark only when asked (Excel needs it to
/// read Arabic; other tools are better without). A text cell that a spreadsheet would run as a formula — one that
/// begins with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a carriage return — is written after an apostrophe,
/// as OWASP's CSV-injection guidance says; numbers, dates and ids are written as they are (a negative longitude
/// stays a number).
/// </summary>
public sealed class CsvWriter(Stream stream, bool byteOrderMark) : IAsyncDisposable
{
    private readonly StreamWriter _writer = new(stream, new UTF8Encoding(byteOrderMark), bufferSize: 16 * 1024, leaveOpen: true) { NewLine = "\r\n" };

    public Task WriteRowAsync(params IEnumerable<object?> fields) =>
        _writer.WriteLineAsync(string.Join(',', fields.Select(Field)));

    public Task FlushAsync() => _writer.FlushAsync();

    public async ValueTask DisposeAsync()
    {
        // leaveOpen: the response stream belongs to the server.
        await _writer.DisposeAsync();
    }

    private static string Field(object? value)
    {
        var text = value is string s && s.Length > 0 && FormulaStarts.Contains(s[0]) ? "'" + s : Text(value);
        return text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + text.Replace("\"", "\"\"") + "\"" : text;
    }

    /// <summary>The first characters that make a spreadsheet read a cell as a formula.</summary>
    private const string FormulaStarts = "=+-@\t\r";

    /// <summary>A value as CSV shows it, before quoting: ISO dates, invariant numbers, lower-case booleans.</summary>
    public static string Text(object? value) =>
        value switch
        {
            null => "",
            DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            DateTime t => t.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture),
            double x => x.ToString("R", CultureInfo.InvariantCulture),
            bool b => b ? "true" : "false",
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };
}
