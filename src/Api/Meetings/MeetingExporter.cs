using System.Text.Json;
using Api.Export;

namespace Api.Meetings;

/// <summary>
/// Streams every meeting a query matches as CSV, NDJSON or GeoJSON, row by row from the database to the
/// client: memory stays the same whatever the size of the result.
/// </summary>
public sealed class MeetingExporter(Database database)
{
    private static readonly string[] CsvHeader =
    [
        "id", "title_en", "title_ar", "start_date", "start_date_precision", "end_date", "end_date_precision", "status", "format",
        "city_en", "city_ar", "country_code", "country_name_en", "country_name_ar", "host_country_code", "latitude", "longitude",
        "parent_meeting_id", "delegation_countries", "topics", "summary_en", "summary_ar",
    ];

    public async Task WriteAsync(HttpResponse response, MeetingFilters filters, MeetingListOptions options, CsvOptions csv, SortOrder order,
        string format, bool limitGiven)
    {
        await using var db = await database.OpenExportAsync(search: filters.Q is not null);
        var cancellationToken = db.CancellationToken;
        var filter = await MeetingFilter.BuildAsync(db, filters);
        var where = filter.Where;
        if (order.Read(options.Cursor) is { } cursor)
            where += "\n  AND " + order.After(cursor, "m.id", filter.Parameters);
        filter.Parameters.Add("take", limitGiven ? options.Limit : null);
        var sql = $"""
            SELECT m.id, m.title_en, m.title_ar, m.summary_en, m.summary_ar, m.start_date, m.start_date_precision, m.end_date,
                   m.end_date_precision, m.status, m.format, m.city_en, m.city_ar, m.country_code, c.name_en AS country_name_en,
                   c.name_ar AS country_name_ar, m.host_country_code, m.latitude, m.longitude, m.parent_meeting_id,
                   m.delegation_countries, m.topic_ids
            FROM {filter.From}
            LEFT JOIN countries c ON c.code = m.country_code
            WHERE {where}
            ORDER BY {order.OrderBy("m.id")}
            LIMIT @take
            """;

        // The meetings keep their topics as ids (migration 0026); their codes are read in the export's snapshot.
        var topics = new TopicCodes(await db.QueryAsync<(Guid Id, string Code)>("SELECT id, code FROM topics"));

        response.ContentType = OutputFormats.MediaTypes[format] + "; charset=utf-8";
        response.Headers.ContentDisposition = $"attachment; filename=\"meetings.{(format == OutputFormats.GeoJson ? "geojson" : format)}\"";
        var rows = db.StreamAsync<ExportRow>(sql, filter.Parameters);
        switch (format)
        {
            case OutputFormats.Csv:
                await WriteCsvAsync(response.Body, rows, topics, csv.Bom == true, database.Progressed, cancellationToken);
                break;
            case OutputFormats.Ndjson:
                await WriteJsonAsync(response.Body, rows, topics, geo: false, database.Progressed, cancellationToken);
                break;
            default:
                await WriteJsonAsync(response.Body, rows, topics, geo: true, database.Progressed, cancellationToken);
                break;
        }
    }

    /// <summary>How many rows go out between two calls of an export's progress (the idle timeout starts again).</summary>
    private const int ProgressRows = 500;

    private static async Task WriteCsvAsync(Stream body, IAsyncEnumerable<ExportRow> rows, TopicCodes topics, bool bom, Action progressed, CancellationToken cancellationToken)
    {
        await using var csv = new CsvWriter(body, bom);
        await csv.WriteRowAsync(CsvHeader);
        var written = 0;
        await foreach (var m in rows.WithCancellation(cancellationToken))
        {
            if (++written % ProgressRows == 0)
                progressed();
            await csv.WriteRowAsync(m.Id, m.TitleEn, m.TitleAr, m.StartDate, m.StartDatePrecision, m.EndDate, m.EndDatePrecision, m.Status,
                m.Format, m.CityEn, m.CityAr, m.CountryCode, m.CountryNameEn, m.CountryNameAr, m.HostCountryCode, m.Latitude, m.Longitude,
                m.ParentMeetingId, Joined(m.DelegationCountries), Joined(topics.Of(m.TopicIds)), m.SummaryEn, m.SummaryAr);
        }
    }

    /// <summary>NDJSON: one meeting object per line. GeoJSON: one FeatureCollection, a Point feature per meeting (null geometry when its place has no coordinates).</summary>
    private static async Task WriteJsonAsync(Stream body, IAsyncEnumerable<ExportRow> rows, TopicCodes topics, bool geo, Action progressed, CancellationToken cancellationToken)
    {
        await using var json = new Utf8JsonWriter(body, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        if (geo)
        {
            json.WriteStartObject();
            json.WriteString("type", "FeatureCollection");
            json.WriteStartArray("features");
        }
        var written = 0;
        await foreach (var m in rows.WithCancellation(cancellationToken))
        {
            if (geo)
            {
                json.WriteStartObject();
                json.WriteString("type", "Feature");
                json.WriteString("id", m.Id);
                if (m.Latitude is { } latitude && m.Longitude is { } longitude)
                {
                    json.WriteStartObject("geometry");
                    json.WriteString("type", "Point");
                    json.WriteStartArray("coordinates");
                    json.WriteNumberValue(longitude);
                    json.WriteNumberValue(latitude);
                    json.WriteEndArray();
                    json.WriteEndObject();
                }
                else
                {
                    json.WriteNull("geometry");
                }
                json.WritePropertyName("properties");
            }
            WriteProperties(json, m, topics);
            if (geo)
                json.WriteEndObject();
            else
            {
                await json.FlushAsync(cancellationToken);
                await body.WriteAsync("\n"u8.ToArray(), cancellationToken);
                json.Reset();
            }
            if (++written % ProgressRows == 0)
            {
                await json.FlushAsync(cancellationToken);
                progressed();
            }
        }
        if (geo)
        {
            json.WriteEndArray();
            json.WriteEndObject();
        }
        await json.FlushAsync(cancellationToken);
    }

    private static void WriteProperties(Utf8JsonWriter json, ExportRow m, TopicCodes topics)
    {
        json.WriteStartObject();
        json.WriteString("id", m.Id);
        json.WriteString("titleEn", m.TitleEn);
        json.WriteString("titleAr", m.TitleAr);
        json.WriteString("startDate", m.StartDate.ToString("yyyy-MM-dd"));
        json.WriteString("startDatePrecision", m.StartDatePrecision);
        json.WriteString("endDate", m.EndDate?.ToString("yyyy-MM-dd"));
        json.WriteString("endDatePrecision", m.EndDatePrecision);
        json.WriteString("status", m.Status);
        json.WriteString("format", m.Format);
        json.WriteString("cityEn", m.CityEn);
        json.WriteString("cityAr", m.CityAr);
        json.WriteString("countryCode", m.CountryCode);
        json.WriteString("countryNameEn", m.CountryNameEn);
        json.WriteString("countryNameAr", m.CountryNameAr);
        json.WriteString("hostCountryCode", m.HostCountryCode);
        if (m.Latitude is { } latitude) json.WriteNumber("latitude", latitude); else json.WriteNull("latitude");
        if (m.Longitude is { } longitude) json.WriteNumber("longitude", longitude); else json.WriteNull("longitude");
        if (m.ParentMeetingId is { } parent) json.WriteString("parentMeetingId", parent); else json.WriteNull("parentMeetingId");
        WriteList(json, "delegationCountries", m.DelegationCountries);
        WriteList(json, "topics", topics.Of(m.TopicIds));
        json.WriteString("summaryEn", m.SummaryEn);
        json.WriteString("summaryAr", m.SummaryAr);
        json.WriteEndObject();
    }

    private static void WriteList(Utf8JsonWriter json, string name, string[] items)
    {
        json.WriteStartArray(name);
        foreach (var item in items)
            json.WriteStringValue(item);
        json.WriteEndArray();
    }

    /// <summary>A CSV cell's list: its items joined by semicolons, empty when there are none.</summary>
    private static string? Joined(string[] items) => items.Length == 0 ? null : string.Join(';', items);

    /// <summary>
    /// The code of each topic, as the export's snapshot has them; a meeting's topics go out in code order. An id no
    /// topic has (only a write behind the API's back could leave one: a topic in use cannot be deleted) is left out
    /// rather than ending the export half-way.
    /// </summary>
    private sealed class TopicCodes(IEnumerable<(Guid Id, string Code)> topics)
    {
        private readonly Dictionary<Guid, string> codes = topics.ToDictionary(t => t.Id, t => t.Code);

        public string[] Of(Guid[] ids)
        {
            if (ids.Length == 0)
                return [];
            var names = ids.Select(id => codes.GetValueOrDefault(id)).OfType<string>().ToArray();
            Array.Sort(names, StringComparer.Ordinal);
            return names;
        }
    }

    private sealed record ExportRow
    {
        public Guid Id { get; init; }
        public string? TitleEn { get; init; }
        public string? TitleAr { get; init; }
        public string? SummaryEn { get; init; }
        public string? SummaryAr { get; init; }
        public DateOnly StartDate { get; init; }
        public string StartDatePrecision { get; init; } = "";
        public DateOnly? EndDate { get; init; }
        public string? EndDatePrecision { get; init; }
        public string Status { get; init; } = "";
        public string Format { get; init; } = "";
        public string? CityEn { get; init; }
        public string? CityAr { get; init; }
        public string? CountryCode { get; init; }
        public string? CountryNameEn { get; init; }
        public string? CountryNameAr { get; init; }
        public string? HostCountryCode { get; init; }
        public double? Latitude { get; init; }
        public double? Longitude { get; init; }
        public Guid? ParentMeetingId { get; init; }
        public string[] DelegationCountries { get; init; } = [];
        public Guid[] TopicIds { get; init; } = [];
    }
}
