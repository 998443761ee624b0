using Api.Data;
using Api.Data.Lists;
using Api.Organizations;

namespace Api.Delegations;

public sealed class DelegationRepository(Database database)
{
    /// <summary>
    /// The order in which a meeting shows its delegations, by role: hosts first, then guests, organisers,
    /// participants and mediators (every one of <see cref="DelegationValues.Roles"/>; one missing here would come last);
    /// within a role, by country code.
    /// </summary>
    public static readonly string[] RoleOrder = ["host", "guest", "organiser", "participant", "mediator"];

    /// <summary>A page of delegations in <paramref name="order"/>, after the cursor, with the count if asked.</summary>
    public async Task<Page<DelegationResponse>> ListAsync(DelegationFilters filters, DelegationListOptions options, SortOrder order)
    {
        var filter = DelegationFilter.Build(filters);
        await using var db = await database.OpenAsync();
        var keys = await ListQuery.PageAsync<RowId>(db, "d.id", DelegationFilter.SortedFrom, filter, order, "d.id", options, k => k.Id);
        var delegations = await LoadAsync(db, keys.Items.Select(k => k.Id).ToArray());
        // Counts need no meeting: no filter reads one.
        return new Page<DelegationResponse> { Items = delegations, NextCursor = keys.NextCursor, Total = await ListQuery.TotalAsync(db, options.Count, filter) };
    }

    public async Task<DelegationResponse?> GetAsync(Guid id)
    {
        await using var db = await database.OpenAsync();
        return (await LoadAsync(db, [id])).SingleOrDefault();
    }

    /// <summary>The meeting a delegation belongs to, or null when there is no such delegation.</summary>
    public async Task<Guid?> MeetingOfAsync(Guid id)
    {
        const string sql = """
            SELECT meeting_id FROM delegations WHERE id = @id
            """;
        await using var db = await database.OpenAsync();
        return await db.ScalarAsync<Guid?>(sql, new { id });
    }

    /// <summary>Delegations of a meeting in <see cref="RoleOrder"/>, then by country code.</summary>
    public static async Task<IReadOnlyList<DelegationResponse>> LoadForMeetingAsync(DbSession db, Guid meetingId) =>
        (await LoadForMeetingsAsync(db, [meetingId]))[meetingId].ToList();

    /// <summary>The delegations of each of some meetings in <see cref="RoleOrder"/>, then by country code.</summary>
    public static async Task<ILookup<Guid, DelegationResponse>> LoadForMeetingsAsync(DbSession db, Guid[] meetingIds)
    {
        const string sql = """
            SELECT id FROM delegations WHERE meeting_id = ANY(@meetingIds) ORDER BY id
            """;
        var delegations = await LoadAsync(db, (await db.QueryAsync<Guid>(sql, new { meetingIds })).ToArray());
        return delegations.OrderBy(d => Array.IndexOf(RoleOrder, d.Role) is >= 0 and var rank ? rank : RoleOrder.Length).ThenBy(d => d.CountryCode, StringComparer.Ordinal).ToLookup(d => d.MeetingId);
    }

    /// <summary>Whole delegations with members and organisations, in the order of <paramref name="ids"/>.</summary>
    public static async Task<IReadOnlyList<DelegationResponse>> LoadAsync(DbSession db, Guid[] ids)
    {
        if (ids.Length == 0)
            return [];
        const string delegationsSql = $"""
            SELECT d.id, d.meeting_id, d.role, d.country_code, d.version, {OrganizationColumns.Select}
            FROM delegations d
            LEFT JOIN organizations o ON o.id = d.organization_id
            WHERE d.id = ANY(@ids)
            """;
        const string membersSql = $"""
            SELECT dm.delegation_id, dm.person_id, p.name_en, p.name_ar, dm.is_head,
                   dm.title_en, dm.title_ar, dm.rank_en, dm.rank_ar, {OrganizationColumns.Select}
            FROM delegation_members dm
            JOIN persons p ON p.id = dm.person_id
            LEFT JOIN organizations o ON o.id = dm.organization_id
            WHERE dm.delegation_id = ANY(@ids)
            ORDER BY dm.delegation_id, dm.position
            """;
        var delegations = (await db.QueryAsync<DelegationRow>(delegationsSql, new { ids })).ToDictionary(d => d.Id);
        var members = (await db.QueryAsync<MemberRow>(membersSql, new { ids })).ToLookup(m => m.DelegationId, m => new DelegationMemberResponse
            {
                PersonId = m.PersonId,
                NameEn = m.NameEn,
                NameAr = m.NameAr,
                IsHead = m.IsHead,
                TitleEn = m.TitleEn,
                TitleAr = m.TitleAr,
                RankEn = m.RankEn,
                RankAr = m.RankAr,
                Organization = m.ToOrganizationRef(),
            });

        return ids.Where(delegations.ContainsKey).Select(id =>
        {
            var d = delegations[id];
            var team = members[id].ToList();
            return new DelegationResponse
            {
                Id = d.Id,
                MeetingId = d.MeetingId,
                Role = d.Role,
                CountryCode = d.CountryCode,
                Organization = d.ToOrganizationRef(),
                Head = team.FirstOrDefault(m => m.IsHead),
                Members = team,
                Version = d.Version,
            };
        }).ToList();
    }

    private sealed record DelegationRow : OrganizationColumns
    {
        public Guid Id { get; init; }
        public Guid MeetingId { get; init; }
        public string Role { get; init; } = "";
        public string? CountryCode { get; init; }
        public long Version { get; init; }
    }

    private sealed record MemberRow : OrganizationColumns
    {
        public Guid DelegationId { get; init; }
        public Guid PersonId { get; init; }
        public string? NameEn { get; init; }
        public string? NameAr { get; init; }
        public bool IsHead { get; init; }
        public string? TitleEn { get; init; }
        public string? TitleAr { get; init; }
        public string? RankEn { get; init; }
        public string? RankAr { get; init; }
    }
}
