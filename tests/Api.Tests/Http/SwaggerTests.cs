using System.Net;
using System.Text.Json;
using Api.Tests.Fixtures;

namespace Api.Tests.Http;

/// <summary>What client authors rely on besides the data: the OpenAPI document and Swagger UI.</summary>
public sealed class SwaggerTests(DbFixture db) : DatabaseTest(db)
{
    private static readonly string[] Paths =
    [
        "/api/v1/meetings", "/api/v1/meetings/{id}", "/api/v1/meetings/{id}/delegations",
        "/api/v1/delegations", "/api/v1/delegations/{id}",
        "/api/v1/agreements", "/api/v1/agreements/{id}",
        "/api/v1/persons", "/api/v1/persons/{id}",
        "/api/v1/countries", "/api/v1/countries/{code}",
        "/api/v1/organizations", "/api/v1/organizations/{id}", "/api/v1/sources/{id}", "/api/v1/topics", "/api/v1/topics/{code}",
    ];

    private static readonly string[] GetByIdPaths =
    [
        "/api/v1/meetings/{id}", "/api/v1/meetings/{id}/delegations", "/api/v1/delegations/{id}",
        "/api/v1/agreements/{id}", "/api/v1/persons/{id}", "/api/v1/countries/{code}",
    ];

    private static readonly string[] HttpMethods = ["get", "put", "post", "delete", "patch", "head", "options", "trace"];

    [Fact]
    public async Task Swagger_json_is_an_OpenAPI_3_document_with_every_resource_path()
    {
        var document = await GetSwaggerAsync();

        Assert.StartsWith("3.", document.GetProperty("openapi").GetString());
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.All(Paths, path => Assert.Contains(path, paths));
    }

    [Fact]
    public async Task Swagger_json_gives_every_operation_a_summary()
    {
        var operations = Operations(await GetSwaggerAsync()).ToList();

        Assert.NotEmpty(operations);
        Assert.All(operations, o => Assert.False(
            string.IsNullOrWhiteSpace(o.Operation.TryGetProperty("summary", out var s) ? s.GetString() : null),
            $"{o.Method.ToUpperInvariant()} {o.Path} has no summary"));
    }

    [Fact]
    public async Task Swagger_json_gives_every_operation_a_unique_operation_id_for_client_generators()
    {
        var ids = Operations(await GetSwaggerAsync())
            .Select(o => o.Operation.TryGetProperty("operationId", out var id) ? id.GetString() : null)
            .ToList();

        Assert.All(ids, id => Assert.False(string.IsNullOrWhiteSpace(id)));
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Contains("Meetings_List", ids);
    }

    [Fact]
    public async Task Swagger_json_describes_every_parameter()
    {
        var parameters = Operations(await GetSwaggerAsync())
            .Where(o => Paths.Contains(o.Path))
            .SelectMany(o => o.Operation.TryGetProperty("parameters", out var ps)
                ? ps.EnumerateArray().Select(p => (o.Method, o.Path, Parameter: p))
                : [])
            .ToList();

        Assert.NotEmpty(parameters);
        Assert.All(parameters, p => Assert.False(
            string.IsNullOrWhiteSpace(p.Parameter.TryGetProperty("description", out var d) ? d.GetString() : null),
            $"parameter {p.Parameter.GetProperty("name").GetString()} of {p.Method.ToUpperInvariant()} {p.Path} has no description"));
    }

    [Fact]
    public async Task Swagger_json_documents_404_problem_details_for_each_get_by_id()
    {
        var paths = (await GetSwaggerAsync()).GetProperty("paths");

        Assert.All(GetByIdPaths, path =>
        {
            var responses = paths.GetProperty(path).GetProperty("get").GetProperty("responses");
            Assert.True(responses.TryGetProperty("404", out var notFound), $"GET {path} does not document 404");
            Assert.True(notFound.TryGetProperty("content", out var content) && content.TryGetProperty("application/problem+json", out _),
                $"GET {path} does not document 404 as application/problem+json");
        });
    }

    [Fact]
    public async Task Swagger_json_offers_an_idempotency_key_with_its_409_and_422_on_every_post()
    {
        var posts = Operations(await GetSwaggerAsync()).Where(o => o.Method == "post").ToList();

        Assert.NotEmpty(posts);
        Assert.All(posts, o =>
        {
            var key = o.Operation.GetProperty("parameters").EnumerateArray().SingleOrDefault(p => p.GetProperty("name").GetString() == "Idempotency-Key");
            Assert.True(key.ValueKind == JsonValueKind.Object, $"POST {o.Path} does not document Idempotency-Key");
            Assert.Equal("header", key.GetProperty("in").GetString());
            Assert.False(key.TryGetProperty("required", out var required) && required.GetBoolean());
            var responses = o.Operation.GetProperty("responses");
            Assert.True(responses.TryGetProperty("422", out _), $"POST {o.Path} does not document 422");
            Assert.Contains("Idempotency-Key", responses.GetProperty("409").GetProperty("description").GetString());
        });
    }

    [Fact]
    public async Task Swagger_ui_returns_an_html_page()
    {
        var response = await Client.GetAsync("/swagger/index.html");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/swagger")]
    [InlineData("/swagger/")]
    public async Task Swagger_ui_is_found_from_its_folder(string path)
    {
        var response = await Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith("/swagger/index.html", response.RequestMessage?.RequestUri?.AbsolutePath);
    }

    private async Task<JsonElement> GetSwaggerAsync()
    {
        var response = await Client.GetAsync("/swagger/v1/swagger.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    private static IEnumerable<(string Method, string Path, JsonElement Operation)> Operations(JsonElement document) =>
        document.GetProperty("paths").EnumerateObject().SelectMany(path => path.Value.EnumerateObject()
            .Where(op => HttpMethods.Contains(op.Name))
            .Select(op => (op.Name, path.Name, op.Value)));
}
