using Api.Meetings;

namespace Api.Partners;

public sealed class PartnerRepository(Database database)
{
    /// <summary>
    /// The countries that took part (with a delegation, or as the host) in the meetings <paramref name="filters"/>
    /// select in which <paramref name="code"/> took part too: most meetings first, then by code.
    /// </summary>
    public async Task<PartnersResponse> ListAsync(string code, MeetingFilters filters)
    {
        // The country's own meetings come first, through meeting_parties (country, meeting), so only those are
        // filtered; their other parties are then read from the same table, each country once per meeting.
        await using var db = await database.OpenAsync(search: filters.Q is not null);
        var filter = await MeetingFilter.BuildAsync(db, filters);
        var sql = $"""
            WITH met AS (
                SELECT m.id, m.start_date
                FROM {filter.From}
                WHERE m.id IN (SELECT o.meeting_id FROM meeting_parties o WHERE o.country_code = @partnersOf)
                  AND {filter.Where}
            )
            SELECT x.code, c.name_en, c.name_ar, x.meetings, x.first_meeting, x.last_meeting
            FROM (SELECT p.country_code AS code, count(*) AS meetings,
                         min(met.start_date) AS first_meeting, max(met.start_date) AS last_meeting
                  FROM met
                  JOIN meeting_parties p ON p.meeting_id = met.id
                  WHERE p.country_code <> @partnersOf
                  GROUP BY 1) x
            JOIN countries c ON c.code = x.code
            ORDER BY x.meetings DESC, x.code
            """;
        filter.Parameters.Add("partnersOf", code);
        return new PartnersResponse { Country = code, Items = await db.QueryAsync<PartnerResponse>(sql, filter.Parameters) };
    }
}
