using System.Text.Json.Serialization;

namespace Api.Organizations;

/// <summary>A short reference to an organisation, as other records show it.</summary>
public sealed record OrganizationRef
{
    /// <summary>Stable id.</summary>
    public required Guid Id { get; init; }

    /// <summary>Name in English.</summary>
    /// <example>Ministry of Interior</example>
    public string? NameEn { get; init; }

    /// <summary>Name in Arabic.</summary>
    /// <example>وزارة الداخلية</example>
    public string? NameAr { get; init; }

    /// <summary>Abbreviation, where one is in use.</summary>
    /// <example>IOM</example>
    public string? Abbreviation { get; init; }

    /// <summary>ISO 3166-1 alpha-3 code of its country; null for intergovernmental bodies.</summary>
    /// <example>LBY</example>
    public string? CountryCode { get; init; }
}

/// <summary>An organisation to create or replace: a ministry, an embassy, an intergovernmental body, a team.</summary>
public record OrganizationRequest
{
    /// <summary>Name in English, up to 300 characters. Give at least one of the two names.</summary>
    /// <example>Directorate of Border Police</example>
    public string? NameEn { get; init; }

    /// <summary>Name in Arabic, up to 300 characters.</summary>
    /// <example>مديرية شرطة الحدود</example>
    public string? NameAr { get; init; }

    /// <summary>Abbreviation, up to 20 characters.</summary>
    /// <example>null</example>
    public string? Abbreviation { get; init; }

    /// <summary>One of: government, ministry, department, embassy, armed_forces, team, intergovernmental, nongovernmental, other.</summary>
    /// <example>department</example>
    public string? Kind { get; init; }

    /// <summary>ISO 3166-1 alpha-3 code of the country it belongs to.</summary>
    /// <example>NER</example>
    public string? CountryCode { get; init; }

    /// <summary>Id of the organisation it is part of (a department's ministry).</summary>
    /// <example>07db9fc8-2af8-5a27-a36f-cca14854f524</example>
    [JsonPropertyOrder(1)]
    public Guid? ParentId { get; init; }
}

/// <summary>An organisation as lists show it, and the start of its record.</summary>
public record OrganizationSummary
{
    /// <summary>Stable id.</summary>
    /// <example>2a36b663-fc25-5f72-8ab2-f37e1a5b656f</example>
    public required Guid Id { get; init; }

    /// <summary>Name in English.</summary>
    /// <example>General Administration for Ports Security</example>
    public string? NameEn { get; init; }

    /// <summary>Name in Arabic.</summary>
    /// <example>الإدارة العامة لأمن المنافذ</example>
    public string? NameAr { get; init; }

    /// <summary>Abbreviation, where one is in use.</summary>
    /// <example>null</example>
    public string? Abbreviation { get; init; }

    /// <summary>government, ministry, department, embassy, armed_forces, team, intergovernmental, nongovernmental or other.</summary>
    /// <example>department</example>
    public required string Kind { get; init; }

    /// <summary>ISO 3166-1 alpha-3 code of its country; null for intergovernmental bodies.</summary>
    /// <example>LBY</example>
    public string? CountryCode { get; init; }
}

/// <summary>An organisation with its place in its hierarchy.</summary>
// Its own properties follow the summary's, so the id and names lead the JSON.
public sealed record OrganizationResponse : OrganizationSummary, IVersioned
{
    /// <summary>The row's version, raised by every change; sent as the ETag, not in the body.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public long Version { get; init; }

    /// <summary>The organisation it is part of.</summary>
    [JsonPropertyOrder(1)]
    public OrganizationRef? Parent { get; init; }

    /// <summary>The organisations that are part of it.</summary>
    [JsonPropertyOrder(1)]
    public IReadOnlyList<OrganizationRef> Children { get; init; } = [];
}

/// <summary>An organisation as the list shows it.</summary>
public sealed record OrganizationListItem : OrganizationSummary
{
    /// <summary>Id of the organisation it is part of.</summary>
    /// <example>07db9fc8-2af8-5a27-a36f-cca14854f524</example>
    [JsonPropertyOrder(1)]
    public Guid? ParentId { get; init; }
}

/// <summary>The filters of the organisation list. All given filters must hold.</summary>
public sealed record OrganizationFilters
{
    /// <summary>Search by name, in Arabic or English, 2 to 200 characters: the English and Arabic names and the abbreviation. Arabic is folded (diacritics and tatweel dropped; أ إ آ ٱ → ا; ى → ي; ة → ه; ؤ → و; ئ → ي), Latin case and accents ignored, small misspellings tolerated; best match first unless <c>sort</c> says otherwise.</summary>
    /// <example>الداخلية</example>
    [Microsoft.AspNetCore.Mvc.FromQuery(Name = "q")]
    public string? Q { get; init; }

    /// <summary>Only organisations of this country (ISO 3166-1 alpha-3, any case): its own country, not the countries it works with.</summary>
    /// <example>LBY</example>
    [Microsoft.AspNetCore.Mvc.FromQuery(Name = "country")]
    public string? Country { get; init => field = value?.Trim().ToUpperInvariant(); }

    /// <summary>Only organisations of this kind: government, ministry, department, embassy, armed_forces, team, intergovernmental, nongovernmental or other.</summary>
    /// <example>ministry</example>
    [Microsoft.AspNetCore.Mvc.FromQuery(Name = "kind")]
    public string? Kind { get; init; }
}

/// <summary>How the organisation list is ordered, paged and counted.</summary>
public sealed record OrganizationListOptions : ExportablePagedQuery, ISortedListOptions
{
    /// <summary>name (the English name, else the Arabic one) or, with q, relevance (how well the names and abbreviation match); - before a field sorts it descending; both may be given, comma-separated. Default: name (with q: -relevance). Ties are broken by id.</summary>
    /// <example>name</example>
    [Microsoft.AspNetCore.Mvc.FromQuery(Name = "sort")]
    public string? Sort { get; init; }

    /// <summary>exact: the page carries in <c>total</c> the number of organisations that match (a count); estimated: the query planner's estimate, cheap at any size.</summary>
    /// <example>exact</example>
    [Microsoft.AspNetCore.Mvc.FromQuery(Name = "count")]
    public string? Count { get; init; }
}
