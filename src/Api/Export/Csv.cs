namespace Api.Export;

/// <summary>
/// CSV as RFC 4180 has it: fields separated by commas, records ended by CRLF, a field quoted when it holds a
/// comma, a double quote, CR or LF, with the quotes inside doubled; text in UTF-8.
/// </summary>
public static class Csv
{
    public const string MediaType = "text/csv";

    /// <summary>The UTF-8 byte order mark: Excel reads a CSV file as UTF-8 (and so shows Arabic) only when it starts with one.</summary>
    public static ReadOnlySpan<byte> ByteOrderMark => [0xEF, 0xBB, 0xBF];

    /// <summary>One field, quoted when it must be, as the list exports write it.</summary>
    public static string Field(object? value) => CsvWriter.Field(value);

    /// <summary>One record with its CRLF.</summary>
    public static string Record(IEnumerable<object?> fields) => string.Join(',', fields.Select(Field)) + "\r\n";
}
