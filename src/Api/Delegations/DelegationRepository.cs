using Api.Organizations;

namespace Api.Delegations;

public sealed class DelegationRepository(Database database)
{
    /// <summary>
    /// The order in which a meeting shows its delegations, by role: hosts first, then guests, organisers,
    /// participants and mediators (every one of <see cref="DelegationValues.Roles"/>; a role missing here would come
    /// last); within a role by country code (none first), then by id. An SQL sort key over the delegation <c>d</c>.
    /// </summary>
    public const string MeetingOrder = """
        array_position(ARRAY['host', 'guest', 'organiser', 'participant', 'mediator'], d.role) NULLS LAST, d.country_code COLLATE "C" NULLS FIRST, d.id
        """;

    /// <summary>The member <c>dm</c> (joined with the person <c>p</c>) as JSON, in the shape of <see cref="DelegationMemberResponse"/>.</summary>
    private const string MemberJson = $"""
        json_build_object('personId', dm.person_id, 'nameEn', p.name_en, 'nameAr', p.name_ar, 'isHead', dm.is_head,
                          'titleEn', dm.title_en, 'titleAr', dm.title_ar, 'rankEn', dm.rank_en, 'rankAr', dm.rank_ar,
                          'organization', (SELECT {OrganizationRepository.RefJson} FROM organizations o WHERE o.id = dm.organization_id))
        """;

    /// <summary>
    /// The delegation <c>d</c> with its members, in their order, as JSON in the shape of <see cref="DelegationResponse"/>.
    /// The head (at most one member a delegation, see ux_delegation_members_head) comes from the same pass over the
    /// members as the list, rather than from a second lookup of them.
    /// </summary>
    private const string Json = $"""
        (SELECT json_build_object(
             'id', d.id, 'meetingId', d.meeting_id, 'role', d.role, 'countryCode', d.country_code,
             'organization', (SELECT {OrganizationRepository.RefJson} FROM organizations o WHERE o.id = d.organization_id),
             'head', mem.head,
             'members', coalesce(mem.members, '[]'))
         FROM (SELECT json_agg({MemberJson} ORDER BY dm.position) AS members,
                      (array_agg({MemberJson}) FILTER (WHERE dm.is_head))[1] AS head
               FROM delegation_members dm JOIN persons p ON p.id = dm.person_id
               WHERE dm.delegation_id = d.id) mem)
        """;

    /// <summary>The delegations of meeting <c>m</c> in <see cref="MeetingOrder"/>, as a JSON array.</summary>
    public const string MeetingDelegationsJson = $"""
        (SELECT coalesce(json_agg({Json} ORDER BY {MeetingOrder}), '[]') FROM delegations d WHERE d.meeting_id = m.id)
        """;

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

    public Task<DelegationResponse?> GetAsync(Guid id) => database.ReadAsync(db => GetAsync(db, id));

    public Task<DelegationResponse?> GetAsync(DbSession db, Guid id) => db.DocumentAsync<DelegationResponse>("delegations d", "d", Json, id, WithVersion);

    /// <summary>The meeting a delegation belongs to, or null when there is no such delegation.</summary>
    public async Task<Guid?> MeetingOfAsync(Guid id)
    {
        const string sql = """
            SELECT meeting_id FROM delegations WHERE id = @id
            """;
        await using var db = await database.OpenAsync();
        return await db.ScalarAsync<Guid?>(sql, new { id });
    }

    /// <summary>Whole delegations with members and organisations, in the order of <paramref name="ids"/>, in one statement.</summary>
    private static Task<IReadOnlyList<DelegationResponse>> LoadAsync(DbSession db, Guid[] ids) =>
        db.DocumentsAsync<DelegationResponse>("delegations d", "d", Json, ids, WithVersion);

    private static DelegationResponse WithVersion(DelegationResponse record, long version) => record with { Version = version };
}
