using Api.Search;

namespace Api.Organizations;

/// <summary>Writes of organisations, in a caller's transaction.</summary>
public sealed class OrganizationStore : IRecordStore<OrganizationRequest>
{
    public Resource Resource { get; } = new("organizations", "organizations", "organization",
        ["name_en", "name_ar", "abbreviation", "kind", "country_code", "parent_id"]);

    public async Task WriteAsync(DbSession db, Guid id, OrganizationRequest o)
    {
        await db.ExecuteAsync(Resource.UpsertRowSql, new { id, o.NameEn, o.NameAr, o.Abbreviation, o.Kind, o.CountryCode, o.ParentId });
        await SearchDocuments.ForOrganizationAsync(db, id);
    }

    public IEnumerable<Reference> References(OrganizationRequest doc) =>
        doc.ParentId is { } parentId ? [new Reference("parentId", Resource.Name, parentId)] : [];

    public async Task<IReadOnlyList<FieldError>> CheckAsync(DbSession db, Guid id, OrganizationRequest doc) =>
        doc.ParentId is { } parentId && await db.ScalarAsync<bool>(Resource.InAncestrySql("parent_id"), new { id, parentId })
            ? [new FieldError("parentId", "An organisation cannot be its own parent or ancestor.")]
            : [];

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
