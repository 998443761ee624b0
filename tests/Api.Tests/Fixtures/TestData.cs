using Api.Data;
using Dapper;

namespace Api.Tests.Fixtures;

/// <summary>A meeting to arrange; every field has a valid default so a test states only what it is about.</summary>
public sealed record NewMeeting
{
    public Guid Id { get; init; } = Guid.NewGuid();
    public string Title { get; init; } = "Test meeting";
    public DateOnly StartDate { get; init; } = new(2019, 1, 29);
    public string StartDatePrecision { get; init; } = "day";
    public DateOnly? EndDate { get; init; }
    public string? EndDatePrecision { get; init; }
    public string Status { get; init; } = "held";
    public string Format { get; init; } = "bilateral";
    public string? CountryCode { get; init; }
    public string? HostCountryCode { get; init; }

    /// <summary>One delegation (role participant) per country code.</summary>
    public IReadOnlyList<string> DelegationCountries { get; init; } = [];
}

/// <summary>Arranges rows with plain parameterised SQL, so a test's data does not depend on the API it tests.</summary>
public static class TestData
{
    static TestData() => DapperSetup.Configure();

    public static async Task<Guid> InsertMeetingAsync(this DbFixture db, NewMeeting meeting)
    {
        // meeting_parties, meeting_countries, meeting_counts and the meeting's delegation_countries are kept here as the
        // API's meeting writes keep them: the host and the place, then each delegation's country; the meeting's month,
        // format and status.
        const string sql = """
            INSERT INTO meetings (id, title_en, start_date, start_date_precision, end_date, end_date_precision,
                                  status, format, country_code, host_country_code)
            VALUES (@Id, @Title, @StartDate::date, @StartDatePrecision, @EndDate::date, @EndDatePrecision,
                    @Status, @Format, @CountryCode, @HostCountryCode);
            INSERT INTO meeting_parties (meeting_id, country_code)
            SELECT @Id, @HostCountryCode WHERE @HostCountryCode IS NOT NULL;
            INSERT INTO meeting_countries (meeting_id, country_code)
            SELECT @Id, c FROM (VALUES (@HostCountryCode), (@CountryCode)) v (c) WHERE c IS NOT NULL
            ON CONFLICT DO NOTHING;
            INSERT INTO meeting_counts (month, format, status, count)
            VALUES (date_trunc('month', @StartDate::date)::date, @Format, @Status, 1)
            ON CONFLICT (month, format, status) DO UPDATE SET count = meeting_counts.count + 1
            """;
        await using (var connection = await db.OpenAsync())
            await connection.ExecuteAsync(sql, meeting);
        foreach (var country in meeting.DelegationCountries)
            await db.InsertDelegationAsync(meeting.Id, country);
        return meeting.Id;
    }

    public static async Task<Guid> InsertDelegationAsync(this DbFixture db, Guid meetingId, string countryCode, string role = "participant")
    {
        const string sql = """
            INSERT INTO delegations (id, meeting_id, role, country_code)
            VALUES (@id, @meetingId, @role, @countryCode);
            INSERT INTO meeting_parties (meeting_id, country_code) VALUES (@meetingId, @countryCode)
            ON CONFLICT DO NOTHING;
            INSERT INTO meeting_countries (meeting_id, country_code) VALUES (@meetingId, @countryCode)
            ON CONFLICT DO NOTHING;
            UPDATE meetings SET delegation_countries = ARRAY(SELECT DISTINCT u FROM unnest(delegation_countries || @countryCode::text) u ORDER BY 1)
            WHERE id = @meetingId
            """;
        var id = Guid.NewGuid();
        await using var connection = await db.OpenAsync();
        await connection.ExecuteAsync(sql, new { id, meetingId, role, countryCode });
        return id;
    }

    /// <summary>An agreement with one party (role party) per country code and the given links to meetings.</summary>
    public static async Task<Guid> InsertAgreementAsync(
        this DbFixture db, string kind, string status, DateOnly? date = null,
        IReadOnlyList<string>? partyCountries = null, IReadOnlyList<(Guid MeetingId, string LinkKind)>? meetings = null)
    {
        const string agreementSql = """
            INSERT INTO agreements (id, title_en, kind, status, date, date_precision)
            VALUES (@id, @title, @kind, @status, @date::date, @precision)
            """;
        const string partySql = """
            INSERT INTO agreement_parties (agreement_id, position, role, country_code)
            VALUES (@id, @position, 'party', @countryCode)
            """;
        const string meetingSql = """
            INSERT INTO agreement_meetings (agreement_id, meeting_id, link_kind)
            VALUES (@id, @meetingId, @linkKind)
            """;
        var id = Guid.NewGuid();
        await using var connection = await db.OpenAsync();
        await connection.ExecuteAsync(agreementSql,
            new { id, title = $"Test agreement {kind} {status}", kind, status, date, precision = date is null ? null : "day" });
        foreach (var (countryCode, position) in (partyCountries ?? []).Select((c, i) => (c, i)))
            await connection.ExecuteAsync(partySql, new { id, position, countryCode });
        foreach (var (meetingId, linkKind) in meetings ?? [])
            await connection.ExecuteAsync(meetingSql, new { id, meetingId, linkKind });
        return id;
    }
}

/// <summary>Persons, organisations and delegation members, arranged with plain SQL like the rows above.</summary>
public static class MoreTestData
{
    public static async Task<Guid> InsertPersonAsync(this DbFixture db, string nameEn)
    {
        const string sql = """
            INSERT INTO persons (id, name_en) VALUES (@id, @nameEn)
            """;
        var id = Guid.NewGuid();
        await using var connection = await db.OpenAsync();
        await connection.ExecuteAsync(sql, new { id, nameEn });
        return id;
    }

    public static async Task InsertMemberAsync(this DbFixture db, Guid delegationId, Guid personId, int position = 0)
    {
        const string sql = """
            INSERT INTO delegation_members (delegation_id, person_id, position) VALUES (@delegationId, @personId, @position);
            INSERT INTO person_countries (person_id, country_code)
            SELECT @personId, d.country_code FROM delegations d WHERE d.id = @delegationId AND d.country_code IS NOT NULL
            ON CONFLICT DO NOTHING
            """;
        await using var connection = await db.OpenAsync();
        await connection.ExecuteAsync(sql, new { delegationId, personId, position });
    }

    public static async Task<Guid> InsertOrganizationAsync(this DbFixture db, string nameEn, string kind = "intergovernmental", string? countryCode = null)
    {
        const string sql = """
            INSERT INTO organizations (id, name_en, kind, country_code) VALUES (@id, @nameEn, @kind, @countryCode)
            """;
        var id = Guid.NewGuid();
        await using var connection = await db.OpenAsync();
        await connection.ExecuteAsync(sql, new { id, nameEn, kind, countryCode });
        return id;
    }

    /// <summary>A delegation of an organisation alone, with no country.</summary>
    public static async Task<Guid> InsertOrganizationDelegationAsync(this DbFixture db, Guid meetingId, Guid organizationId, string role = "organiser")
    {
        const string sql = """
            INSERT INTO delegations (id, meeting_id, role, organization_id) VALUES (@id, @meetingId, @role, @organizationId)
            """;
        var id = Guid.NewGuid();
        await using var connection = await db.OpenAsync();
        await connection.ExecuteAsync(sql, new { id, meetingId, role, organizationId });
        return id;
    }
}
