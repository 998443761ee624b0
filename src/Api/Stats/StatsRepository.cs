using Api.Meetings;

namespace Api.Stats;

/// <summary>
/// Counts of the meetings <see cref="MeetingFilters"/> select: one GROUP BY over the filtered meetings, so the
/// filters' indexes do the selecting, and for periods a generate_series of the range joined to the counts. With no
/// filter at all, counts by period, format and status are summed from <c>meeting_counts</c> (migration 0024, kept by
/// every meeting write) instead of counted from every meeting.
/// </summary>
public sealed class StatsRepository(Database database)
{
    /// <summary>The fixed SQL of each period grouping: the unit date_trunc takes, the step of the series, the key's format, months per step.</summary>
    private static readonly IReadOnlyDictionary<string, (string Unit, string Step, string KeyFormat, int Months)> PeriodSql =
        new Dictionary<string, (string, string, string, int)>
        {
            [MeetingStatsGroups.Month] = ("month", "1 month", "YYYY-MM", 1),
            [MeetingStatsGroups.Year] = ("year", "1 year", "YYYY", 12),
        };

    /// <summary>The column of <c>meeting_counts</c> each grouping it serves sums by.</summary>
    private static readonly IReadOnlyDictionary<string, string> CountsColumns = new Dictionary<string, string>
    {
        [MeetingStatsGroups.Format] = "format",
        [MeetingStatsGroups.Status] = "status",
    };

    /// <summary>The column each plain grouping counts by.</summary>
    private static readonly IReadOnlyDictionary<string, string> ValueColumns = new Dictionary<string, string>
    {
        [MeetingStatsGroups.Format] = "m.format",
        [MeetingStatsGroups.Status] = "m.status",
    };

    public async Task<MeetingStatsResponse> MeetingsAsync(MeetingFilters filters, string groupBy)
    {
        await using var db = await database.OpenAsync(search: filters.Q is not null);
        var filter = await MeetingFilter.BuildAsync(db, filters);
        if (MeetingStatsGroups.IsPeriod(groupBy))
            return await PeriodsAsync(db, filter, filters, groupBy);

        var sql = groupBy switch
        {
            // meeting_parties holds each country once per meeting (a host that also sent a delegation took part once);
            // with no filter it is counted alone, without a join to every meeting.
            // Counted by key first, then named: grouping by the names too made every row carry them through the
            // aggregate (at a million meetings 0.7-1.1 s against 0.3-0.4 s).
            MeetingStatsGroups.Country => $"""
                SELECT x.key, x.count, c.name_en, c.name_ar
                FROM (SELECT p.country_code AS key, count(*) AS count
                      FROM {(filter.SelectsAll ? "meeting_parties p" : $"{filter.From} JOIN meeting_parties p ON p.meeting_id = m.id")}
                      WHERE {filter.Where}
                      GROUP BY 1) x
                JOIN countries c ON c.code = x.key
                ORDER BY x.count DESC, x.key
                """,
            MeetingStatsGroups.Topic => $"""
                SELECT t.code AS key, x.count, t.label_en AS name_en, t.label_ar AS name_ar
                FROM (SELECT mt.topic_id, count(*) AS count
                      FROM {filter.From}
                      JOIN meeting_topics mt ON mt.meeting_id = m.id
                      WHERE {filter.Where}
                      GROUP BY 1) x
                JOIN topics t ON t.id = x.topic_id
                ORDER BY x.count DESC, key
                """,
            _ when filter.SelectsAll => $"""
                SELECT {CountsColumns[groupBy]} AS key, sum(count)::bigint AS count
                FROM meeting_counts
                GROUP BY 1
                HAVING sum(count) > 0
                ORDER BY count DESC, key
                """,
            _ => $"""
                SELECT {ValueColumns[groupBy]} AS key, count(*) AS count
                FROM {filter.From}
                WHERE {filter.Where}
                GROUP BY 1
                ORDER BY count DESC, key
                """,
        };
        return new MeetingStatsResponse { GroupBy = groupBy, Items = await db.QueryAsync<MeetingStatsItem>(sql, filter.Parameters) };
    }

    private static async Task<MeetingStatsResponse> PeriodsAsync(DbSession db, FilterSql filter, MeetingFilters filters, string groupBy)
    {
        // The range: from/to when given, widened to the data (a meeting that began before 'from' counts in the
        // period it began); a side without a bound takes the data's, or the other bound when there are no meetings.
        // It is filled only when it spans at most @maxPeriods, so the series never grows past that.
        var counts = filter.SelectsAll
            ? """
                SELECT date_trunc(@unit, c.month::timestamp)::date AS period, sum(c.count)::bigint AS count
                FROM meeting_counts c
                GROUP BY 1
                HAVING sum(c.count) > 0
                """
            : $"""
                SELECT date_trunc(@unit, m.start_date::timestamp)::date AS period, count(*) AS count
                FROM {filter.From}
                WHERE {filter.Where}
                GROUP BY 1
                """;
        var sql = $"""
            WITH counts AS (
                {counts}
            ),
            bounds AS (
                SELECT coalesce(least(date_trunc(@unit, @rangeFrom::timestamp)::date, min(period)), date_trunc(@unit, @rangeTo::timestamp)::date) AS first,
                       coalesce(greatest(date_trunc(@unit, @rangeTo::timestamp)::date, max(period)), date_trunc(@unit, @rangeFrom::timestamp)::date) AS last
                FROM counts
            ),
            span AS (
                SELECT b.first, b.last,
                       ((extract(year FROM b.last) - extract(year FROM b.first)) * 12
                        + extract(month FROM b.last) - extract(month FROM b.first))::int / @monthsPerPeriod + 1 <= @maxPeriods AS filled
                FROM bounds b
            ),
            periods AS (
                SELECT p::date AS period
                FROM span s, generate_series(s.first::timestamp, s.last::timestamp, @step::interval) p
                WHERE s.filled
                UNION
                SELECT c.period FROM counts c
            )
            SELECT to_char(p.period::timestamp, @keyFormat) AS key, coalesce(c.count, 0) AS count, (SELECT s.filled FROM span s) AS filled
            FROM periods p
            LEFT JOIN counts c ON c.period = p.period
            ORDER BY p.period
            """;
        var (unit, step, keyFormat, months) = PeriodSql[groupBy];
        filter.Parameters.AddDynamicParams(new
        {
            unit, step, keyFormat, monthsPerPeriod = months, maxPeriods = MeetingStatsGroups.MaxFilledPeriods,
            rangeFrom = filters.From, rangeTo = filters.To,
        });
        var rows = await db.QueryAsync<PeriodRow>(sql, filter.Parameters);
        return new MeetingStatsResponse
        {
            GroupBy = groupBy,
            // No rows: nothing to fill, so nothing is missing.
            ZeroFilled = rows.Count == 0 || rows[0].Filled,
            Items = rows.Select(r => new MeetingStatsItem { Key = r.Key, Count = r.Count }).ToList(),
        };
    }

    private sealed record PeriodRow
    {
        public string Key { get; init; } = "";
        public long Count { get; init; }
        public bool Filled { get; init; }
    }
}
