using System.Net.Http.Headers;
using Api.Auth;
using Api.Migrations;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Respawn;
using Respawn.Graph;

namespace Api.Tests.Fixtures;

/// <summary>
/// One PostgreSQL server per test run, a database migrated by the real migration job, the API host
/// pointed at it, and a Respawner that empties every table but the journal and the countries.
/// </summary>
public sealed class DbFixture : IAsyncLifetime
{
    private PostgresServer? _server;
    private Respawner? _respawner;
    private int _databases;

    public PostgresServer Server => _server ?? throw new InvalidOperationException("The fixture has not started.");

    /// <summary>The connection string of the database the API under test uses.</summary>
    public string ConnectionString { get; private set; } = "";

    public ApiFactory Factory { get; private set; } = null!;

    /// <summary>The repository's db/ folder, as the build copies it beside the API.</summary>
    public static string DbDirectory => Path.Combine(AppContext.BaseDirectory, "db");

    public async Task InitializeAsync()
    {
        _server = await PostgresServer.StartAsync();
        ConnectionString = await _server.CreateDatabaseAsync("api_tests");
        await RunJobAsync(ConnectionString);

        await using var connection = await OpenAsync();
        _respawner = await Respawner.CreateAsync(connection, new RespawnerOptions
        {
            DbAdapter = DbAdapter.Postgres,
            SchemasToInclude = ["public"],
            TablesToIgnore = [new Table("schema_migrations"), new Table("countries")],
        });
        Factory = new ApiFactory(ConnectionString);
    }

    public async Task DisposeAsync()
    {
        if (Factory is not null)
            await Factory.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        if (_server is not null)
            await _server.DisposeAsync();
    }

    public async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>Empties every table but the migration journal and the countries.</summary>
    public async Task ResetAsync()
    {
        await using var connection = await OpenAsync();
        await _respawner!.ResetAsync(connection);
    }

    /// <summary>Empties the database, then imports the repository's seed files with the real job.</summary>
    public async Task ResetAndSeedAsync()
    {
        await ResetAsync();
        await RunJobAsync(ConnectionString);
    }

    /// <summary>A new empty database on the same server, for tests of the migration job itself.</summary>
    public Task<string> CreateDatabaseAsync() => Server.CreateDatabaseAsync($"job_test_{Interlocked.Increment(ref _databases)}");

    /// <summary>A client that sends the API key of a writer.</summary>
    public HttpClient WriterClient() => Factory.CreateWriterClient();

    public static Task<JobResult> RunJobAsync(string connectionString, string? dbDirectory = null) =>
        MigrationJob.RunAsync(connectionString, dbDirectory ?? DbDirectory, NullLoggerFactory.Instance, CancellationToken.None);
}

/// <summary>
/// A test host of the API. Its response cache is off unless <paramref name="cacheMegabytes"/> says otherwise: tests change
/// the database behind the API's back (resets, direct SQL), which a cache rightly does not hear of. Its change listener
/// listens on <paramref name="listenConnectionString"/> when given, else on the API's database. <paramref name="settings"/>
/// are further configuration keys and values.
/// </summary>
public sealed class ApiFactory(string connectionString, int cacheMegabytes = 0, string? listenConnectionString = null,
    IReadOnlyDictionary<string, string>? settings = null) : WebApplicationFactory<Program>
{
    /// <summary>The name of the write key every test host accepts (see <see cref="CreateWriterClient"/>).</summary>
    public const string WriterName = "test-writer";

    /// <summary>A key with the read and write scopes, configured as <c>ApiKeys:0</c> in every test host.</summary>
    public static readonly NewApiKey WriterKey = ApiKeyHash.NewKey();

    /// <summary>A client that sends <see cref="WriterKey"/>, for tests of write endpoints.</summary>
    public HttpClient CreateWriterClient()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", WriterKey.Key);
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // UseSetting, not ConfigureAppConfiguration: Program reads the connection string before Build().
        builder.UseSetting("ConnectionStrings:Db", connectionString);
        builder.UseEnvironment("Production");
        builder.UseSetting("ApiKeys:0:Name", WriterName);
        builder.UseSetting("ApiKeys:0:Hash", WriterKey.Hash);
        builder.UseSetting("ApiKeys:0:Scopes", "read,write");
        // One key for the whole run: the write rate limit must not fail tests that write a lot.
        builder.UseSetting("RateLimits:Writes:PermitLimit", "1000000");
        builder.UseSetting(Api.Caching.ResponseCache.MegabytesKey, cacheMegabytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (listenConnectionString is not null)
            builder.UseSetting("ConnectionStrings:Listen", listenConnectionString);
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            builder.UseSetting(key, value);
    }
}

[CollectionDefinition(Name)]
public sealed class DatabaseCollection : ICollectionFixture<DbFixture>
{
    public const string Name = "database";
}
