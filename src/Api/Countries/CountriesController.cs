using System.Text.RegularExpressions;
using Api.Auth;
using Api.Export;
using Microsoft.AspNetCore.Authorization;

namespace Api.Countries;

/// <summary>ISO 3166-1 countries with their English and Arabic names.</summary>
[ApiController]
[Route("api/v1/countries")]
[Authorize(Policy = ApiPolicies.Read)]
public sealed partial class CountriesController(CountryRepository countries) : ControllerBase
{
    /// <summary>Lists all ISO 3166-1 countries, ordered by alpha-3 code.</summary>
    [HttpGet]
    [ProducesResponseType<Page<CountryResponse>>(StatusCodes.Status200OK, "application/json")]
    [Exports(OutputFormats.Csv, OutputFormats.Ndjson)]
    public async Task<ActionResult> List([FromQuery] CountryListQuery query, [FromQuery] CsvOptions csv) =>
        await this.PageOrExportAsync(query, csv, "countries", (cursor, limit) => countries.ListAsync(query with { Cursor = cursor, Limit = limit }));

    /// <summary>Gets one country by its ISO 3166-1 alpha-3 code (case-insensitive).</summary>
    /// <param name="code" example="NER">ISO 3166-1 alpha-3 code, e.g. <c>NER</c>.</param>
    [HttpGet("{code}")]
    [ProducesResponseType<CountryResponse>(StatusCodes.Status200OK, "application/json")]
    public async Task<ActionResult<CountryResponse>> Get(string code)
    {
        if (!Alpha3().IsMatch(code))
        {
            ModelState.AddModelError("code", "The code must be an ISO 3166-1 alpha-3 code of three letters, such as NER.");
            return ValidationProblem(ModelState);
        }
        var country = await countries.GetAsync(code.ToUpperInvariant());
        return country is null ? NotFound() : Ok(country);
    }

    [GeneratedRegex("^[A-Za-z]{3}$")]
    private static partial Regex Alpha3();
}
