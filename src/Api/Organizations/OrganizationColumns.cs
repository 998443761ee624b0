namespace Api.Organizations;

/// <summary>
/// A row that carries an organisation joined under the prefix <c>org_</c> (see <see cref="Select"/>):
/// delegations, members, agreement parties and an organisation's parent all show one this way.
/// </summary>
public abstract record OrganizationColumns
{
    /// <summary>The select list for these columns, given the joined table's alias <c>o</c>.</summary>
    public const string Select = "o.id AS org_id, o.name_en AS org_name_en, o.name_ar AS org_name_ar, o.abbreviation AS org_abbreviation, o.country_code AS org_country_code";

    public Guid? OrgId { get; init; }
    public string? OrgNameEn { get; init; }
    public string? OrgNameAr { get; init; }
    public string? OrgAbbreviation { get; init; }
    public string? OrgCountryCode { get; init; }

    public OrganizationRef? ToOrganizationRef() => OrgId is { } id
        ? new OrganizationRef { Id = id, NameEn = OrgNameEn, NameAr = OrgNameAr, Abbreviation = OrgAbbreviation, CountryCode = OrgCountryCode }
        : null;
}
