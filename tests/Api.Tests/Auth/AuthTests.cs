using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Api.Auth;
using Api.Tests.Fixtures;
using Dapper;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Api.Tests.Auth;

/// <summary>
/// Who may read and write: API keys from configuration, the Read and Write policies, their 401/403 problem
/// responses, the per-key write rate limit, the <c>key</c> command, and how Swagger describes them. Writes
/// go to <see cref="AuthProbeController"/>, a test-only controller that only this class's hosts load.
/// </summary>
[Collection(DatabaseCollection.Name)]
public sealed partial class AuthTests(DbFixture db) : IAsyncLifetime
{
    private const string OpenRead = "/api/v1/countries/NER";
    private const string Write = "/test/auth/writes";
    private const string Me = "/test/auth/me";
    private const string Realm = "Bearer realm=\"diplomatic-meetings-api\"";

    private static readonly NewApiKey ReaderKey = ApiKeyHash.NewKey();
    private static readonly NewApiKey WriterKey = ApiKeyHash.NewKey();
    private static readonly NewApiKey OtherWriterKey = ApiKeyHash.NewKey();
    private static readonly ApiKeySetting Reader = new("reader", ReaderKey.Hash, "read");
    private static readonly ApiKeySetting Writer = new("writer", WriterKey.Hash, "write");
    private static readonly ApiKeySetting OtherWriter = new("other-writer", OtherWriterKey.Hash, "read,write");

    private readonly List<IAsyncDisposable> _factories = [];

    public Task InitializeAsync() => db.ResetAsync();

    public async Task DisposeAsync()
    {
        foreach (var factory in _factories)
            await factory.DisposeAsync();
    }

    [Fact]
    public async Task Write_without_a_key_returns_401_problem_with_a_Bearer_challenge_and_how_to_send_a_key()
    {
        var response = await Client().PostAsync(Write, null);

        var problem = await AssertProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal(Realm, Assert.Single(response.Headers.WwwAuthenticate).ToString());
        var detail = problem.GetProperty("detail").GetString();
        Assert.Contains("Authorization: Bearer <key>", detail);
        Assert.Contains("X-Api-Key: <key>", detail);
        Assert.Contains("'write' scope", detail);
    }

    [Theory]
    [InlineData(Write)]
    [InlineData(OpenRead)]
    public async Task A_wrong_key_returns_401_with_error_invalid_token_even_on_an_open_read(string path)
    {
        var request = new HttpRequestMessage(path == Write ? HttpMethod.Post : HttpMethod.Get, path);
        request.Headers.Add("X-Api-Key", ApiKeyHash.NewKey().Key);

        var response = await Client().SendAsync(request);

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized);
        var challenge = Assert.Single(response.Headers.WwwAuthenticate).ToString();
        Assert.StartsWith(Realm, challenge);
        Assert.Contains("error=\"invalid_token\"", challenge);
    }

    [Fact]
    public async Task A_key_in_the_Authorization_header_without_the_Bearer_scheme_returns_401_on_an_open_read()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, OpenRead);
        request.Headers.TryAddWithoutValidation("Authorization", ReaderKey.Key);

        var response = await Client().SendAsync(request);

        var problem = await AssertProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Contains("without the Bearer scheme", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Every_API_operation_answers_a_wrong_key_with_401()
    {
        var client = Client();
        var document = JsonDocument.Parse(await client.GetStringAsync("/swagger/v1/swagger.json")).RootElement;
        var operations = document.GetProperty("paths").EnumerateObject()
            .Where(path => path.Name.StartsWith("/api/", StringComparison.Ordinal))
            .SelectMany(path => path.Value.EnumerateObject().Select(op => (Method: op.Name.ToUpperInvariant(), Path: PathParameter().Replace(path.Name, "x"))))
            .ToList();

        Assert.NotEmpty(operations);
        foreach (var (method, path) in operations)
        {
            var request = new HttpRequestMessage(new HttpMethod(method), path);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ApiKeyHash.NewKey().Key);
            var response = await client.SendAsync(request);
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{method} {path} answered a wrong key with {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task Every_write_operation_of_the_api_answers_401_without_a_key_and_403_with_a_read_only_key_and_writes_nothing()
    {
        var client = Client();
        var document = JsonDocument.Parse(await client.GetStringAsync("/swagger/v1/swagger.json")).RootElement;
        var writes = document.GetProperty("paths").EnumerateObject()
            .Where(path => path.Name.StartsWith("/api/", StringComparison.Ordinal))
            .SelectMany(path => path.Value.EnumerateObject()
                .Where(op => op.Name is "post" or "put" or "patch" or "delete")
                .Select(op => (Method: op.Name.ToUpperInvariant(), Path: PathParameter().Replace(path.Name, Guid.NewGuid().ToString()))))
            .ToList();

        // POST, PUT, DELETE for seven resources, and PATCH for each but delegations and topics.
        Assert.Equal(26, writes.Count);
        foreach (var (method, path) in writes)
        {
            // Each with a body of the type the operation takes: a wrong Content-Type is turned away by routing (415) first.
            var mediaType = method == "PATCH" ? "application/merge-patch+json" : "application/json";
            var anonymous = new HttpRequestMessage(new HttpMethod(method), path) { Content = JsonContent.Create(new { titleEn = "x" }, new MediaTypeHeaderValue(mediaType)) };
            anonymous.Headers.TryAddWithoutValidation("If-Match", "*");
            var reader = WithKey(new HttpMethod(method), path, ReaderKey.Key);
            reader.Content = JsonContent.Create(new { titleEn = "x" }, new MediaTypeHeaderValue(mediaType));
            reader.Headers.TryAddWithoutValidation("If-Match", "*");

            Assert.Equal((method, path, HttpStatusCode.Unauthorized), (method, path, (await client.SendAsync(anonymous)).StatusCode));
            Assert.Equal((method, path, HttpStatusCode.Forbidden), (method, path, (await client.SendAsync(reader)).StatusCode));
        }
        await using var connection = await db.OpenAsync();
        Assert.Equal(0L, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM changes"));
    }

    [Fact]
    public async Task Write_with_a_read_only_key_returns_403_problem_naming_the_write_scope()
    {
        var response = await Client().SendAsync(Post(Write, ReaderKey.Key));

        var problem = await AssertProblemAsync(response, HttpStatusCode.Forbidden);
        var detail = problem.GetProperty("detail").GetString();
        Assert.Contains("'write' scope", detail);
        Assert.Contains("'reader'", detail);
    }

    [Theory]
    [InlineData("Authorization")]
    [InlineData("X-Api-Key")]
    public async Task Write_with_a_write_key_in_either_header_returns_204(string header)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Write);
        if (header == "Authorization")
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", WriterKey.Key);
        else
            request.Headers.Add(header, WriterKey.Key);

        var response = await Client().SendAsync(request);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    [Fact]
    public async Task The_caller_is_named_after_the_key_and_write_implies_read()
    {
        var client = Client();

        var writer = await client.SendAsync(Get(Me, WriterKey.Key));
        var reader = await client.SendAsync(Get(Me, ReaderKey.Key));
        var anonymous = await client.GetAsync(Me);

        Assert.Equal(new Caller("writer", ["read", "write"]), await writer.Content.ReadFromJsonAsync<Caller>());
        Assert.Equal(new Caller("reader", ["read"]), await reader.Content.ReadFromJsonAsync<Caller>());
        Assert.Equal(new Caller(null, []), await anonymous.Content.ReadFromJsonAsync<Caller>());
    }

    [Fact]
    public async Task Open_reads_need_no_key()
    {
        var response = await Client().GetAsync(OpenRead);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task The_shared_test_host_accepts_its_writer_key()
    {
        var response = await db.Factory.CreateWriterClient().GetAsync(OpenRead);
        var wrong = new HttpRequestMessage(HttpMethod.Get, OpenRead);
        wrong.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ApiKeyHash.NewKey().Key);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await db.Factory.CreateClient().SendAsync(wrong)).StatusCode);
    }

    [Fact]
    public async Task With_RequireReadScope_a_read_without_a_key_returns_401_naming_the_read_scope()
    {
        var response = await Client(requireReadScope: true).GetAsync(OpenRead);

        var problem = await AssertProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal(Realm, Assert.Single(response.Headers.WwwAuthenticate).ToString());
        Assert.Contains("'read' scope", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task With_RequireReadScope_a_read_key_and_a_write_key_may_read()
    {
        var client = Client(requireReadScope: true);

        var reader = await client.SendAsync(Get(OpenRead, ReaderKey.Key));
        var writer = await client.SendAsync(Get(OpenRead, WriterKey.Key));

        Assert.Equal(HttpStatusCode.OK, reader.StatusCode);
        Assert.Equal(HttpStatusCode.OK, writer.StatusCode);
    }

    [Fact]
    public async Task After_PermitLimit_writes_the_next_is_429_with_Retry_After_and_another_key_is_not_affected()
    {
        var client = Client(permitLimit: 2);

        Assert.Equal(HttpStatusCode.NoContent, (await client.SendAsync(Post(Write, WriterKey.Key))).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.SendAsync(Post(Write, WriterKey.Key))).StatusCode);
        var limited = await client.SendAsync(Post(Write, WriterKey.Key));
        var other = await client.SendAsync(Post(Write, OtherWriterKey.Key));

        var problem = await AssertProblemAsync(limited, HttpStatusCode.TooManyRequests);
        Assert.Contains("'writer'", problem.GetProperty("detail").GetString());
        var retryAfter = limited.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value.TotalSeconds, 1, 3600);
        Assert.Equal(HttpStatusCode.NoContent, other.StatusCode);
    }

    [Fact]
    public async Task Requests_without_a_valid_key_get_401_or_403_not_429_and_use_up_no_writes()
    {
        var client = Client(permitLimit: 1);

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsync(Write, null)).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(Post(Write, ApiKeyHash.NewKey().Key))).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.SendAsync(Post(Write, ReaderKey.Key))).StatusCode);
        }
        Assert.Equal(HttpStatusCode.NoContent, (await client.SendAsync(Post(Write, WriterKey.Key))).StatusCode);
    }

    [Theory]
    [InlineData("bob", "sha256:not-base64!:nope", "read", "API key entry ApiKeys:1 (bob): Hash")]
    [InlineData("bob", "md5:abc", "read", "API key entry ApiKeys:1 (bob): Hash must have the form sha256:")]
    [InlineData("bob", null, "read,admin", "API key entry ApiKeys:1 (bob): Scopes: unknown scope 'admin'")]
    [InlineData("bob", null, "", "API key entry ApiKeys:1 (bob): Scopes: no scopes")]
    [InlineData("", null, "read", "API key entry ApiKeys:1: Name is empty")]
    public void A_malformed_key_entry_stops_startup_with_a_message_naming_the_entry(string name, string? hash, string scopes, string expected)
    {
        var factory = Factory(keys: [Writer, new ApiKeySetting(name, hash ?? ApiKeyHash.NewKey().Hash, scopes)]);

        var exception = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        var messages = Messages(exception);
        Assert.Contains(expected, messages);
        Assert.DoesNotContain("ApiKeys:0", messages);
    }

    [Fact]
    public void A_misspelt_setting_in_a_key_entry_stops_startup_naming_it()
    {
        var factory = db.Factory.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("ApiKeys:1:Name", "bob");
            builder.UseSetting("ApiKeys:1:Hash", ApiKeyHash.NewKey().Hash);
            builder.UseSetting("ApiKeys:1:Scope", "read");
        });
        _factories.Add(factory);

        var exception = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("API key entry ApiKeys:1 (bob): unknown setting 'Scope'", Messages(exception));
    }

    [Theory]
    [InlineData("PermitLimit", "0")]
    [InlineData("WindowSeconds", "0")]
    public void A_write_rate_limit_below_1_stops_startup(string setting, string value)
    {
        var factory = db.Factory.WithWebHostBuilder(builder => builder.UseSetting($"RateLimits:Writes:{setting}", value));
        _factories.Add(factory);

        var exception = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains($"RateLimits:Writes:{setting} must be 1 or more", Messages(exception));
    }

    [Fact]
    public async Task Keys_never_reach_the_logs()
    {
        var logs = new ConcurrentQueue<string>();
        var client = Client(logs: logs);
        var wrongKey = ApiKeyHash.NewKey().Key;

        await client.SendAsync(Post(Write, WriterKey.Key));
        await client.SendAsync(Get(OpenRead, wrongKey));
        await client.SendAsync(Post(Write, ReaderKey.Key));

        Assert.NotEmpty(logs);
        Assert.DoesNotContain(logs, line => line.Contains(WriterKey.Key) || line.Contains(wrongKey) || line.Contains(ReaderKey.Key));
    }

    [Fact]
    public async Task The_key_command_prints_a_key_that_its_printed_hash_lets_in_with_the_scopes_asked_for()
    {
        var output = new StringWriter();
        var error = new StringWriter();

        var exitCode = KeyCommand.Run(["alice", "--scopes", "read"], output, error);

        Assert.Equal(0, exitCode);
        Assert.Equal("", error.ToString());
        var text = output.ToString();
        var key = PrintedValue(text, "Key");
        var hash = PrintedValue(text, "Hash");
        Assert.StartsWith("dmk_", key);
        Assert.Contains($$"""{ "Name": "alice", "Hash": "{{hash}}", "Scopes": "read" }""", text);
        Assert.Contains($"ApiKeys__0__Name=alice{Environment.NewLine}", text);
        Assert.Contains($"ApiKeys__0__Hash={hash}{Environment.NewLine}", text);
        Assert.Contains($"ApiKeys__0__Scopes=read{Environment.NewLine}", text);
        Assert.Equal(1, Regex.Count(text, Regex.Escape(key)));

        var client = Client(keys: [new ApiKeySetting("alice", hash, "read")]);
        var me = await client.SendAsync(Get(Me, key));
        var write = await client.SendAsync(Post(Write, key));
        Assert.Equal(new Caller("alice", ["read"]), await me.Content.ReadFromJsonAsync<Caller>());
        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
    }

    [Fact]
    public void The_key_command_gives_read_and_write_by_default_and_a_new_key_each_time()
    {
        var first = new StringWriter();
        var second = new StringWriter();

        Assert.Equal(0, KeyCommand.Run(["alice"], first, TextWriter.Null));
        Assert.Equal(0, KeyCommand.Run(["alice"], second, TextWriter.Null));

        Assert.Contains("ApiKeys__0__Scopes=read,write", first.ToString());
        Assert.NotEqual(PrintedValue(first.ToString(), "Key"), PrintedValue(second.ToString(), "Key"));
    }

    [Theory]
    [InlineData]
    [InlineData("alice", "--scopes")]
    [InlineData("alice", "--scopes", "admin")]
    [InlineData("alice", "--scopes", "")]
    [InlineData("alice", "bob")]
    [InlineData("alice", "--force")]
    [InlineData("alice smith")]
    public void The_key_command_with_bad_arguments_prints_usage_to_stderr_and_exits_2(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();

        var exitCode = KeyCommand.Run(args, output, error);

        Assert.Equal(2, exitCode);
        Assert.Equal("", output.ToString());
        Assert.Contains("error: ", error.ToString());
        Assert.Contains("Usage: Api key <name> [--scopes read,write]", error.ToString());
    }

    [Fact]
    public async Task Swagger_describes_both_key_schemes_and_the_responses_of_writes_and_reads()
    {
        var document = JsonDocument.Parse(await Client().GetStringAsync("/swagger/v1/swagger.json")).RootElement;

        var schemes = document.GetProperty("components").GetProperty("securitySchemes");
        Assert.Equal("http", schemes.GetProperty("Bearer").GetProperty("type").GetString());
        Assert.Equal("bearer", schemes.GetProperty("Bearer").GetProperty("scheme").GetString());
        Assert.Equal("apiKey", schemes.GetProperty("ApiKey").GetProperty("type").GetString());
        Assert.Equal("header", schemes.GetProperty("ApiKey").GetProperty("in").GetString());
        Assert.Equal("X-Api-Key", schemes.GetProperty("ApiKey").GetProperty("name").GetString());

        var write = document.GetProperty("paths").GetProperty(Write).GetProperty("post");
        Assert.Equal(["ApiKey", "Bearer"], SecurityAlternatives(write));
        foreach (var status in new[] { "401", "403", "429" })
            Assert.True(write.GetProperty("responses").GetProperty(status).GetProperty("content").TryGetProperty("application/problem+json", out _), $"{status} is not problem+json");
        Assert.True(write.GetProperty("responses").GetProperty("429").GetProperty("headers").TryGetProperty("Retry-After", out _));
        Assert.True(write.GetProperty("responses").GetProperty("401").GetProperty("headers").TryGetProperty("WWW-Authenticate", out _));

        var read = document.GetProperty("paths").GetProperty("/api/v1/countries/{code}").GetProperty("get");
        Assert.Equal(["", "ApiKey", "Bearer"], SecurityAlternatives(read));
        Assert.True(read.GetProperty("responses").TryGetProperty("401", out _));
        Assert.False(read.GetProperty("responses").TryGetProperty("403", out _));
        Assert.False(read.GetProperty("responses").TryGetProperty("429", out _));
    }

    [Fact]
    public async Task Swagger_with_RequireReadScope_does_not_offer_reads_without_a_key()
    {
        var document = JsonDocument.Parse(await Client(requireReadScope: true).GetStringAsync("/swagger/v1/swagger.json")).RootElement;

        var read = document.GetProperty("paths").GetProperty("/api/v1/countries/{code}").GetProperty("get");
        Assert.Equal(["ApiKey", "Bearer"], SecurityAlternatives(read));
    }

    /// <summary>A host with the test keys (or <paramref name="keys"/>) configured and the probe controller loaded.</summary>
    private WebApplicationFactory<Program> Factory(bool requireReadScope = false, int permitLimit = 100,
        ApiKeySetting[]? keys = null, ConcurrentQueue<string>? logs = null)
    {
        var factory = db.Factory.WithWebHostBuilder(builder =>
        {
            var i = 0;
            foreach (var key in keys ?? [Reader, Writer, OtherWriter])
            {
                builder.UseSetting($"ApiKeys:{i}:Name", key.Name);
                builder.UseSetting($"ApiKeys:{i}:Hash", key.Hash);
                builder.UseSetting($"ApiKeys:{i}:Scopes", key.Scopes);
                i++;
            }
            builder.UseSetting("Auth:RequireReadScope", requireReadScope ? "true" : "false");
            builder.UseSetting("RateLimits:Writes:PermitLimit", permitLimit.ToString());
            builder.UseSetting("RateLimits:Writes:WindowSeconds", "3600");
            builder.ConfigureServices(services => services.AddControllers().AddApplicationPart(typeof(AuthProbeController).Assembly));
            if (logs is not null)
                builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(new CollectingLoggerProvider(logs)));
        });
        _factories.Add(factory);
        return factory;
    }

    private HttpClient Client(bool requireReadScope = false, int permitLimit = 100, ApiKeySetting[]? keys = null, ConcurrentQueue<string>? logs = null) =>
        Factory(requireReadScope, permitLimit, keys, logs).CreateClient();

    private static HttpRequestMessage Get(string path, string key) => WithKey(HttpMethod.Get, path, key);

    private static HttpRequestMessage Post(string path, string key) => WithKey(HttpMethod.Post, path, key);

    private static HttpRequestMessage WithKey(HttpMethod method, string path, string key)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return request;
    }

    private static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
        return problem;
    }

    /// <summary>Each security requirement of an operation as its scheme names ("" for the empty, anonymous one), sorted.</summary>
    private static string[] SecurityAlternatives(JsonElement operation) =>
        [.. operation.GetProperty("security").EnumerateArray()
            .Select(requirement => string.Join("+", requirement.EnumerateObject().Select(scheme => scheme.Name)))
            .Order(StringComparer.Ordinal)];

    private static string PrintedValue(string output, string label) =>
        Regex.Match(output, $@"^\s*{label}:\s+(\S+)\s*$", RegexOptions.Multiline) is { Success: true } match
            ? match.Groups[1].Value
            : throw new Xunit.Sdk.XunitException($"No '{label}:' line in:\n{output}");

    private static string Messages(Exception exception) => exception switch
    {
        AggregateException aggregate => string.Join("\n", aggregate.InnerExceptions.Select(Messages).Prepend(aggregate.Message)),
        { InnerException: { } inner } => exception.Message + "\n" + Messages(inner),
        _ => exception.Message,
    };

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex PathParameter();

    private sealed record ApiKeySetting(string Name, string Hash, string Scopes);

    private sealed record Caller(string? Name, string[] Scopes)
    {
        public bool Equals(Caller? other) => other is not null && Name == other.Name && Scopes.SequenceEqual(other.Scopes);

        public override int GetHashCode() => HashCode.Combine(Name, Scopes.Length);

        public override string ToString() => $"{Name ?? "(anonymous)"} [{string.Join(",", Scopes)}]";
    }

    private sealed class CollectingLoggerProvider(ConcurrentQueue<string> lines) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new CollectingLogger(categoryName, lines);

        public void Dispose()
        {
        }

        private sealed class CollectingLogger(string category, ConcurrentQueue<string> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                lines.Enqueue($"{category}: {formatter(state, exception)} {exception}");
        }
    }
}

/// <summary>
/// Test-only endpoints under the real policies, loaded as an application part by <see cref="AuthTests"/>' hosts
/// only: who the caller is, and a write that changes nothing.
/// </summary>
[ApiController]
[Route("test/auth")]
[Authorize(Policy = ApiPolicies.Read)]
public sealed class AuthProbeController : ControllerBase
{
    /// <summary>The caller's name and scopes, as the API sees them.</summary>
    [HttpGet("me")]
    public ActionResult<AuthProbeCaller> Me() =>
        Ok(new AuthProbeCaller(User.Identity?.Name, [.. User.FindAll(ApiScopes.ClaimType).Select(c => c.Value).Order(StringComparer.Ordinal)]));

    /// <summary>A write that changes nothing.</summary>
    [HttpPost("writes")]
    [Authorize(Policy = ApiPolicies.Write)]
    [EnableRateLimiting(ApiPolicies.WriteRateLimit)]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    public NoContentResult Post() => NoContent();
}

/// <summary>The caller as <see cref="AuthProbeController"/> reports it.</summary>
/// <param name="Name">The key's configured name; null when anonymous.</param>
/// <param name="Scopes">The scopes of the key.</param>
public sealed record AuthProbeCaller(string? Name, string[] Scopes);
