namespace Api.Persons;

/// <summary>A person, with every spelling the press uses, and the meetings they attended.</summary>
public sealed record PersonResponse : IVersioned
{
    /// <summary>The row's version, raised by every change; sent as the ETag, not in the body.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public long Version { get; init; }

    /// <summary>Stable id.</summary>
    public required Guid Id { get; init; }

    /// <summary>Name in English.</summary>
    /// <example>Mohamed Bazoum</example>
    public string? NameEn { get; init; }

    /// <summary>Name in Arabic, in its usual spelling.</summary>
    /// <example>محمد بازوم</example>
    public string? NameAr { get; init; }

    /// <summary>Notes.</summary>
    public string? Notes { get; init; }

    /// <summary>Other spellings and transliterations, each with its ISO 639-1 language.</summary>
    public IReadOnlyList<PersonAlias> Aliases { get; init; } = [];

    /// <summary>The meetings this person sat in, oldest first, with the title they held there.</summary>
    public IReadOnlyList<PersonMeeting> Meetings { get; init; } = [];
}

/// <summary>Another spelling of a person's name.</summary>
public sealed record PersonAlias
{
    /// <summary>The name as written.</summary>
    /// <example>محمد أبوعزوم</example>
    public required string Alias { get; init; }

    /// <summary>ISO 639-1 code of its language or script.</summary>
    /// <example>ar</example>
    public required string Language { get; init; }
}

/// <summary>A meeting a person attended, and in what capacity.</summary>
public sealed record PersonMeeting
{
    /// <summary>Id of the meeting.</summary>
    public required Guid MeetingId { get; init; }

    /// <summary>Title of the meeting in English.</summary>
    public string? MeetingTitleEn { get; init; }

    /// <summary>Title of the meeting in Arabic.</summary>
    public string? MeetingTitleAr { get; init; }

    /// <summary>Start date of the meeting.</summary>
    /// <example>2019-01-29</example>
    public required DateOnly StartDate { get; init; }

    /// <summary>Precision of the start date: day, month or year.</summary>
    /// <example>day</example>
    public required string StartDatePrecision { get; init; }

    /// <summary>Status of the meeting.</summary>
    /// <example>held</example>
    public required string Status { get; init; }

    /// <summary>Id of the delegation the person sat in.</summary>
    public required Guid DelegationId { get; init; }

    /// <summary>Role of that delegation: host, guest, organiser, participant or mediator.</summary>
    /// <example>host</example>
    public required string DelegationRole { get; init; }

    /// <summary>Country the delegation represented.</summary>
    /// <example>NER</example>
    public string? DelegationCountryCode { get; init; }

    /// <summary>Whether the person led the delegation.</summary>
    public required bool IsHead { get; init; }

    /// <summary>Title held at that meeting, in English.</summary>
    /// <example>Minister of State and Minister of Interior</example>
    public string? TitleEn { get; init; }

    /// <summary>Title held at that meeting, in Arabic.</summary>
    public string? TitleAr { get; init; }
}

/// <summary>A person to create or replace.</summary>
public record PersonRequest
{
    /// <summary>Name in English, up to 200 characters. Give at least one of the two names.</summary>
    /// <example>Mahamat Ismail Chaibo</example>
    public string? NameEn { get; init; }

    /// <summary>Name in Arabic, up to 200 characters.</summary>
    /// <example>محمد إسماعيل شايبو</example>
    public string? NameAr { get; init; }

    /// <summary>Notes, up to 4000 characters.</summary>
    /// <example>null</example>
    public string? Notes { get; init; }

    /// <summary>Other spellings and transliterations.</summary>
    public IReadOnlyList<PersonAliasRequest> Aliases { get; init; } = [];
}

/// <summary>Another spelling of a person's name.</summary>
public sealed record PersonAliasRequest
{
    /// <summary>The name as written, up to 200 characters.</summary>
    /// <example>Mahamat Chaibo</example>
    public string? Alias { get; init; }

    /// <summary>ISO 639-1 code of its language or script, e.g. <c>ar</c> or <c>en</c>.</summary>
    /// <example>en</example>
    public string? Language { get; init; }
}

/// <summary>A person as the list shows them.</summary>
public sealed record PersonListItem
{
    /// <summary>Stable id.</summary>
    /// <example>92a6f642-cd11-5f44-8d88-2f382b64fc57</example>
    public required Guid Id { get; init; }

    /// <summary>Name in English.</summary>
    /// <example>Mohamed Bazoum</example>
    public string? NameEn { get; init; }

    /// <summary>Name in Arabic, in its usual spelling.</summary>
    /// <example>محمد بازوم</example>
    public string? NameAr { get; init; }

    /// <summary>Other spellings and transliterations, each with its ISO 639-1 language.</summary>
    public IReadOnlyList<PersonAlias> Aliases { get; init; } = [];
}

/// <summary>The filters of the person list. All given filters must hold.</summary>
public sealed record PersonFilters
{
    /// <summary>Search by name, in Arabic or English, 2 to 200 characters: the English and Arabic names and every alias. Arabic is folded (diacritics and tatweel dropped; أ إ آ ٱ → ا; ى → ي; ة → ه; ؤ → و; ئ → ي), so أبوعزوم finds ابوعزوم; Latin case and accents are ignored, small misspellings tolerated; best match first unless <c>sort</c> says otherwise.</summary>
    /// <example>أبوعزوم</example>
    [Microsoft.AspNetCore.Mvc.FromQuery(Name = "q")]
    public string? Q { get; init; }

    /// <summary>Only persons who sat in a delegation of this country (ISO 3166-1 alpha-3, any case) at some meeting.</summary>
    /// <example>NER</example>
    [Microsoft.AspNetCore.Mvc.FromQuery(Name = "country")]
    public string? Country { get; init => field = value?.Trim().ToUpperInvariant(); }
}

/// <summary>How the person list is ordered, paged and counted.</summary>
public sealed record PersonListOptions : ExportablePagedQuery, ISortedListOptions
{
    /// <summary>name (the English name, else the Arabic one) or, with q, relevance (how well the best of the names and aliases matches); - before a field sorts it descending; both may be given, comma-separated. Default: name (with q: -relevance). Ties are broken by id.</summary>
    /// <example>name</example>
    [Microsoft.AspNetCore.Mvc.FromQuery(Name = "sort")]
    public string? Sort { get; init; }

    /// <summary>exact: the page carries in <c>total</c> the number of persons that match (a count); estimated: the query planner's estimate, cheap at any size.</summary>
    /// <example>exact</example>
    [Microsoft.AspNetCore.Mvc.FromQuery(Name = "count")]
    public string? Count { get; init; }
}
