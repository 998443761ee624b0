namespace Api.Export;

/// <summary>The formats a list is sent in, chosen by <c>format=</c> or, failing that, by Accept.</summary>
public static class OutputFormats
{
    public const string Json = "json";
    public const string Csv = "csv";
    public const string Ndjson = "ndjson";
    public const string GeoJson = "geojson";

    public static readonly string[] All = [Json, Csv, Ndjson, GeoJson];

    public static readonly IReadOnlyDictionary<string, string> MediaTypes = new Dictionary<string, string>
    {
        [Json] = "application/json",
        [Csv] = "text/csv",
        [Ndjson] = "application/x-ndjson",
        [GeoJson] = "application/geo+json",
    };

    /// <summary>The output format a request asks for; json when it names none.</summary>
    public static string Of(HttpRequest request, IReadOnlyCollection<string> offered)
    {
        var named = request.Query["format"].FirstOrDefault(v => v is not null && All.Contains(v));
        if (named is not null)
            return named;
        foreach (var accept in request.GetTypedHeaders().Accept.OrderByDescending(a => a.Quality ?? 1))
        {
            var match = MediaTypes.FirstOrDefault(m => offered.Contains(m.Key) && accept.MediaType.Equals(m.Value, StringComparison.OrdinalIgnoreCase));
            if (match.Key is not null)
                return match.Key;
        }
        return Json;
    }
}
