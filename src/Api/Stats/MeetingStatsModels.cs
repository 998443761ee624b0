using System.Text.Json.Serialization;

namespace Api.Stats;

/// <summary>What meeting statistics can be grouped by.</summary>
public static class MeetingStatsGroups
{
    public const string Month = "month";
    public const string Year = "year";
    public const string Country = "country";
    public const string Topic = "topic";
    public const string Format = "format";
    public const string Status = "status";

    public static readonly string[] All = [Month, Year, Country, Topic, Format, Status];

    /// <summary>
    /// The most periods (months or years) filled with zeros: 1200 months is a century. A longer range lists
    /// only the periods with meetings, so a typo in one date (1019 for 2019) cannot make a response of 12,000 rows.
    /// </summary>
    public const int MaxFilledPeriods = 1200;

    public static bool IsPeriod(string? groupBy) => groupBy is Month or Year;

    /// <summary>How many periods lie from the one of <paramref name="first"/> to the one of <paramref name="last"/>, both included.</summary>
    public static int Periods(string groupBy, DateOnly first, DateOnly last) => groupBy == Month
        ? (last.Year - first.Year) * 12 + last.Month - first.Month + 1
        : last.Year - first.Year + 1;
}

/// <summary>How meetings are counted.</summary>
public sealed record MeetingStatsQuery
{
    /// <summary>
    /// Required: month, year, country, topic, format or status.
    /// <c>month</c> (keys <c>2019-01</c>) and <c>year</c> (<c>2019</c>): a meeting counts in the month or year of its start date —
    /// a meeting known only to the year counts in its January — and every period between the first and the last is listed, in
    /// order, with 0 where there were no meetings. The range runs from <c>from</c> to <c>to</c> when given, otherwise from the
    /// first to the last meeting; it reaches back further when a meeting that started earlier runs into <c>from</c>.
    /// At most 1200 periods are filled: <c>from</c>–<c>to</c> may not span more, and a longer range taken from the data lists
    /// only the periods with meetings (<c>zeroFilled</c> is then false).
    /// <c>country</c> (alpha-3 keys with the English and Arabic names): a meeting counts once for each country that took part,
    /// with a delegation or as the host; where it took place does not count. <c>topic</c> (topic codes with their labels as the
    /// names): a meeting counts once for each of its topics. <c>format</c>, <c>status</c>: the meeting's value.
    /// These four are ordered by count, highest first, then by key.
    /// </summary>
    /// <example>month</example>
    [FromQuery(Name = "groupBy")]
    public string? GroupBy { get; init; }
}

/// <summary>Meeting counts by one property.</summary>
public sealed record MeetingStatsResponse
{
    /// <summary>What the meetings are grouped by: month, year, country, topic, format or status.</summary>
    /// <example>month</example>
    public required string GroupBy { get; init; }

    /// <summary>With month and year: true when every period of the range is listed (0 for those without meetings); false when the range spans more than 1200 periods and only those with meetings are listed. Absent for the other groupings.</summary>
    /// <example>true</example>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? ZeroFilled { get; init; }

    /// <summary>One item per group: periods in order; the others by count, highest first, then key.</summary>
    public required IReadOnlyList<MeetingStatsItem> Items { get; init; }
}

/// <summary>How many meetings fall in one group.</summary>
public sealed record MeetingStatsItem
{
    /// <summary>The group: a month (<c>2019-01</c>), a year (<c>2019</c>), an alpha-3 country code, a topic code, a format or a status.</summary>
    /// <example>2019-01</example>
    public required string Key { get; init; }

    /// <summary>How many meetings matching the filters fall in it.</summary>
    /// <example>2</example>
    public required long Count { get; init; }

    /// <summary>With country: the country's English name; with topic: the topic's English label. Absent otherwise.</summary>
    /// <example>null</example>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? NameEn { get; init; }

    /// <summary>With country: the country's Arabic name; with topic: the topic's Arabic label. Absent otherwise.</summary>
    /// <example>null</example>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? NameAr { get; init; }
}
