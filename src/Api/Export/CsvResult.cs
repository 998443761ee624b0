using System.Text;
using Microsoft.AspNetCore.Mvc;

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
        response.ContentType = $"{Csv.MediaType}; charset=utf-8; header=present";
        response.Headers.ContentDisposition = $"attachment; filename=\"{FileName}\"";

        var text = new StringBuilder(Csv.Record(header));
        foreach (var row in rows)
        {
            if (row.Count != header.Count)
                throw new InvalidOperationException($"A CSV row has {row.Count} fields; the header has {header.Count}.");
            text.Append(Csv.Record(row));
        }
        var body = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetBytes(text.ToString());
        response.ContentLength = body.Length + (byteOrderMark ? Csv.ByteOrderMark.Length : 0);
        if (byteOrderMark)
            await response.Body.WriteAsync(Csv.ByteOrderMark.ToArray(), cancellationToken);
        await response.Body.WriteAsync(body, cancellationToken);
    }

    private static bool IsSafeFileName(string name) =>
        name.Length is > 0 and <= 200 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_');
}
