using Api.Meetings;
using Dapper;
using Npgsql;

namespace Api.Partners;

public sealed class PartnerRepository(NpgsqlDataSource dataSource)
{
    /// <summary>
    /// The countries that took part (with a delegation, or as the host) in the meetings <paramref name="filters"/>
    /// select in which <paramref name="code"/> took part too: most meetings first, then by code.
    /// </summary>
    public async Task<PartnersResponse> ListAsync(string code, MeetingFilters filters, CancellationToken cancellationToken)
    {
        // The country's own meetings come first, through the indexes on host and on delegations (country, meeting),
        // so only those are filtered and grouped.
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        filters = await MeetingFilter.ResolveSearchAsync(connection, filters, cancellationToken);
        var filter = MeetingFilter.Build(filters);
        var sql = $"""
            WITH met AS (
                SELECT m.id, m.start_date, m.host_country_code
                FROM {filter.From}
                WHERE m.id IN (SELECT d.meeting_id FROM delegations d WHERE d.country_code = @partnersOf
                               UNION
                               SELECT h.id FROM meetings h WHERE h.host_country_code = @partnersOf)
                  AND {filter.Where}
            ),
            parties AS (
                -- UNION, not UNION ALL: a host that also sent a delegation took part once.
                SELECT d.meeting_id, d.country_code
                FROM met
                JOIN delegations d ON d.meeting_id = met.id
                WHERE d.country_code IS NOT NULL
                UNION
                SELECT met.id, met.host_country_code
                FROM met
                WHERE met.host_country_code IS NOT NULL
            )
            SELECT p.country_code AS code, c.name_en, c.name_ar, count(*) AS meetings,
                   min(met.start_date) AS first_meeting, max(met.start_date) AS last_meeting
            FROM parties p
            JOIN met ON met.id = p.meeting_id
            JOIN countries c ON c.code = p.country_code
            WHERE p.country_code <> @partnersOf
            GROUP BY p.country_code, c.name_en, c.name_ar
            ORDER BY meetings DESC, code
            """;
        filter.Parameters.Add("partnersOf", code);
        var items = await connection.QueryAsync<PartnerResponse>(new CommandDefinition(sql, filter.Parameters, cancellationToken: cancellationToken));
        return new PartnersResponse { Country = code, Items = items.AsList() };
    }
}
