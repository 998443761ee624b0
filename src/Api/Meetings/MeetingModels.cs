using System.Text.Json.Serialization;
using Api.Agreements;
using Api.Delegations;
using Api.Sources;
using Api.Topics;

namespace Api.Meetings;

/// <summary>A meeting as lists show it.</summary>
public record MeetingSummary
{
    /// <summary>Stable id.</summary>
    /// <example>8993f035-d477-55a1-abb3-4b6776339b59</example>
    public required Guid Id { get; init; }

    /// <summary>Title in English.</summary>
    /// <example>Libyan interior undersecretary Khaled Mazen meets Niger's interior minister Mohamed Bazoum in Niamey</example>
    public string? TitleEn { get; init; }

    /// <summary>Title in Arabic.</summary>
    /// <example>وكيل وزارة الداخلية الليبية خالد مازن يلتقي وزير الداخلية النيجري محمد بازوم في نيامي</example>
    public string? TitleAr { get; init; }

    /// <summary>First day, or the first day of the month or year when only those are known.</summary>
    /// <example>2019-01-29</example>
    public required DateOnly StartDate { get; init; }

    /// <summary>How much of the start date is known: day, month or year.</summary>
    /// <example>day</example>
    public required string StartDatePrecision { get; init; }

    /// <summary>Last day of a meeting of several days; null for a one-day meeting.</summary>
    /// <example>null</example>
    public DateOnly? EndDate { get; init; }

    /// <summary>How much of the end date is known: day, month or year.</summary>
    /// <example>null</example>
    public string? EndDatePrecision { get; init; }

    /// <summary>planned, held, cancelled or unknown.</summary>
    /// <example>held</example>
    public required string Status { get; init; }

    /// <summary>bilateral, multilateral, roundtable, summit, visit, call, conference or other.</summary>
    /// <example>bilateral</example>
    public required string Format { get; init; }

    /// <summary>City in English.</summary>
    /// <example>Niamey</example>
    public string? CityEn { get; init; }

    /// <summary>City in Arabic.</summary>
    /// <example>نيامي</example>
    public string? CityAr { get; init; }

    /// <summary>ISO 3166-1 alpha-3 code of the country where it took place.</summary>
    /// <example>NER</example>
    public string? CountryCode { get; init; }

    /// <summary>ISO 3166-1 alpha-3 code of the host country.</summary>
    /// <example>NER</example>
    public string? HostCountryCode { get; init; }

    /// <summary>Id of the meeting this one took place on the margins of.</summary>
    /// <example>20a8c403-ace2-5fc9-974f-b22d2417f51e</example>
    public Guid? ParentMeetingId { get; init; }
}

/// <summary>A meeting as lists show it, with what <c>include</c> asked to embed.</summary>
public sealed record MeetingListItem : MeetingSummary
{
    /// <summary>Delegations with their members (include=delegations).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<DelegationResponse>? Delegations { get; init; }

    /// <summary>Agreements with how each is linked (include=agreements).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<MeetingAgreement>? Agreements { get; init; }

    /// <summary>Sources (include=sources).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<SourceResponse>? Sources { get; init; }

    /// <summary>Topics (include=topics).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<TopicResponse>? Topics { get; init; }
}

/// <summary>A meeting with everything known about it.</summary>
// Its own properties follow the summary's, so the id and dates lead the JSON.
public sealed record MeetingResponse : MeetingSummary, IVersioned
{
    /// <summary>The row's version, raised by every change; sent as the ETag, not in the body.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public long Version { get; init; }

    /// <summary>Summary in English.</summary>
    [JsonPropertyOrder(1)]
    public string? SummaryEn { get; init; }

    /// <summary>Summary in Arabic.</summary>
    [JsonPropertyOrder(1)]
    public string? SummaryAr { get; init; }

    /// <summary>Latitude of the place (WGS 84).</summary>
    /// <example>13.5116</example>
    [JsonPropertyOrder(1)]
    public double? Latitude { get; init; }

    /// <summary>Longitude of the place (WGS 84).</summary>
    /// <example>2.1254</example>
    [JsonPropertyOrder(1)]
    public double? Longitude { get; init; }

    /// <summary>Topics discussed.</summary>
    [JsonPropertyOrder(1)]
    public IReadOnlyList<TopicResponse> Topics { get; init; } = [];

    /// <summary>The meeting this one took place on the margins of.</summary>
    [JsonPropertyOrder(1)]
    public MeetingSummary? Parent { get; init; }

    /// <summary>Meetings held on the margins of this one.</summary>
    [JsonPropertyOrder(1)]
    public IReadOnlyList<MeetingSummary> SideMeetings { get; init; } = [];

    /// <summary>Delegations with their members.</summary>
    [JsonPropertyOrder(1)]
    public IReadOnlyList<DelegationResponse> Delegations { get; init; } = [];

    /// <summary>Agreements, commitments and plans linked to this meeting, with how each is linked.</summary>
    [JsonPropertyOrder(1)]
    public IReadOnlyList<MeetingAgreement> Agreements { get; init; } = [];

    /// <summary>The sources this record rests on.</summary>
    [JsonPropertyOrder(1)]
    public IReadOnlyList<SourceResponse> Sources { get; init; } = [];

    /// <summary>
    /// What looks odd in the record but may be right, found each time it is read: <c>host-without-delegation</c>, a host
    /// country that sent no delegation (often true of a visit, where only the guests are named). Empty when nothing does.
    /// </summary>
    [JsonPropertyOrder(1)]
    public IReadOnlyList<RecordWarning> Warnings { get; init; } = [];
}

/// <summary>Something in a record that may be a mistake, though it is allowed; the record is stored as it is.</summary>
public sealed record RecordWarning
{
    /// <summary>What kind of oddity, stable for programs to test.</summary>
    /// <example>host-without-delegation</example>
    public required string Code { get; init; }

    /// <summary>The field it is about, as the request body names it.</summary>
    /// <example>hostCountryCode</example>
    public required string Field { get; init; }

    /// <summary>What is odd, for a person.</summary>
    /// <example>The host country NER sent no delegation to this meeting.</example>
    public required string Message { get; init; }
}

/// <summary>An agreement as a meeting shows it.</summary>
public sealed record MeetingAgreement
{
    /// <summary>How the agreement is linked to this meeting: concluded_at, referenced_at, planned_for or fulfilled_by.</summary>
    /// <example>concluded_at</example>
    public required string LinkKind { get; init; }

    /// <summary>The agreement, with its parties and every meeting it is linked to.</summary>
    public required AgreementResponse Agreement { get; init; }
}

/// <summary>The filters of meetings, shared by the list, its exports and the statistics. All given filters must hold.</summary>
public sealed record MeetingFilters
{
    /// <summary>Only meetings that end on or after this date (ISO 8601). A meeting known only to the month or year counts as lasting the whole month or year.</summary>
    /// <example>2019-01-01</example>
    [FromQuery(Name = "from")]
    public DateOnly? From { get; init; }

    /// <summary>Only meetings that start on or before this date (ISO 8601).</summary>
    /// <example>2019-12-31</example>
    [FromQuery(Name = "to")]
    public DateOnly? To { get; init; }

    /// <summary>Only meetings in which this country (ISO 3166-1 alpha-3, any case) took part with a delegation, or that took place in it or were hosted by it.</summary>
    /// <example>NER</example>
    [FromQuery(Name = "country")]
    public string? Country { get; init => field = value?.Trim().ToUpperInvariant(); }

    /// <summary>Only meetings in which every one of these countries (comma-separated alpha-3 codes, up to 10) took part, with a delegation or as the host: <c>LBY,NER</c> is the meetings between Libya and Niger.</summary>
    /// <example>LBY,NER</example>
    [FromQuery(Name = "countries")]
    public string? Countries { get; init => field = value?.Trim().ToUpperInvariant(); }

    /// <summary>Only meetings hosted by this country (alpha-3).</summary>
    [FromQuery(Name = "host")]
    public string? Host { get; init => field = value?.Trim().ToUpperInvariant(); }

    /// <summary>Only meetings in this city, by its English or Arabic name (case, accents and Arabic spelling variants ignored).</summary>
    /// <example>Niamey</example>
    [FromQuery(Name = "city")]
    public string? City { get; init; }

    /// <summary>Only meetings in which this person (id) sat in a delegation.</summary>
    [FromQuery(Name = "person")]
    public Guid? Person { get; init; }

    /// <summary>Only meetings at which this organisation (id) was represented: by a delegation, or as the organisation of a member.</summary>
    [FromQuery(Name = "organization")]
    public Guid? Organization { get; init; }

    /// <summary>Only meetings filed under this topic (its code).</summary>
    /// <example>border-security</example>
    [FromQuery(Name = "topic")]
    public string? Topic { get; init; }

    /// <summary>Only meetings with this status: planned, held, cancelled or unknown.</summary>
    [FromQuery(Name = "status")]
    public string? Status { get; init; }

    /// <summary>Two things, told apart by their values (repeat the parameter to give both): a meeting format to filter by (bilateral, multilateral, roundtable, summit, visit, call, conference or other), and the output format (json, csv, ndjson, geojson; also chosen by Accept). <c>format=summit&amp;format=csv</c> is the summits as CSV.</summary>
    /// <example>["bilateral"]</example>
    [FromQuery(Name = "format")]
    public string[]? Format { get; init; }

    /// <summary>Only the side meetings of this meeting (id).</summary>
    [FromQuery(Name = "parent")]
    public Guid? Parent { get; init; }

    /// <summary>Only meetings linked to this agreement (id), however linked.</summary>
    [FromQuery(Name = "agreement")]
    public Guid? Agreement { get; init; }

    /// <summary>Search, in Arabic or English: titles, summaries, places, countries, topics, and the names and aliases of the people and organisations in the delegations. Arabic is folded (diacritics and tatweel dropped; أ إ آ ٱ → ا; ى → ي; ة → ه; ؤ → و; ئ → ي), Latin case and accents ignored. Matches q as written (after folding) wherever any record holds it; when none does, small misspellings are tolerated (similar words). Best match first unless <c>sort</c> says otherwise: records with q in their title before records that mention it elsewhere, newest first among equals.</summary>
    /// <example>بازوم</example>
    [FromQuery(Name = "q")]
    public string? Q { get; init; }

    /// <summary>The meeting format among the <c>format</c> values, if one is.</summary>
    public string? MeetingFormat() => Format?.FirstOrDefault(f => MeetingValues.Formats.Contains(f));

    /// <summary>The codes of <see cref="Countries"/>.</summary>
    public IReadOnlyList<string> CountryList() =>
        Countries is null ? [] : Countries.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>How the meeting list is ordered, paged, counted and filled.</summary>
public sealed record MeetingListOptions : PagedQuery, ISortedListOptions
{
    /// <summary>Up to three of startDate, endDate, title, status, format, country and (with q) relevance, comma-separated; - before a field sorts it descending. Default: startDate (with q: -relevance,-startDate). Ties are broken by id.</summary>
    /// <example>-startDate</example>
    [FromQuery(Name = "sort")]
    public string? Sort { get; init; }

    /// <summary>exact: the response carries the number of meetings that match (a count); estimated: the query planner's estimate, cheap at any size.</summary>
    [FromQuery(Name = "count")]
    public string? Count { get; init; }

    /// <summary>What to embed in each meeting, comma-separated: delegations, agreements, sources, topics.</summary>
    /// <example>delegations,topics</example>
    [FromQuery(Name = "include")]
    public string? Include { get; init; }

    public IReadOnlyList<string> IncludeList() =>
        Include is null ? [] : Include.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>A meeting to create or replace, with its delegations.</summary>
public record MeetingRequest
{
    /// <summary>Title in English, up to 300 characters. Give at least one of the two titles.</summary>
    /// <example>Chad and Libya discuss border security in N'Djamena</example>
    public string? TitleEn { get; init; }

    /// <summary>Title in Arabic, up to 300 characters.</summary>
    /// <example>تشاد وليبيا تبحثان أمن الحدود في انجامينا</example>
    public string? TitleAr { get; init; }

    /// <summary>Summary in English, up to 4000 characters.</summary>
    /// <example>Follow-up of the Niamey talks of 29 January 2019 on border security.</example>
    public string? SummaryEn { get; init; }

    /// <summary>Summary in Arabic, up to 4000 characters.</summary>
    /// <example>null</example>
    public string? SummaryAr { get; init; }

    /// <summary>Start date (ISO 8601); with precision month, the 1st of the month; with year, 1 January.</summary>
    /// <example>2019-03-12</example>
    public DateOnly? StartDate { get; init; }

    /// <summary>day, month or year.</summary>
    /// <example>day</example>
    public string? StartDatePrecision { get; init; }

    /// <summary>End date of a meeting of several days; not before the start date.</summary>
    /// <example>null</example>
    public DateOnly? EndDate { get; init; }

    /// <summary>day, month or year; required with an end date.</summary>
    /// <example>null</example>
    public string? EndDatePrecision { get; init; }

    /// <summary>planned, held, cancelled or unknown.</summary>
    /// <example>held</example>
    public string? Status { get; init; }

    /// <summary>bilateral, multilateral, roundtable, summit, visit, call, conference or other.</summary>
    /// <example>bilateral</example>
    public string? Format { get; init; }

    /// <summary>City in English, up to 200 characters.</summary>
    /// <example>N'Djamena</example>
    public string? CityEn { get; init; }

    /// <summary>City in Arabic, up to 200 characters.</summary>
    /// <example>انجامينا</example>
    public string? CityAr { get; init; }

    /// <summary>ISO 3166-1 alpha-3 code of the country where it took place.</summary>
    /// <example>TCD</example>
    public string? CountryCode { get; init; }

    /// <summary>Latitude, -90 to 90; give it with the longitude.</summary>
    /// <example>12.1348</example>
    public double? Latitude { get; init; }

    /// <summary>Longitude, -180 to 180; give it with the latitude.</summary>
    /// <example>15.0557</example>
    public double? Longitude { get; init; }

    /// <summary>ISO 3166-1 alpha-3 code of the host country.</summary>
    /// <example>TCD</example>
    public string? HostCountryCode { get; init; }

    /// <summary>Id of the meeting this one took place on the margins of.</summary>
    /// <example>null</example>
    public Guid? ParentMeetingId { get; init; }

    /// <summary>Ids of the topics discussed.</summary>
    /// <example>["cc4055c1-4eb8-5c7d-bc07-c5b351f2428b"]</example>
    public IReadOnlyList<Guid> TopicIds { get; init; } = [];

    /// <summary>Ids of the sources the record rests on.</summary>
    /// <example>["a43d93d1-57ec-5b1b-bbf0-6aecf8e6c5d5"]</example>
    public IReadOnlyList<Guid> SourceIds { get; init; } = [];

    /// <summary>Delegations with their members. On PUT, each is matched to a stored one by role, country and organisation, and keeps its id; a change to a delegation is a change of the meeting, in its history.</summary>
    public IReadOnlyList<DelegationRequest> Delegations { get; init; } = [];
}
