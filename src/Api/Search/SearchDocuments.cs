using Api.Infrastructure;

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
        await MeetingsAsync(db, await db.QueryAsync<Guid>(meetings, new { id }));
        await AgreementsAsync(db, await db.QueryAsync<Guid>(agreements, new { id }));
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
        await MeetingsAsync(db, await db.QueryAsync<Guid>(meetings, new { id }));
        await AgreementsAsync(db, await db.QueryAsync<Guid>(agreements, new { id }));
    }

    /// <summary>The meetings filed under a topic.</summary>
    public static async Task ForTopicAsync(DbSession db, Guid id)
    {
        const string meetings = """
            SELECT meeting_id FROM meeting_topics WHERE topic_id = @id
            """;
        await MeetingsAsync(db, await db.QueryAsync<Guid>(meetings, new { id }));
    }

    private static Task MeetingsAsync(DbSession db, IReadOnlyCollection<Guid> ids)
    {
        const string sql = """
            INSERT INTO meeting_search (meeting_id, document, title)
            SELECT id, meeting_document(id), meeting_title(id) FROM meetings WHERE id = ANY(@ids)
            ON CONFLICT (meeting_id) DO UPDATE SET document = EXCLUDED.document, title = EXCLUDED.title;
            INSERT INTO search_words (word)
            SELECT DISTINCT w FROM meeting_search s, document_words(s.document) w WHERE s.meeting_id = ANY(@ids)
            ORDER BY 1
            ON CONFLICT (word) DO NOTHING
            """;
        return ids.Count == 0 ? Task.CompletedTask : db.ExecuteAsync(sql, new { ids = ids.ToArray() });
    }

    private static Task AgreementsAsync(DbSession db, IReadOnlyCollection<Guid> ids)
    {
        const string sql = """
            INSERT INTO agreement_search (agreement_id, document, title)
            SELECT id, agreement_document(id), agreement_title(id) FROM agreements WHERE id = ANY(@ids)
            ON CONFLICT (agreement_id) DO UPDATE SET document = EXCLUDED.document, title = EXCLUDED.title;
            INSERT INTO search_words (word)
            SELECT DISTINCT w FROM agreement_search s, document_words(s.document) w WHERE s.agreement_id = ANY(@ids)
            ORDER BY 1
            ON CONFLICT (word) DO NOTHING
            """;
        return ids.Count == 0 ? Task.CompletedTask : db.ExecuteAsync(sql, new { ids = ids.ToArray() });
    }
}
