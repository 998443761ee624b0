using System.Reflection;
using Api.Agreements;
using Api.Auth;
using Api.Caching;
using Api.Changes;
using Api.Countries;
using Api.Delegations;
using Api.Export;
using Api.Health;
using Api.Http.OpenApi;
using Api.Meetings;
using Api.Migrations;
using Api.Organizations;
using Api.Partners;
using Api.Persons;
using Api.Sources;
using Api.Stats;
using Api.Topics;
using FluentValidation;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.OpenApi;

// `Api migrate` is the migration job; with no command the executable serves HTTP and never migrates.
if (args is ["migrate", .. var jobArgs])
    return await MigrationJob.RunAsync(jobArgs);
// `Api key <name>` makes an API key and prints it with the configuration that lets it in.
if (args is ["key", .. var keyArgs])
    return KeyCommand.Run(keyArgs, Console.Out, Console.Error);

var builder = WebApplication.CreateBuilder(args);

DapperSetup.Configure();
Rules.Configure();
// A setting that must be more than 0 and at most max: the API does not start with another.
double Positive(string key, double fallback, double max, string unit)
{
    var value = builder.Configuration.GetValue(key, fallback);
    return value <= 0 || value > max
        ? throw new InvalidOperationException($"{key} must be more than 0 and at most {max} {unit} (it is {value}).")
        : value;
}
var requestTimeout = Positive(RequestDeadline.SecondsKey, RequestDeadline.DefaultSeconds, 3600, "seconds");
builder.Services.AddNpgsqlDataSource(
    builder.Configuration.GetConnectionString("Db")
        ?? throw new InvalidOperationException("Set the connection string ConnectionStrings:Db (environment variable ConnectionStrings__Db)."),
    dataSource =>
    {
        ConnectionDefaults.Apply(dataSource.ConnectionStringBuilder, TimeSpan.FromSeconds(requestTimeout));
        // How alike a person or organisation search must be to a stretch of a name (pg_trgm's word similarity,
        // 0–1): 0.5 lets "Bazum" find "Bazoum" and keeps short queries from matching noise. (Meeting and agreement
        // searches compare words with a vocabulary instead: Search/TextSearch.cs.)
        dataSource.ConnectionStringBuilder.Options = $"{dataSource.ConnectionStringBuilder.Options} -c pg_trgm.word_similarity_threshold=0.5".Trim();
    });

builder.Services.AddHttpContextAccessor();
var exportIdle = Positive(RequestDeadline.IdleSecondsKey, RequestDeadline.DefaultIdleSeconds, 3600, "seconds");
builder.Services.AddSingleton(new RequestTimeout(TimeSpan.FromSeconds(requestTimeout), TimeSpan.FromSeconds(exportIdle)));
builder.Services.AddScoped<RequestDeadline>();
builder.Services.AddScoped<Database>();
builder.Services.AddSingleton<CountryCatalog>();
builder.Services.AddScoped<MeetingRepository>();
builder.Services.AddScoped<MeetingExporter>();
builder.Services.AddScoped<DelegationRepository>();
builder.Services.AddScoped<AgreementRepository>();
builder.Services.AddScoped<PersonRepository>();
builder.Services.AddScoped<CountryRepository>();
builder.Services.AddScoped<OrganizationRepository>();
builder.Services.AddScoped<SourceRepository>();
builder.Services.AddScoped<TopicRepository>();
builder.Services.AddScoped<ChangeRepository>();
builder.Services.AddScoped<StatsRepository>();
builder.Services.AddScoped<PartnerRepository>();
builder.Services.AddRecordStores();
builder.Services.AddScoped<RecordWriter>();
var idempotencyHours = Positive(IdempotencyKeys.HoursKey, IdempotencyKeys.DefaultHours, 24 * 365, "hours");
builder.Services.AddSingleton(new IdempotencyKeys(TimeSpan.FromHours(idempotencyHours)));
builder.Services.AddHostedService<IdempotencyKeyPurge>();
builder.Services.AddValidatorsFromAssemblyContaining<Program>(ServiceLifetime.Singleton);

builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
{
    if (context.ProblemDetails.Status == StatusCodes.Status415UnsupportedMediaType)
        context.ProblemDetails.Detail ??= "Send the body as application/json (PATCH: application/merge-patch+json), with a Content-Type header saying so.";
});
builder.Services.AddExceptionHandler<ExceptionHandler>();
builder.Services.AddSingleton<UnknownQueryParameterFilter>();
builder.Services.AddSingleton<ValidationFilter>();
builder.Services.AddSingleton<ETagFilter>();
builder.Services.AddSingleton<ResponseCache>();
builder.Services.AddSingleton<CachedReadFilter>();
builder.Services.AddHostedService<ChangeListener>();
builder.Services.AddControllers(options =>
    {
        options.Conventions.Add(new WriteOperationConvention());
        // Singletons (registered below), not built again for every request as Filters.Add<T>() would.
        options.Filters.AddService<UnknownQueryParameterFilter>();
        options.Filters.AddService<ValidationFilter>();
        options.Filters.AddService<ETagFilter>();
    })
    .AddJsonOptions(options =>
    {
        Documents.Configure(options.JsonSerializerOptions);
        // Keep System.Text.Json's messages (which name .NET types) out of responses; WriteResponses words its own.
        options.AllowInputFormatterExceptionMessages = false;
    })
    .ConfigureApiBehaviorOptions(options => options.InvalidModelStateResponseFactory = WriteResponses.InvalidModelState);
// Bodies are records, not uploads: anything larger is refused with 413 before it is read.
var maxBodyBytes = builder.Configuration.GetValue("Api:MaxRequestBodyBytes", 1L << 20);
builder.WebHost.ConfigureKestrel(kestrel =>
{
    kestrel.Limits.MaxRequestBodySize = maxBodyBytes;
    // Above the limits the API documents, which RequestSizeLimit answers with problem details.
    kestrel.Limits.MaxRequestLineSize = RequestSizeLimit.MaxRequestLineBytes * RequestSizeLimit.KestrelHeadroom;
    kestrel.Limits.MaxRequestHeaderCount = RequestSizeLimit.MaxHeaderCount * RequestSizeLimit.KestrelHeadroom;
    kestrel.Limits.MaxRequestHeadersTotalSize = RequestSizeLimit.MaxHeaderBytes * RequestSizeLimit.KestrelHeadroom;
});
builder.AddApiKeys();
builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);

builder.Services.AddSwaggerGen(options =>
{
    options.SwaggerDoc("v1", new OpenApiInfo
    {
        Title = "Diplomatic meetings API",
        Version = "v1",
        Description = "Structured, sourced records of diplomatic meetings: who met whom, where, when, about what; " +
                      "who sat in each delegation; what was agreed, promised or planned. Names in Arabic and English; " +
                      "countries as ISO 3166-1 alpha-3 codes; dates in ISO 8601 with a precision (day, month, year).",
    });
    options.IncludeXmlComments(Assembly.GetExecutingAssembly(), includeControllerXmlComments: true);
    options.OperationFilter<ControllerDocsFilter>(Path.Combine(AppContext.BaseDirectory, $"{Assembly.GetExecutingAssembly().GetName().Name}.xml"));
    // Stable operation ids (Meetings_List, Meetings_Get, …) for client generators.
    options.CustomOperationIds(api => $"{api.ActionDescriptor.RouteValues["controller"]}_{api.ActionDescriptor.RouteValues["action"]}");
    // Resources in the order a newcomer meets them: meetings first, reference data last; on each path its GET first.
    string[] resourceOrder = ["meetings", "delegations", "agreements", "persons", "organizations", "sources", "topics", "countries"];
    options.OrderActionsBy(api =>
    {
        var resource = api.RelativePath?.Split('/').ElementAtOrDefault(2) ?? "";
        var rank = Array.IndexOf(resourceOrder, resource);
        return $"{(rank < 0 ? resourceOrder.Length : rank)}_{api.RelativePath}_{(api.HttpMethod == "GET" ? 0 : 1)}";
    });
    options.SupportNonNullableReferenceTypes();
    options.MapType<IfMatch>(() => new OpenApiSchema { Type = JsonSchemaType.String });
    options.OperationFilter<ProblemResponsesFilter>();
    options.DocumentFilter<RecordDocumentFilter>();
    options.OperationFilter<WriteOperationFilter>();
    options.OperationFilter<ExportsOperationFilter>();
});

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseMiddleware<RequestSizeLimit>(maxBodyBytes);
app.UseApiKeys();

// Swagger answers under /swagger only; the API's requests do not pass through its two middlewares (they match every
// path against their templates, a tenth of a small read's time).
app.UseWhen(context => context.Request.Path.StartsWithSegments("/swagger"), swagger =>
{
    swagger.UseSwagger();
    swagger.UseSwaggerUI(options =>
    {
        options.SwaggerEndpoint("/swagger/v1/swagger.json", "Diplomatic meetings API v1");
        options.DocumentTitle = "Diplomatic meetings API";
        options.EnableTryItOutByDefault();
        options.DisplayRequestDuration();
    });
});

app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
app.MapControllers();

await app.RunAsync();
return 0;

public partial class Program;
