namespace Api.Organizations;

/// <summary>The columns of an organisation joined into another row under the prefix <c>org_</c>.</summary>
public interface IHasOrganizationColumns
{
    Guid? OrgId { get; }
    string? OrgNameEn { get; }
    string? OrgNameAr { get; }
    string? OrgAbbreviation { get; }
    string? OrgCountryCode { get; }
}

public static class OrganizationColumns
{
    /// <summary>The select list for <see cref="IHasOrganizationColumns"/>, given the joined table's alias <c>o</c>.</summary>
    public const string Select = "o.id AS org_id, o.name_en AS org_name_en, o.name_ar AS org_name_ar, o.abbreviation AS org_abbreviation, o.country_code AS org_country_code";

    public static OrganizationRef? ToOrganizationRef(this IHasOrganizationColumns row) => row.OrgId is { } id
        ? new OrganizationRef { Id = id, NameEn = row.OrgNameEn, NameAr = row.OrgNameAr, Abbreviation = row.OrgAbbreviation, CountryCode = row.OrgCountryCode }
        : null;
}
