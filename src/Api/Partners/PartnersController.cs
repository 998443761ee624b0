using System.Text.RegularExpressions;
using Api.Auth;
using Api.Countries;
using Api.Export;
using Api.Meetings;
using Microsoft.AspNetCore.Authorization;

namespace Api.Partners;

/// <summary>Who met whom: the countries a country took part in meetings with.</summary>
[ApiController]
[Route("api/v1/countries/{code}/partners")]
[Authorize(Policy = ApiPolicies.Read)]
public sealed partial class PartnersController(PartnerRepository partners, CountryCatalog countries) : ControllerBase
{
    private static readonly string[] CsvHeader = ["code", "name_en", "name_ar", "meetings", "first_meeting", "last_meeting"];

    /// <summary>Lists the countries this one met: each with how many meetings both took part in, and the first and last of them.</summary>
    /// <remarks>
    /// A country took part in a meeting when it sent a delegation or hosted it; where the meeting took place does not count.
    /// Every filter of the meeting list narrows the meetings considered: <c>from</c> and <c>to</c> (the meetings overlapping
    /// the range), <c>format</c>, <c>status</c>, <c>topic</c>, <c>q</c>, … Ordered by the number of meetings, highest first,
    /// then by code. Example with the seed data: <c>GET /api/v1/countries/NER/partners?from=2019-01-01&amp;to=2019-12-31</c> —
    /// <c>{"country":"NER","items":[{"code":"LBY","nameEn":"Libya","nameAr":"ليبيا","meetings":3,"firstMeeting":"2019-01-28","lastMeeting":"2019-02-01"},{"code":"SDN",…,"meetings":1},{"code":"TCD",…,"meetings":1}]}</c>.
    /// <c>format=csv</c> (or <c>Accept: text/csv</c>) gives a CSV file with the columns
    /// <c>code,name_en,name_ar,meetings,first_meeting,last_meeting</c>; add <c>bom=true</c> for Excel.
    /// </remarks>
    /// <param name="code" example="NER">ISO 3166-1 alpha-3 code of the country, any case.</param>
    /// <param name="filters">Which meetings to consider: the filters of the meeting list.</param>
    /// <param name="csv">The CSV's byte order mark.</param>
    [HttpGet]
    [ProducesResponseType<PartnersResponse>(StatusCodes.Status200OK, "application/json")]
    [Exports(OutputFormats.Csv, CsvColumns = "code,name_en,name_ar,meetings,first_meeting,last_meeting",
        CsvExample = "code,name_en,name_ar,meetings,first_meeting,last_meeting\r\nLBY,Libya,ليبيا,3,2019-01-28,2019-02-01\r\n")]
    public async Task<ActionResult<PartnersResponse>> List(string code, [FromQuery] MeetingFilters filters, [FromQuery] CsvOptions csv)
    {
        if (!Alpha3().IsMatch(code))
            return WriteResponses.Validation(HttpContext, [new FieldError("code", "The code must be an ISO 3166-1 alpha-3 code of three letters, such as NER.")]);
        code = code.ToUpperInvariant();
        if (ReportOutput.Negotiate(Request) is not { } output)
            return ReportOutput.Unsupported(HttpContext);
        if (!await countries.ExistsAsync(code, HttpContext.RequestAborted))
            return NotFound();

        var result = await partners.ListAsync(code, filters);
        if (output != OutputFormats.Csv)
            return Ok(result);
        return new CsvResult($"partners-{code}.csv", CsvHeader,
            result.Items.Select(p => (IReadOnlyList<object?>)[p.Code, p.NameEn, p.NameAr, p.Meetings, p.FirstMeeting, p.LastMeeting]),
            csv.Bom == true);
    }

    [GeneratedRegex("^[A-Za-z]{3}$")]
    private static partial Regex Alpha3();
}
