using Api.Organizations;

namespace Api.Delegations;

/// <summary>One party's team at a meeting.</summary>
public sealed record DelegationResponse : IVersioned
{
    /// <summary>The row's version, raised by every change; sent as the ETag, not in the body.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public long Version { get; init; }

    /// <summary>Stable id.</summary>
    public required Guid Id { get; init; }

    /// <summary>Id of the meeting.</summary>
    public required Guid MeetingId { get; init; }

    /// <summary>Role at the meeting: host, guest, organiser, participant or mediator.</summary>
    /// <example>guest</example>
    public required string Role { get; init; }

    /// <summary>ISO 3166-1 alpha-3 code of the country it represents.</summary>
    /// <example>LBY</example>
    public string? CountryCode { get; init; }

    /// <summary>Organisation it represents, where it represents one.</summary>
    public OrganizationRef? Organization { get; init; }

    /// <summary>Its head, also listed among the members; null when unknown.</summary>
    public DelegationMemberResponse? Head { get; init; }

    /// <summary>Its members, in the order the source lists them.</summary>
    public IReadOnlyList<DelegationMemberResponse> Members { get; init; } = [];
}

/// <summary>A person in a delegation, with the title, rank and organisation they held at that meeting.</summary>
public sealed record DelegationMemberResponse
{
    /// <summary>Id of the person.</summary>
    public required Guid PersonId { get; init; }

    /// <summary>The person's name in English.</summary>
    /// <example>Khaled Mazen</example>
    public string? NameEn { get; init; }

    /// <summary>The person's name in Arabic.</summary>
    /// <example>خالد مازن</example>
    public string? NameAr { get; init; }

    /// <summary>Whether this person led the delegation.</summary>
    public required bool IsHead { get; init; }

    /// <summary>Title held at this meeting, in English.</summary>
    /// <example>Undersecretary of the Ministry of Interior</example>
    public string? TitleEn { get; init; }

    /// <summary>Title held at this meeting, in Arabic.</summary>
    /// <example>وكيل وزارة الداخلية</example>
    public string? TitleAr { get; init; }

    /// <summary>Military or police rank, in English.</summary>
    /// <example>Brigadier</example>
    public string? RankEn { get; init; }

    /// <summary>Military or police rank, in Arabic.</summary>
    /// <example>عميد</example>
    public string? RankAr { get; init; }

    /// <summary>Organisation the person served at this meeting.</summary>
    public OrganizationRef? Organization { get; init; }
}

/// <summary>The filters of the delegation list. All given filters must hold.</summary>
public sealed record DelegationFilters
{
    /// <summary>Only delegations at this meeting (its id).</summary>
    /// <example>8993f035-d477-55a1-abb3-4b6776339b59</example>
    [FromQuery(Name = "meeting")]
    public Guid? Meeting { get; init; }

    /// <summary>Only delegations representing this country (ISO 3166-1 alpha-3, any case).</summary>
    /// <example>LBY</example>
    [FromQuery(Name = "country")]
    public string? Country { get; init => field = value?.Trim().ToUpperInvariant(); }

    /// <summary>Only delegations in which this person (id) sat, as head or member.</summary>
    /// <example>dfdb5335-b64f-5b2f-bc76-e729d9147d25</example>
    [FromQuery(Name = "person")]
    public Guid? Person { get; init; }
}

/// <summary>How the delegation list is ordered, paged and counted.</summary>
public sealed record DelegationListOptions : ExportablePagedQuery, ISortedListOptions
{
    /// <summary>Up to three of startDate (the start date of the delegation's meeting), country (the country code; delegations of an organisation alone first) and role, comma-separated; - before a field sorts it descending. Default: startDate. Ties are broken by id.</summary>
    /// <example>-startDate,role</example>
    [FromQuery(Name = "sort")]
    public string? Sort { get; init; }

    /// <summary>exact: the page carries in <c>total</c> the number of delegations that match (a count); estimated: the query planner's estimate, cheap at any size.</summary>
    /// <example>exact</example>
    [FromQuery(Name = "count")]
    public string? Count { get; init; }
}

/// <summary>A delegation to record as part of a meeting.</summary>
public record DelegationRequest
{
    /// <summary>
    /// The id of the stored delegation this one is, when the server knows it; never read from a body, so a
    /// client's meeting body names delegations by role, country and organisation.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public Guid? Id { get; init; }

    /// <summary>
    /// The id it takes if it is new to its meeting (no stored delegation of the same party in the same role): the seed
    /// import names its own, so every environment gets the same ids; otherwise the server makes one. Never read from a body.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public Guid? NewId { get; init; }

    /// <summary>One of: host, guest, organiser, participant, mediator.</summary>
    /// <example>guest</example>
    public string? Role { get; init; }

    /// <summary>ISO 3166-1 alpha-3 code of the country it represents. Give a country, an organisation or both.</summary>
    /// <example>LBY</example>
    public string? CountryCode { get; init; }

    /// <summary>Id of the organisation it represents.</summary>
    /// <example>a0bba47d-90d0-5758-b739-e09c3d5b8ebe</example>
    public Guid? OrganizationId { get; init; }

    /// <summary>Its members, in the order the source lists them; at most one is the head.</summary>
    public IReadOnlyList<DelegationMemberRequest> Members { get; init; } = [];
}

/// <summary>A person in a delegation.</summary>
public sealed record DelegationMemberRequest
{
    /// <summary>Id of the person.</summary>
    /// <example>dfdb5335-b64f-5b2f-bc76-e729d9147d25</example>
    public Guid? PersonId { get; init; }

    /// <summary>Whether this person led the delegation.</summary>
    /// <example>true</example>
    public bool IsHead { get; init; }

    /// <summary>Title held at this meeting in English, up to 300 characters.</summary>
    /// <example>Undersecretary of the Ministry of Interior</example>
    public string? TitleEn { get; init; }

    /// <summary>Title held at this meeting in Arabic, up to 300 characters.</summary>
    /// <example>وكيل وزارة الداخلية</example>
    public string? TitleAr { get; init; }

    /// <summary>Rank in English, up to 100 characters.</summary>
    /// <example>Brigadier</example>
    public string? RankEn { get; init; }

    /// <summary>Rank in Arabic, up to 100 characters.</summary>
    /// <example>عميد</example>
    public string? RankAr { get; init; }

    /// <summary>Id of the organisation the person served at this meeting.</summary>
    /// <example>null</example>
    public Guid? OrganizationId { get; init; }
}

/// <summary>A delegation to add to a meeting.</summary>
public sealed record NewDelegationRequest : DelegationRequest
{
    /// <summary>Id of the meeting it takes part in.</summary>
    /// <example>9e0714af-0188-5bcb-a763-1c9ac96862fa</example>
    public Guid? MeetingId { get; init; }
}
