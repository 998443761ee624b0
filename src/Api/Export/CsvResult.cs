namespace Api.Export;

/// <summary>
/// A CSV file as the response: a header record, then one record per row, sent as an attachment
/// (<c>Content-Disposition: attachment; filename="…"</c>) so browsers save it rather than show it.
/// </summary>
/// <param name="fileName">The file name the browser saves it under: ASCII letters, digits, '.', '-' and '_'.</param>
/// <param name="header">The column names.</param>
/// <param name="rows">The records, each with as many fields as the header.</param>
/// <param name="byteOrderMark">Start with the UTF-8 byte order mark (for Excel); most other tools are better without.</param>
public sealed class CsvResult(string fileName, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<object?>> rows, bool byteOrderMark)
    : ActionResult
{
    public string FileName { get; } = IsSafeFileName(fileName) ? fileName : throw new ArgumentException($"'{fileName}' is not a plain ASCII file name.", nameof(fileName));

    public override async Task ExecuteResultAsync(ActionContext context)
    {
        var response = context.HttpContext.Response;
        var cancellationToken = context.HttpContext.RequestAborted;
        response.StatusCode = StatusCodes.Status200OK;
        // RFC 4180's optional header parameter tells a reader the first record names the columns.
        response.ContentType = $"{OutputFormats.MediaTypes[OutputFormats.Csv]}; charset=utf-8; header=present";
        response.Headers.ContentDisposition = $"attachment; filename=\"{FileName}\"";

        // A report is a few rows: written whole first, so that the response can say its length.
        using var file = new MemoryStream();
        await using (var csv = new CsvWriter(file, byteOrderMark))
        {
            await csv.WriteRowAsync(header);
            foreach (var row in rows)
            {
                if (row.Count != header.Count)
                    throw new InvalidOperationException($"A CSV row has {row.Count} fields; the header has {header.Count}.");
                await csv.WriteRowAsync(row);
            }
        }
        response.ContentLength = file.Length;
        await response.Body.WriteAsync(file.GetBuffer().AsMemory(0, (int)file.Length), cancellationToken);
    }

    private static bool IsSafeFileName(string name) =>
        name.Length is > 0 and <= 200 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_');
}
