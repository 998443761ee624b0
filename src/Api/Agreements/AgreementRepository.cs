using Api.Meetings;
using Api.Organizations;
using Api.Persons;
using Api.Sources;

namespace Api.Agreements;

public sealed class AgreementRepository(Database database) : IRecordReader<AgreementResponse>, IRecordList<AgreementFilters, AgreementListOptions, AgreementResponse>
{
    public IReadOnlyDictionary<string, SortField> SortFields => AgreementFilter.SortFields;

    public SortOrder DefaultOrder(AgreementFilters filters) => AgreementFilter.DefaultOrder(filters);

    public bool Searches(AgreementFilters filters) => filters.Q is not null;

    /// <summary>A page of agreements in <paramref name="order"/>, after the cursor, with the count if asked.</summary>
    public async Task<Page<AgreementResponse>> ListAsync(AgreementFilters filters, AgreementListOptions options, SortOrder order)
    {
        await using var db = await database.OpenAsync(search: filters.Q is not null);
        var filter = await AgreementFilter.BuildAsync(db, filters);
        var keys = await ListQuery.PageAsync<RowId>(db, "a.id", filter.From, filter, order, "a.id", options, k => k.Id);
        var agreements = await LoadAsync(db, keys.Items.Select(k => k.Id).ToArray());
        return new Page<AgreementResponse> { Items = agreements, NextCursor = keys.NextCursor, Total = await ListQuery.TotalAsync(db, options.Count, filter) };
    }

    public Task<AgreementResponse?> GetAsync(Guid id) => database.ReadAsync(db => GetAsync(db, id));

    public Task<AgreementResponse?> GetAsync(DbSession db, Guid id) => db.DocumentAsync<AgreementResponse>("agreements a", "a", Json, id, WithVersion);

    /// <summary>The agreement <c>a</c> with its parties, linked meetings and sources, as JSON in the shape of <see cref="AgreementResponse"/>.</summary>
    private const string Json = $"""
        json_build_object(
            'id', a.id, 'titleEn', a.title_en, 'titleAr', a.title_ar, 'summaryEn', a.summary_en, 'summaryAr', a.summary_ar,
            'kind', a.kind, 'status', a.status, 'date', a.date, 'datePrecision', a.date_precision,
            'parties', (SELECT coalesce(json_agg(json_build_object(
                                'role', ap.role, 'countryCode', ap.country_code,
                                'organization', (SELECT {OrganizationRepository.RefJson} FROM organizations o WHERE o.id = ap.organization_id),
                                'person', (SELECT {PersonRepository.RefJson} FROM persons p WHERE p.id = ap.person_id))
                            ORDER BY ap.position), '[]')
                        FROM agreement_parties ap WHERE ap.agreement_id = a.id),
            'meetings', (SELECT coalesce(json_agg(json_build_object(
                                 'linkKind', al.link_kind, 'meetingId', lm.id, 'titleEn', lm.title_en, 'titleAr', lm.title_ar,
                                 'startDate', lm.start_date, 'startDatePrecision', lm.start_date_precision, 'status', lm.status)
                             ORDER BY lm.start_date, lm.id, al.link_kind), '[]')
                         FROM agreement_meetings al JOIN meetings lm ON lm.id = al.meeting_id WHERE al.agreement_id = a.id),
            'sources', {SourceRepository.AgreementSourcesJson})
        """;

    /// <summary>The agreements linked to meeting <c>m</c>, each with how it is linked, oldest first, as a JSON array of <see cref="MeetingAgreement"/>.</summary>
    public const string MeetingAgreementsJson = $"""
        (SELECT coalesce(json_agg(json_build_object('linkKind', am.link_kind, 'agreement', {Json}) ORDER BY a.date NULLS LAST, a.id, am.link_kind), '[]')
         FROM agreement_meetings am JOIN agreements a ON a.id = am.agreement_id
         WHERE am.meeting_id = m.id)
        """;

    /// <summary>Whole agreements with parties, linked meetings and sources, in the order of <paramref name="ids"/>, in one statement.</summary>
    private static Task<IReadOnlyList<AgreementResponse>> LoadAsync(DbSession db, Guid[] ids) =>
        db.DocumentsAsync<AgreementResponse>("agreements a", "a", Json, ids, WithVersion);

    private static AgreementResponse WithVersion(AgreementResponse record, long version) => record with { Version = version };
}
