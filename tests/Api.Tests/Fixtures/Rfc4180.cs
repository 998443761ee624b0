using System.Text;

namespace Api.Tests.Fixtures;

/// <summary>
/// A strict RFC 4180 reader, so tests check the CSV a spreadsheet reads, not what the writer meant: records end
/// with CRLF (the last may not), fields are separated by commas, a quoted field may hold commas, CR, LF and doubled
/// quotes, an unquoted field may hold none of them, nothing may follow a closing quote but a comma or a CRLF, and
/// every record has as many fields as the first. Anything else throws <see cref="FormatException"/>.
/// </summary>
public static class Rfc4180
{
    private static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];

    /// <summary>The body as UTF-8 (invalid bytes throw) without its byte order mark, and whether it had one.</summary>
    public static (string Text, bool HadBom) Decode(byte[] body)
    {
        var hadBom = body.AsSpan().StartsWith(Bom);
        var text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true)
            .GetString(hadBom ? body[Bom.Length..] : body);
        return (text, hadBom);
    }

    public static List<string[]> Parse(string text)
    {
        var records = new List<string[]>();
        if (text.Length == 0)
            return records;
        var fields = new List<string>();
        var field = new StringBuilder();
        var i = 0;
        while (true)
        {
            field.Clear();
            if (i < text.Length && text[i] == '"')
            {
                i++;
                while (true)
                {
                    if (i >= text.Length)
                        throw new FormatException("A quoted field is not closed.");
                    if (text[i] != '"')
                        field.Append(text[i++]);
                    else if (i + 1 < text.Length && text[i + 1] == '"')
                    {
                        field.Append('"');
                        i += 2;
                    }
                    else
                    {
                        i++;
                        break;
                    }
                }
            }
            else
            {
                while (i < text.Length && text[i] is not (',' or '\r' or '\n'))
                {
                    if (text[i] == '"')
                        throw new FormatException($"A quote inside an unquoted field at {i}.");
                    field.Append(text[i++]);
                }
            }
            fields.Add(field.ToString());

            if (i >= text.Length)
            {
                Add(records, fields);
                return records;
            }
            if (text[i] == ',')
            {
                i++;
                continue;
            }
            if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                i += 2;
                Add(records, fields);
                fields.Clear();
                if (i >= text.Length)
                    return records;
                continue;
            }
            throw new FormatException($"Unexpected {(int)text[i]:x2} at {i}: a field must end with a comma or CRLF.");
        }
    }

    private static void Add(List<string[]> records, List<string> fields)
    {
        if (records.Count > 0 && records[0].Length != fields.Count)
            throw new FormatException($"Record {records.Count + 1} has {fields.Count} fields; the first has {records[0].Length}.");
        records.Add([.. fields]);
    }
}
