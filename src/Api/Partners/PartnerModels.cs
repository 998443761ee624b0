namespace Api.Partners;

/// <summary>The countries one country met.</summary>
public sealed record PartnersResponse
{
    /// <summary>The country whose partners these are (ISO 3166-1 alpha-3).</summary>
    /// <example>NER</example>
    public required string Country { get; init; }

    /// <summary>Its partners: most meetings first, then by code.</summary>
    public required IReadOnlyList<PartnerResponse> Items { get; init; }
}

/// <summary>A country that took part in meetings with the one asked about.</summary>
public sealed record PartnerResponse
{
    /// <summary>ISO 3166-1 alpha-3 code.</summary>
    /// <example>LBY</example>
    public required string Code { get; init; }

    /// <summary>Name in English.</summary>
    /// <example>Libya</example>
    public required string NameEn { get; init; }

    /// <summary>Name in Arabic.</summary>
    /// <example>ليبيا</example>
    public required string NameAr { get; init; }

    /// <summary>How many meetings matching the filters both countries took part in.</summary>
    /// <example>3</example>
    public required long Meetings { get; init; }

    /// <summary>Start date of the earliest of those meetings (the 1st of the month, or 1 January, when only the month or year is known).</summary>
    /// <example>2019-01-28</example>
    public required DateOnly FirstMeeting { get; init; }

    /// <summary>Start date of the latest of those meetings.</summary>
    /// <example>2019-02-01</example>
    public required DateOnly LastMeeting { get; init; }
}
