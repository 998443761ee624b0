using Api.Data;

namespace Api.Meetings;

/// <summary>
/// Keeps <c>meeting_parties</c> (migration 0014) — the countries that took part in a meeting, with a delegation
/// or as the host, once each — and <c>meeting_countries</c> (0020: those and the country it was held in) in step
/// with the meeting, in the transaction of the write that changed it.
/// </summary>
public static class MeetingParties
{
    public static Task RefreshAsync(DbSession db, Guid id)
    {
        const string sql = """
            DELETE FROM meeting_parties WHERE meeting_id = @id;
            INSERT INTO meeting_parties (meeting_id, country_code)
            SELECT d.meeting_id, d.country_code FROM delegations d WHERE d.meeting_id = @id AND d.country_code IS NOT NULL
            UNION
            SELECT m.id, m.host_country_code FROM meetings m WHERE m.id = @id AND m.host_country_code IS NOT NULL;
            DELETE FROM meeting_countries WHERE meeting_id = @id;
            INSERT INTO meeting_countries (meeting_id, country_code)
            SELECT p.meeting_id, p.country_code FROM meeting_parties p WHERE p.meeting_id = @id
            UNION
            SELECT m.id, m.country_code FROM meetings m WHERE m.id = @id AND m.country_code IS NOT NULL
            """;
        return db.ExecuteAsync(sql, new { id });
    }
}
