using Api.Organizations;
using Api.Sources;
using Microsoft.AspNetCore.Mvc;

namespace Api.Agreements;

/// <summary>Anything agreed, signed, promised, offered or planned.</summary>
public sealed record AgreementResponse : Api.Infrastructure.IVersioned
{
    /// <summary>The row's version, raised by every change; sent as the ETag, not in the body.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public long Version { get; init; }

    /// <summary>Stable id.</summary>
    public required Guid Id { get; init; }

    /// <summary>Title in English.</summary>
    /// <example>Invitation to Niger's interior minister to visit Libya</example>
    public string? TitleEn { get; init; }

    /// <summary>Title in Arabic.</summary>
    /// <example>دعوة وزير الداخلية النيجري لزيارة ليبيا</example>
    public string? TitleAr { get; init; }

    /// <summary>Summary in English.</summary>
    public string? SummaryEn { get; init; }

    /// <summary>Summary in Arabic.</summary>
    public string? SummaryAr { get; init; }

    /// <summary>treaty, protocol, mou, joint_statement, bilateral_arrangement, multilateral_arrangement, invitation or commitment.</summary>
    /// <example>invitation</example>
    public required string Kind { get; init; }

    /// <summary>proposed, agreed, signed, in_force, accepted, fulfilled, lapsed or unknown.</summary>
    /// <example>accepted</example>
    public required string Status { get; init; }

    /// <summary>When it was made (agreed, signed, offered), where known.</summary>
    /// <example>2019-01-29</example>
    public DateOnly? Date { get; init; }

    /// <summary>How much of the date is known: day, month or year.</summary>
    /// <example>day</example>
    public string? DatePrecision { get; init; }

    /// <summary>Its parties: countries, organisations and people, each with a role.</summary>
    public IReadOnlyList<AgreementParty> Parties { get; init; } = [];

    /// <summary>The meetings it is linked to, and how.</summary>
    public IReadOnlyList<AgreementMeetingLink> Meetings { get; init; } = [];

    /// <summary>The sources this record rests on.</summary>
    public IReadOnlyList<SourceResponse> Sources { get; init; } = [];
}

/// <summary>A party to an agreement: a country, an organisation, a person, or a person of an organisation of a country.</summary>
public sealed record AgreementParty
{
    /// <summary>party, signatory, inviter, invitee, guarantor or witness.</summary>
    /// <example>inviter</example>
    public required string Role { get; init; }

    /// <summary>ISO 3166-1 alpha-3 code.</summary>
    /// <example>LBY</example>
    public string? CountryCode { get; init; }

    /// <summary>The organisation, where one is a party.</summary>
    public OrganizationRef? Organization { get; init; }

    /// <summary>The person, where one is a party.</summary>
    public PersonRef? Person { get; init; }
}

/// <summary>A short reference to a person.</summary>
public sealed record PersonRef
{
    /// <summary>Stable id.</summary>
    public required Guid Id { get; init; }

    /// <summary>Name in English.</summary>
    /// <example>Fathi Bashagha</example>
    public string? NameEn { get; init; }

    /// <summary>Name in Arabic.</summary>
    /// <example>فتحي باشاغا</example>
    public string? NameAr { get; init; }
}

/// <summary>A meeting an agreement is linked to.</summary>
public sealed record AgreementMeetingLink
{
    /// <summary>concluded_at (made there), referenced_at (mentioned there), planned_for (to be acted on there) or fulfilled_by (carried out by it).</summary>
    /// <example>concluded_at</example>
    public required string LinkKind { get; init; }

    /// <summary>Id of the meeting.</summary>
    public required Guid MeetingId { get; init; }

    /// <summary>Title of the meeting in English.</summary>
    public string? TitleEn { get; init; }

    /// <summary>Title of the meeting in Arabic.</summary>
    public string? TitleAr { get; init; }

    /// <summary>Start date of the meeting.</summary>
    /// <example>2019-01-29</example>
    public required DateOnly StartDate { get; init; }

    /// <summary>Precision of the start date.</summary>
    /// <example>day</example>
    public required string StartDatePrecision { get; init; }

    /// <summary>Status of the meeting.</summary>
    /// <example>held</example>
    public required string Status { get; init; }
}

/// <summary>Query of the agreement list. Agreements are ordered by date (undated last), then id.</summary>
public sealed record AgreementListQuery : Infrastructure.PagedQuery
{
    /// <summary>Only agreements with this country (ISO 3166-1 alpha-3, any case) among their parties.</summary>
    /// <example>TCD</example>
    [FromQuery(Name = "party")]
    public string? Party { get; init => field = value?.Trim().ToUpperInvariant(); }

    /// <summary>Only agreements of this kind.</summary>
    [FromQuery(Name = "kind")]
    public string? Kind { get; init; }

    /// <summary>Only agreements with this status.</summary>
    [FromQuery(Name = "status")]
    public string? Status { get; init; }

    /// <summary>Only agreements linked to this meeting (its id).</summary>
    [FromQuery(Name = "meeting")]
    public Guid? Meeting { get; init; }

}

/// <summary>An agreement to create or replace.</summary>
public record AgreementRequest
{
    /// <summary>Title in English, up to 300 characters. Give at least one of the two titles.</summary>
    /// <example>Joint border patrols between Chad and Libya</example>
    public string? TitleEn { get; init; }

    /// <summary>Title in Arabic, up to 300 characters.</summary>
    /// <example>null</example>
    public string? TitleAr { get; init; }

    /// <summary>Summary in English, up to 4000 characters.</summary>
    /// <example>null</example>
    public string? SummaryEn { get; init; }

    /// <summary>Summary in Arabic, up to 4000 characters.</summary>
    /// <example>null</example>
    public string? SummaryAr { get; init; }

    /// <summary>treaty, protocol, mou, joint_statement, bilateral_arrangement, multilateral_arrangement, invitation or commitment.</summary>
    /// <example>commitment</example>
    public string? Kind { get; init; }

    /// <summary>proposed, agreed, signed, in_force, accepted, fulfilled, lapsed or unknown.</summary>
    /// <example>agreed</example>
    public string? Status { get; init; }

    /// <summary>When it was made, where known (ISO 8601).</summary>
    /// <example>2019-03-01</example>
    public DateOnly? Date { get; init; }

    /// <summary>day, month or year; required with a date.</summary>
    /// <example>month</example>
    public string? DatePrecision { get; init; }

    /// <summary>Its parties.</summary>
    public IReadOnlyList<AgreementPartyRequest> Parties { get; init; } = [];

    /// <summary>The meetings it is linked to.</summary>
    public IReadOnlyList<AgreementMeetingRequest> Meetings { get; init; } = [];

    /// <summary>Ids of the sources the record rests on.</summary>
    /// <example>["a43d93d1-57ec-5b1b-bbf0-6aecf8e6c5d5"]</example>
    public IReadOnlyList<Guid> SourceIds { get; init; } = [];
}

/// <summary>A party to an agreement; give at least one of country, organisation and person.</summary>
public sealed record AgreementPartyRequest
{
    /// <summary>party, signatory, inviter, invitee, guarantor or witness.</summary>
    /// <example>party</example>
    public string? Role { get; init; }

    /// <summary>ISO 3166-1 alpha-3 code.</summary>
    /// <example>TCD</example>
    public string? CountryCode { get; init; }

    /// <summary>Id of the organisation.</summary>
    /// <example>null</example>
    public Guid? OrganizationId { get; init; }

    /// <summary>Id of the person.</summary>
    /// <example>null</example>
    public Guid? PersonId { get; init; }
}

/// <summary>A link from an agreement to a meeting.</summary>
public sealed record AgreementMeetingRequest
{
    /// <summary>Id of the meeting.</summary>
    /// <example>8993f035-d477-55a1-abb3-4b6776339b59</example>
    public Guid? MeetingId { get; init; }

    /// <summary>concluded_at, referenced_at, planned_for or fulfilled_by.</summary>
    /// <example>referenced_at</example>
    public string? LinkKind { get; init; }
}
