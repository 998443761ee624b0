using Api.Auth;
using Api.Export;
using Api.Meetings;
using Microsoft.AspNetCore.Authorization;

namespace Api.Stats;

/// <summary>Aggregates for dashboards: how many meetings, by period, country, topic, format or status.</summary>
[ApiController]
[Route("api/v1/stats")]
[Authorize(Policy = ApiPolicies.Read)]
public sealed class StatsController(StatsRepository stats) : ControllerBase
{
    private static readonly string[] CsvHeader = ["key", "count", "name_en", "name_ar"];

    /// <summary>Counts the meetings that match the filters, grouped by month, year, country, topic, format or status.</summary>
    /// <remarks>
    /// Takes every filter of the meeting list. Examples with the seed data:
    /// <c>GET /api/v1/stats/meetings?groupBy=month&amp;country=NER&amp;from=2019-01-01&amp;to=2019-12-31</c> — the meetings Niger took
    /// part in during 2019, month by month: <c>{"groupBy":"month","zeroFilled":true,"items":[{"key":"2019-01","count":2},{"key":"2019-02","count":1},{"key":"2019-03","count":0}, …,{"key":"2019-12","count":0}]}</c>;
    /// <c>?groupBy=country&amp;from=2019-01-01&amp;to=2019-12-31</c> — <c>{"groupBy":"country","items":[{"key":"LBY","count":3,"nameEn":"Libya","nameAr":"ليبيا"},{"key":"NER","count":3,"nameEn":"Niger","nameAr":"النيجر"}, …]}</c>.
    /// A meeting counts in the month (or year) of its start date, and once for each country that took part in it, with a
    /// delegation or as the host. Months and years come in order, every one from the first to the last with 0 where there
    /// were none (up to 1200 periods; see <c>groupBy</c>); the other groupings by count, highest first.
    /// <c>format=csv</c> (or <c>Accept: text/csv</c>) gives the same as a CSV file with the columns <c>key,count,name_en,name_ar</c>;
    /// add <c>bom=true</c> for Excel.
    /// </remarks>
    /// <param name="filters">Which meetings to count: the filters of the meeting list.</param>
    /// <param name="query">How to group them.</param>
    /// <param name="csv">The CSV's byte order mark.</param>
    [HttpGet("meetings")]
    [ProducesResponseType<MeetingStatsResponse>(StatusCodes.Status200OK, "application/json")]
    [Exports(OutputFormats.Csv, CsvColumns = "key,count,name_en,name_ar", CsvExample = "key,count,name_en,name_ar\r\nLBY,3,Libya,ليبيا\r\nNER,3,Niger,النيجر\r\n")]
    public async Task<ActionResult<MeetingStatsResponse>> Meetings([FromQuery] MeetingFilters filters, [FromQuery] MeetingStatsQuery query,
        [FromQuery] CsvOptions csv)
    {
        if (ReportOutput.Negotiate(Request) is not { } output)
            return ReportOutput.Unsupported(HttpContext);
        var groupBy = query.GroupBy!;
        if (MeetingStatsGroups.IsPeriod(groupBy) && filters is { From: { } from, To: { } to }
            && MeetingStatsGroups.Periods(groupBy, from, to) > MeetingStatsGroups.MaxFilledPeriods)
        {
            return WriteResponses.Validation(HttpContext, [new FieldError("to",
                $"groupBy={groupBy} fills at most {MeetingStatsGroups.MaxFilledPeriods} {groupBy}s from 'from' to 'to'; narrow the range" +
                (groupBy == MeetingStatsGroups.Month ? " or group by year." : "."))]);
        }

        var result = await stats.MeetingsAsync(filters, groupBy);
        if (output != OutputFormats.Csv)
            return Ok(result);
        return new CsvResult($"meetings-by-{groupBy}.csv", CsvHeader,
            result.Items.Select(i => (IReadOnlyList<object?>)[i.Key, i.Count, i.NameEn, i.NameAr]),
            csv.Bom == true);
    }
}
