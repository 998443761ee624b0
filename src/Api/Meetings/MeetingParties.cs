namespace Api.Meetings;

/// <summary>
/// Keeps what is read off a meeting's delegations in step with them, in the transaction of the write that changed
/// them: <c>meeting_parties</c> (migration 0014) — the countries that took part, with a delegation or as the host,
/// once each — and <c>meeting_countries</c> (0020: those and the country it was held in); and
/// <c>person_countries</c> (0021: the countries whose delegations a person sat in) for the persons of the meeting's
/// delegations.
/// </summary>
public static class MeetingParties
{
    /// <summary>
    /// <paramref name="before"/>: each person and country of the meeting's delegations before the write. Such a pair
    /// goes when no delegation of the country holds the person any more (the check stops at the first one that does,
    /// so a person seen in thousands of meetings costs little); the pairs of the delegations as they stand are added.
    /// </summary>
    public static Task RefreshAsync(DbSession db, Guid id, IReadOnlyList<(Guid Person, string Country)> before)
    {
        const string partiesSql = """
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
        // The persons' countries under the change log's lock, taken when the change is logged: writes change them
        // one at a time, each statement with a fresh snapshot, so that none misses a membership another write
        // committed. (Locks of their own per person made every write with a busy person wait for the whole of the
        // others' writes: 16 writers of the same persons 128 creates/s against 173-206.)
        const string personsSql = """
            DELETE FROM person_countries pc
            USING unnest(@persons, @countries) AS u (person_id, country_code)
            WHERE pc.person_id = u.person_id AND pc.country_code = u.country_code
              AND NOT EXISTS (SELECT 1 FROM delegation_members dm JOIN delegations d ON d.id = dm.delegation_id
                              WHERE dm.person_id = pc.person_id AND d.country_code = pc.country_code);
            INSERT INTO person_countries (person_id, country_code)
            SELECT DISTINCT dm.person_id, d.country_code
            FROM delegations d JOIN delegation_members dm ON dm.delegation_id = d.id
            WHERE d.meeting_id = @id AND d.country_code IS NOT NULL
            ORDER BY 1, 2
            ON CONFLICT DO NOTHING
            """;
        db.UnderChangeLock(personsSql, new { id, persons = before.Select(p => p.Person).ToArray(), countries = before.Select(p => p.Country).ToArray() });
        return db.ExecuteAsync(partiesSql, new { id });
    }
}
