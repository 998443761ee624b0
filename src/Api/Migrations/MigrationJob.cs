using Api.Countries;
using FluentValidation;
using Npgsql;

namespace Api.Migrations;

/// <summary>
/// <c>Api migrate</c>: applies the migrations of <c>db/migrations</c> and imports the seed files of
/// <c>db/seed</c>, then exits. It holds a PostgreSQL advisory lock throughout, so jobs started twice or
/// from two places at once run one after the other and the second finds nothing left to do.
/// </summary>
public static class MigrationJob
{
    // Any fixed number will do, as long as nothing else in the database uses it for another lock.
    private const long LockKey = 0x6D6967726174_65; // "migrate"

    /// <summary>The entry point of the <c>migrate</c> command; returns the process exit code.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        var builder = Host.CreateApplicationBuilder(args);
        var connectionString = builder.Configuration.GetConnectionString("Db");
        var directory = builder.Configuration["Migrations:Directory"] ?? Path.Combine(AppContext.BaseDirectory, "db");
        using var loggerFactory = LoggerFactory.Create(logging => logging.AddConfiguration(builder.Configuration.GetSection("Logging")).AddSimpleConsole(o => o.SingleLine = true));
        var logger = loggerFactory.CreateLogger("Api.Migrations");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            logger.LogError("No connection string: set ConnectionStrings:Db (environment variable ConnectionStrings__Db).");
            return 2;
        }
        try
        {
            await RunAsync(connectionString, directory, loggerFactory, CancellationToken.None);
            return 0;
        }
        catch (MigrationException e)
        {
            // One log line per problem, so that a list of seed errors stays readable on a console.
            logger.LogError("Migration job failed:");
            foreach (var line in e.Message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                logger.LogError("  {Problem}", line);
            return 1;
        }
        catch (NpgsqlException e)
        {
            logger.LogError("Migration job failed: cannot use the database: {Message}", e.Message);
            return 1;
        }
    }

    /// <summary>Runs the job against a database; throws <see cref="MigrationException"/> with a clear message on a problem to fix.</summary>
    public static async Task<JobResult> RunAsync(string connectionString, string dbDirectory, ILoggerFactory loggerFactory, CancellationToken cancellationToken)
    {
        DapperSetup.Configure();
        Rules.Configure();
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var logger = loggerFactory.CreateLogger("Api.Migrations");

        await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection))
        {
            lockCommand.Parameters.AddWithValue("key", LockKey);
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);
        }
        try
        {
            var applied = await MigrationRunner.ApplyAsync(connection, Path.Combine(dbDirectory, "migrations"), logger, cancellationToken);
            var importer = CreateImporter(dataSource, loggerFactory);
            var changed = await importer.ImportAsync(connection, Path.Combine(dbDirectory, "seed"), cancellationToken);
            logger.LogInformation("Migration job done: {Applied} migration(s) applied, {Changed} seed record(s) created or updated", applied.Count, changed);
            return new JobResult(applied, changed);
        }
        finally
        {
            // Closing the connection releases the lock too; unlocking first frees it before the pool keeps the connection.
            await using var unlock = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", connection);
            unlock.Parameters.AddWithValue("key", LockKey);
            await unlock.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    private static SeedImporter CreateImporter(NpgsqlDataSource dataSource, ILoggerFactory loggerFactory)
    {
        // The same validators the API registers, built over this job's own database.
        var services = new ServiceCollection()
            .AddSingleton(dataSource)
            .AddSingleton<CountryCatalog>()
            .AddSingleton(loggerFactory)
            .AddLogging()
            .AddValidatorsFromAssemblyContaining<SeedImporter>(ServiceLifetime.Singleton)
            .AddRecordStores()
            .AddSingleton<SeedImporter>()
            .BuildServiceProvider();
        return services.GetRequiredService<SeedImporter>();
    }
}
