using Microsoft.Net.Http.Headers;

namespace Api.Export;

/// <summary>
/// The output formats of reports (statistics, partners): JSON, or CSV for spreadsheets, chosen like the
/// lists' by <c>format=</c> or Accept.
/// </summary>
public static class ReportOutput
{
    public static readonly string[] Offered = [OutputFormats.Json, OutputFormats.Csv];

    /// <summary>
    /// json or csv; null when <c>format=</c> names an output format reports are not offered in (ndjson,
    /// geojson: a handful of aggregate rows is no stream or map).
    /// </summary>
    public static string? Negotiate(HttpRequest request)
    {
        // The answer depends on Accept: caches must not hand a CSV to a client that asked for JSON.
        request.HttpContext.Response.Headers.Append(HeaderNames.Vary, HeaderNames.Accept);
        var format = OutputFormats.Of(request, Offered);
        return Offered.Contains(format) ? format : null;
    }

    public static ObjectResult Unsupported(HttpContext context) =>
        WriteResponses.Validation(context, [new FieldError("format", $"This report is offered as {string.Join(" or ", Offered)}.")]);
}
