// The minimal ASP.NET Core + Dapper app of bench/compare.sh: the same rows the API reads for its single-row endpoints,
// with nothing around them (no validation, problem details, ETags, auth, logging of requests). The API's
// "feature tax" is its req/s against this app's, in the same run, on the same connection string.
using Dapper;
using Npgsql;

var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var connectionString = builder.Configuration.GetConnectionString("Db") ?? throw new InvalidOperationException("Set ConnectionStrings__Db.");
// The API's connection defaults (src/Api/Data/ConnectionDefaults.cs), so that both stand on the same driver settings.
var settings = new NpgsqlConnectionStringBuilder(connectionString);
if (!connectionString.Contains("Auto Prepare", StringComparison.OrdinalIgnoreCase))
    settings.MaxAutoPrepare = 64;
if (!connectionString.Contains("Reset On Close", StringComparison.OrdinalIgnoreCase))
    settings.NoResetOnClose = true;
await using var dataSource = NpgsqlDataSource.Create(settings.ConnectionString);
DefaultTypeMap.MatchNamesWithUnderscores = true;
var app = builder.Build();

app.MapGet("/countries/{code}", async (string code) =>
{
    await using var connection = await dataSource.OpenConnectionAsync();
    var country = await connection.QuerySingleOrDefaultAsync<Country>(
        "SELECT code, alpha2, name_en, name_ar FROM countries WHERE code = @code", new { code });
    return country is null ? Results.NotFound() : Results.Ok(country);
});

app.MapGet("/meetings/{id:guid}", async (Guid id) =>
{
    await using var connection = await dataSource.OpenConnectionAsync();
    var meeting = await connection.QuerySingleOrDefaultAsync<Meeting>(
        """
        SELECT id, title_en, title_ar, start_date, end_date, status, format, city_en, city_ar, country_code, host_country_code
        FROM meetings WHERE id = @id
        """, new { id });
    return meeting is null ? Results.NotFound() : Results.Ok(meeting);
});

await app.RunAsync();

internal sealed record Country
{
    public required string Code { get; init; }
    public string? Alpha2 { get; init; }
    public string? NameEn { get; init; }
    public string? NameAr { get; init; }
}

internal sealed record Meeting
{
    public Guid Id { get; init; }
    public string? TitleEn { get; init; }
    public string? TitleAr { get; init; }
    public DateOnly StartDate { get; init; }
    public DateOnly? EndDate { get; init; }
    public string? Status { get; init; }
    public string? Format { get; init; }
    public string? CityEn { get; init; }
    public string? CityAr { get; init; }
    public string? CountryCode { get; init; }
    public string? HostCountryCode { get; init; }
}
