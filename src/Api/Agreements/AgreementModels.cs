using Api.Organizations;
using Api.Sources;

namespace Api.Agreements;

/// <summary>Anything agreed, signed, promised, offered or planned.</summary>
public sealed record AgreementResponse : IVersioned
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

/// <summary>The filters of the agreement list. All given filters must hold.</summary>
public sealed record AgreementFilters
{
    /// <summary>Only agreements with this country (ISO 3166-1 alpha-3, any case) among their parties, in any role (party, signatory, inviter, invitee, guarantor, witness).</summary>
    /// <example>TCD</example>
    [FromQuery(Name = "party")]
    public string? Party { get; init => field = value?.Trim().ToUpperInvariant(); }

    /// <summary>Only agreements to which every one of these countries (comma-separated alpha-3 codes, 1 to 10) is a party, in any role: <c>LBY,NER</c> is what Libya and Niger agreed, alone or with others.</summary>
    /// <example>LBY,NER</example>
    [FromQuery(Name = "parties")]
    public string? Parties { get; init => field = value?.Trim().ToUpperInvariant(); }

    /// <summary>Only agreements of this kind: treaty, protocol, mou, joint_statement, bilateral_arrangement, multilateral_arrangement, invitation or commitment.</summary>
    /// <example>mou</example>
    [FromQuery(Name = "kind")]
    public string? Kind { get; init; }

    /// <summary>Only agreements with this status: proposed, agreed, signed, in_force, accepted, fulfilled, lapsed or unknown.</summary>
    /// <example>signed</example>
    [FromQuery(Name = "status")]
    public string? Status { get; init; }

    /// <summary>Only agreements dated on or after this day (ISO 8601). An agreement dated only to the month or year counts as made on any day of it: <c>from=2019-02-20</c> keeps one of February 2019. Undated agreements are left out.</summary>
    /// <example>2019-01-01</example>
    [FromQuery(Name = "from")]
    public DateOnly? From { get; init; }

    /// <summary>Only agreements dated on or before this day (ISO 8601); one dated only to the month or year counts from its first day: <c>to=2019-02-01</c> keeps one of February 2019. Undated agreements are left out.</summary>
    /// <example>2019-12-31</example>
    [FromQuery(Name = "to")]
    public DateOnly? To { get; init; }

    /// <summary>Only agreements linked to this meeting (its id), however linked: concluded at, referenced at, planned for or fulfilled by it.</summary>
    /// <example>8993f035-d477-55a1-abb3-4b6776339b59</example>
    [FromQuery(Name = "meeting")]
    public Guid? Meeting { get; init; }

    /// <summary>Search, in Arabic or English, 2 to 200 characters: titles, summaries, and the names of the parties (countries, organisations and their abbreviations, people under every alias). Arabic is folded (diacritics and tatweel dropped; أ إ آ ٱ → ا; ى → ي; ة → ه; ؤ → و; ئ → ي), Latin case and accents ignored. Matches q as written (after folding) wherever any record holds it; when none does, small misspellings are tolerated (similar words). Best match first unless <c>sort</c> says otherwise: records with q in their title before records that mention it elsewhere, then by id.</summary>
    /// <example>باشاغا</example>
    [FromQuery(Name = "q")]
    public string? Q { get; init; }

    /// <summary>The codes of <see cref="Parties"/>.</summary>
    public IReadOnlyList<string> PartyList() =>
        Parties is null ? [] : Parties.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>How the agreement list is ordered, paged and counted.</summary>
public sealed record AgreementListOptions : ExportablePagedQuery, ISortedListOptions
{
    /// <summary>Up to three of date, title, kind, status and (with q) relevance, comma-separated; - before a field sorts it descending. Default: date, undated agreements last (with q: -relevance). Undated agreements sort after every date, so <c>-date</c> puts them first. title is the English title, else the Arabic one. Ties are broken by id.</summary>
    /// <example>-date</example>
    [FromQuery(Name = "sort")]
    public string? Sort { get; init; }

    /// <summary>exact: the page carries in <c>total</c> the number of agreements that match (a count); estimated: the query planner's estimate, cheap at any size.</summary>
    /// <example>exact</example>
    [FromQuery(Name = "count")]
    public string? Count { get; init; }
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
