namespace Api.Search;

/// <summary>
/// Keeps the folded search documents of meetings and agreements (migrations 0009, 0012) in step with what they
/// are made of, in the transaction of the write that changed it, and adds their new words to <c>search_words</c>
/// (0013; in word order, so that two writes adding the same new words wait for each other rather than deadlock).
/// </summary>
public static class SearchDocuments
{
    public static Task MeetingAsync(DbSession db, Guid id) => MeetingsAsync(db, [id]);

    public static Task AgreementAsync(DbSession db, Guid id) => AgreementsAsync(db, [id]);

    /// <summary>The meetings and agreements that show a person's names.</summary>
    public static async Task ForPersonAsync(DbSession db, Guid id)
    {
        const string meetings = """
            SELECT DISTINCT d.meeting_id FROM delegation_members dm JOIN delegations d ON d.id = dm.delegation_id WHERE dm.person_id = @id
            """;
        const string agreements = """
            SELECT DISTINCT agreement_id FROM agreement_parties WHERE person_id = @id
            """;
        await ShownInAsync(db, id, meetings, agreements);
    }

    /// <summary>The meetings and agreements that show an organisation's names.</summary>
    public static async Task ForOrganizationAsync(DbSession db, Guid id)
    {
        const string meetings = """
            SELECT meeting_id FROM delegations WHERE organization_id = @id
            UNION
            SELECT d.meeting_id FROM delegation_members dm JOIN delegations d ON d.id = dm.delegation_id WHERE dm.organization_id = @id
            """;
        const string agreements = """
            SELECT DISTINCT agreement_id FROM agreement_parties WHERE organization_id = @id
            """;
        await ShownInAsync(db, id, meetings, agreements);
    }

    /// <summary>The meetings filed under a topic.</summary>
    public static async Task ForTopicAsync(DbSession db, Guid id)
    {
        const string meetings = """
            SELECT meeting_id FROM meeting_topics WHERE topic_id = @id
            """;
        await MeetingsAsync(db, await db.QueryAsync<Guid>(meetings, new { id }));
    }

    /// <summary>The meetings and agreements that the queries find for record <paramref name="id"/>.</summary>
    private static async Task ShownInAsync(DbSession db, Guid id, string meetingsSql, string agreementsSql)
    {
        await MeetingsAsync(db, await db.QueryAsync<Guid>(meetingsSql, new { id }));
        await AgreementsAsync(db, await db.QueryAsync<Guid>(agreementsSql, new { id }));
    }

    private static Task MeetingsAsync(DbSession db, IReadOnlyCollection<Guid> ids) => RefreshAsync(db, Meetings, ids);

    private static Task AgreementsAsync(DbSession db, IReadOnlyCollection<Guid> ids) => RefreshAsync(db, Agreements, ids);

    private static readonly string Meetings = RefreshSql("meeting");

    private static readonly string Agreements = RefreshSql("agreement");

    /// <summary>The document and title of some records (<c>meeting</c> or <c>agreement</c>, fixed names), then their new words.</summary>
    private static string RefreshSql(string record) => $"""
        INSERT INTO {record}_search ({record}_id, document, title)
        SELECT id, {record}_document(id), {record}_title(id) FROM {record}s WHERE id = ANY(@ids)
        ON CONFLICT ({record}_id) DO UPDATE SET document = EXCLUDED.document, title = EXCLUDED.title;
        INSERT INTO search_words (word)
        SELECT DISTINCT w FROM {record}_search s, document_words(s.document) w WHERE s.{record}_id = ANY(@ids)
        ORDER BY 1
        ON CONFLICT (word) DO NOTHING
        """;

    private static Task RefreshAsync(DbSession db, string sql, IReadOnlyCollection<Guid> ids) =>
        ids.Count == 0 ? Task.CompletedTask : db.ExecuteAsync(sql, new { ids = ids.ToArray() });
}
