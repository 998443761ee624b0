using Api.Search;

namespace Api.Organizations;

/// <summary>Writes of organisations, in a caller's transaction.</summary>
public sealed class OrganizationStore : IRecordStore<OrganizationRequest>
{
    public Resource Resource { get; } = new("organizations", "organizations", "organization");

    public async Task<OrganizationRequest> LoadAsync(DbSession db, Guid id)
    {
        const string sql = """
            SELECT name_en, name_ar, abbreviation, kind, country_code, parent_id FROM organizations WHERE id = @id
            """;
        return (await db.SingleOrDefaultAsync<OrganizationRequest>(sql, new { id }))!;
    }

    public async Task WriteAsync(DbSession db, Guid id, OrganizationRequest o)
    {
        const string sql = """
            INSERT INTO organizations AS x (id, name_en, name_ar, abbreviation, kind, country_code, parent_id)
            VALUES (@id, @NameEn, @NameAr, @Abbreviation, @Kind, @CountryCode, @ParentId)
            ON CONFLICT (id) DO UPDATE SET name_en = EXCLUDED.name_en, name_ar = EXCLUDED.name_ar, abbreviation = EXCLUDED.abbreviation,
                kind = EXCLUDED.kind, country_code = EXCLUDED.country_code, parent_id = EXCLUDED.parent_id
            """;
        await db.ExecuteAsync(sql, new { id, o.NameEn, o.NameAr, o.Abbreviation, o.Kind, o.CountryCode, o.ParentId });
        await SearchDocuments.ForOrganizationAsync(db, id);
    }

    public IEnumerable<Reference> References(OrganizationRequest doc) =>
        doc.ParentId is { } parentId ? [new Reference("parentId", Resource.Name, parentId)] : [];

    public async Task<IReadOnlyList<FieldError>> CheckAsync(DbSession db, Guid id, OrganizationRequest doc)
    {
        const string sql = """
            WITH RECURSIVE ancestors AS (
                SELECT id, parent_id FROM organizations WHERE id = @parentId
                UNION
                SELECT o.id, o.parent_id FROM organizations o JOIN ancestors a ON o.id = a.parent_id
            )
            SELECT EXISTS (SELECT 1 FROM ancestors WHERE id = @id)
            """;
        if (doc.ParentId is not { } parentId)
            return [];
        return parentId == id || await db.ScalarAsync<bool>(sql, new { id, parentId })
            ? [new FieldError("parentId", "An organisation cannot be its own parent or ancestor.")]
            : [];
    }

    public async Task<IReadOnlyList<string>> ReferrersAsync(DbSession db, Guid id)
    {
        const string sql = """
            SELECT 'organization ' || id FROM organizations WHERE parent_id = @id
            UNION
            SELECT 'meeting ' || meeting_id FROM delegations WHERE organization_id = @id
            UNION
            SELECT 'meeting ' || d.meeting_id FROM delegation_members dm JOIN delegations d ON d.id = dm.delegation_id WHERE dm.organization_id = @id
            UNION
            SELECT 'agreement ' || agreement_id FROM agreement_parties WHERE organization_id = @id
            """;
        return await db.QueryAsync<string>(sql, new { id });
    }
}
