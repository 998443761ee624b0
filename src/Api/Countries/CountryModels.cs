namespace Api.Countries;

/// <summary>A country, as ISO 3166-1 names it.</summary>
public sealed record CountryResponse
{
    /// <summary>ISO 3166-1 alpha-3 code.</summary>
    /// <example>NER</example>
    public required string Code { get; init; }

    /// <summary>ISO 3166-1 alpha-2 code.</summary>
    /// <example>NE</example>
    public required string Alpha2 { get; init; }

    /// <summary>Name in English.</summary>
    /// <example>Niger</example>
    public required string NameEn { get; init; }

    /// <summary>Name in Arabic.</summary>
    /// <example>النيجر</example>
    public required string NameAr { get; init; }
}

/// <summary>Query of the country list.</summary>
public sealed record CountryListQuery : ExportablePagedQuery
{
}
