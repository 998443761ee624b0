using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using DotNet.Testcontainers.Configurations;
using Npgsql;
using Testcontainers.PostgreSql;

namespace Api.Tests.Fixtures;

/// <summary>
/// A real PostgreSQL server for the test run, found in this order: a server named by the environment
/// variable <c>TEST_POSTGRES</c> (a connection string allowed to create databases); a Testcontainers
/// container where a Docker engine answers; a throwaway cluster started from the machine's PostgreSQL
/// binaries. When none can be had the run fails with a message that says what to install.
/// </summary>
public abstract class PostgresServer : IAsyncDisposable
{
    /// <summary>Connection string of the server's <c>postgres</c> database, with rights to create databases.</summary>
    public abstract string AdminConnectionString { get; }

    public abstract string Description { get; }

    public abstract ValueTask DisposeAsync();

    public static async Task<PostgresServer> StartAsync()
    {
        if (Environment.GetEnvironmentVariable("TEST_POSTGRES") is { Length: > 0 } external)
            return new ExternalServer(external);
        if (TestcontainersSettings.OS.DockerEndpointAuthConfig is not null)
            return await ContainerServer.StartContainerAsync();
        return await LocalCluster.StartClusterAsync();
    }

    /// <summary>Creates a new empty database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string name)
    {
        await using (var connection = new NpgsqlConnection(AdminConnectionString))
        {
            await connection.OpenAsync();
            // The name comes from test code, never from input; quoting keeps it one identifier.
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }
        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name }.ConnectionString;
    }

    private sealed class ExternalServer(string connectionString) : PostgresServer
    {
        public override string AdminConnectionString => connectionString;
        public override string Description => "the server named by TEST_POSTGRES";
        public override ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    private sealed class ContainerServer(PostgreSqlContainer container) : PostgresServer
    {
        public override string AdminConnectionString =>
            new NpgsqlConnectionStringBuilder(container.GetConnectionString()) { Database = "postgres" }.ConnectionString;
        public override string Description => "a Testcontainers postgres:15-alpine container";

        public static async Task<PostgresServer> StartContainerAsync()
        {
            var container = new PostgreSqlBuilder("postgres:15-alpine").Build();
            await container.StartAsync();
            return new ContainerServer(container);
        }

        public override ValueTask DisposeAsync() => container.DisposeAsync();
    }

    /// <summary>initdb and pg_ctl in a temporary folder, as the postgres user when the tests run as root (PostgreSQL refuses root).</summary>
    private sealed class LocalCluster(string binDirectory, string root, int port, bool asPostgresUser) : PostgresServer
    {
        public override string AdminConnectionString =>
            $"Host=127.0.0.1;Port={port};Database=postgres;Username=postgres;Pooling=true;Timeout=30";
        public override string Description => $"a throwaway cluster from {binDirectory} on port {port}";

        public static async Task<PostgresServer> StartClusterAsync()
        {
            var bin = FindBinDirectory() ?? throw new InvalidOperationException(
                "No PostgreSQL for the tests: no Docker engine answers and no PostgreSQL server binaries (initdb, pg_ctl) were found. " +
                "Install PostgreSQL (Debian: apt-get install -y postgresql), start Docker, or set TEST_POSTGRES to a connection string.");
            var asPostgresUser = Environment.UserName == "root";
            var root = Directory.CreateTempSubdirectory("api-tests-pg-").FullName;
            if (asPostgresUser)
            {
                await RunAsync("chown", ["postgres", root]);
                await RunAsync("chmod", ["700", root]);
            }
            var port = FreePort();
            var cluster = new LocalCluster(bin, root, port, asPostgresUser);
            var data = Path.Combine(root, "data");
            await cluster.PgAsync("initdb", ["-D", data, "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8", "--locale=C.UTF-8"]);
            await cluster.PgAsync("pg_ctl", ["-D", data, "-l", Path.Combine(root, "log"), "-w", "-t", "60", "-o",
                $"-c listen_addresses=127.0.0.1 -c port={port} -c unix_socket_directories={root} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200",
                "start"]);
            return cluster;
        }

        public override async ValueTask DisposeAsync()
        {
            try
            {
                await PgAsync("pg_ctl", ["-D", Path.Combine(root, "data"), "-m", "immediate", "-w", "stop"]);
            }
            finally
            {
                Directory.Delete(root, recursive: true);
            }
        }

        private Task PgAsync(string tool, string[] arguments) => asPostgresUser
            ? RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(binDirectory, tool), .. arguments])
            : RunAsync(Path.Combine(binDirectory, tool), arguments);

        private static string? FindBinDirectory()
        {
            if (Environment.GetEnvironmentVariable("PG_BIN") is { Length: > 0 } configured)
                return configured;
            const string debianRoot = "/usr/lib/postgresql";
            if (Directory.Exists(debianRoot))
            {
                var newest = Directory.GetDirectories(debianRoot)
                    .Select(d => Path.Combine(d, "bin"))
                    .Where(d => File.Exists(Path.Combine(d, "initdb")))
                    .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0)
                    .FirstOrDefault();
                if (newest is not null)
                    return newest;
            }
            return (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':')
                .FirstOrDefault(d => d.Length > 0 && File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")));
        }

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        private static async Task RunAsync(string fileName, string[] arguments)
        {
            var start = new ProcessStartInfo(fileName)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                // initdb and the server must not inherit the test host's working folder, which the postgres user may not read.
                WorkingDirectory = Path.GetTempPath(),
            };
            foreach (var argument in arguments)
                start.ArgumentList.Add(argument);
            using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {fileName}.");
            // pg_ctl start leaves the server holding our pipes open, so read them without waiting for their end.
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
            await process.WaitForExitAsync(timeout.Token);
            if (process.ExitCode != 0)
                throw new InvalidOperationException(
                    $"{fileName} {string.Join(' ', arguments)} exited with {process.ExitCode}: {await Completed(stderr)} {await Completed(stdout)}");
        }

        private static async Task<string> Completed(Task<string> output) =>
            await Task.WhenAny(output, Task.Delay(1000)) == output ? output.Result : "";
    }
}
