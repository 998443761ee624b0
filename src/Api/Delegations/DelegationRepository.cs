using Api.Data;
using Api.Organizations;
using Dapper;
using Npgsql;

namespace Api.Delegations;

public sealed class DelegationRepository(NpgsqlDataSource dataSource)
{
    /// <summary>A page of delegations in <paramref name="order"/>, after the cursor, with the count if asked.</summary>
    public async Task<Page<DelegationResponse>> ListAsync(DelegationFilters filters, DelegationListOptions options, SortOrder order, CancellationToken cancellationToken)
    {
        var filter = DelegationFilter.Build(filters);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var keys = await Lists.PageAsync<SortedKey>(connection, "d.id", DelegationSorts.From, filter, order, "d.id", options, k => k.Id, cancellationToken);
        var delegations = await LoadAsync(connection, keys.Items.Select(k => k.Id).ToArray(), cancellationToken);
        // Counts need no meeting: no filter reads one.
        var total = await Lists.TotalAsync(connection, options.Count, DelegationFilter.Build(filters), cancellationToken);
        return new Page<DelegationResponse> { Items = delegations, NextCursor = keys.NextCursor, Total = total };
    }

    public async Task<DelegationResponse?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var found = await LoadAsync(connection, [id], cancellationToken);
        return found.Count == 1 ? found[0] : null;
    }

    /// <summary>The meeting a delegation belongs to, or null when there is no such delegation.</summary>
    public async Task<Guid?> MeetingOfAsync(Guid id, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT meeting_id FROM delegations WHERE id = @id
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<Guid?>(new CommandDefinition(sql, new { id }, cancellationToken: cancellationToken));
    }

    /// <summary>Delegations of a meeting by role (hosts first), then by country code.</summary>
    public static async Task<IReadOnlyList<DelegationResponse>> LoadForMeetingAsync(NpgsqlConnection connection, Guid meetingId, CancellationToken cancellationToken) =>
        (await LoadForMeetingsAsync(connection, [meetingId], cancellationToken))[meetingId].ToList();

    /// <summary>The delegations of each of some meetings, by role (hosts first), then by country code.</summary>
    public static async Task<ILookup<Guid, DelegationResponse>> LoadForMeetingsAsync(NpgsqlConnection connection, Guid[] meetingIds, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT id FROM delegations WHERE meeting_id = ANY(@meetingIds) ORDER BY id
            """;
        var ids = (await connection.QueryAsync<Guid>(new CommandDefinition(sql, new { meetingIds }, cancellationToken: cancellationToken))).ToArray();
        var delegations = await LoadAsync(connection, ids, cancellationToken);
        return delegations.OrderBy(d => RoleOrder(d.Role)).ThenBy(d => d.CountryCode, StringComparer.Ordinal).ToLookup(d => d.MeetingId);
    }

    /// <summary>Whole delegations with members and organisations, in the order of <paramref name="ids"/>.</summary>
    public static async Task<IReadOnlyList<DelegationResponse>> LoadAsync(NpgsqlConnection connection, Guid[] ids, CancellationToken cancellationToken)
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
        var delegations = (await connection.QueryAsync<DelegationRow>(new CommandDefinition(delegationsSql, new { ids }, cancellationToken: cancellationToken)))
            .ToDictionary(d => d.Id);
        var members = (await connection.QueryAsync<MemberRow>(new CommandDefinition(membersSql, new { ids }, cancellationToken: cancellationToken)))
            .ToLookup(m => m.DelegationId, m => new DelegationMemberResponse
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

    private static int RoleOrder(string role) => Array.IndexOf(DelegationRequestValidator.Roles, role);

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
