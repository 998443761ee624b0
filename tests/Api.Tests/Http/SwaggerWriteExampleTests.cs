using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Api.Tests.Fixtures;

namespace Api.Tests.Http;

/// <summary>
/// A newcomer presses "Try it out" on a POST in Swagger UI and executes the body it fills in: that body,
/// made of the examples in the OpenAPI document, must be a record the API accepts.
/// </summary>
public sealed class SwaggerWriteExampleTests(DbFixture db) : DatabaseTest(db, db.WriterClient())
{
    public override Task InitializeAsync() => Db.ResetAndSeedAsync();

    [Theory]
    [InlineData("/api/v1/meetings")]
    [InlineData("/api/v1/delegations")]
    [InlineData("/api/v1/agreements")]
    [InlineData("/api/v1/persons")]
    [InlineData("/api/v1/organizations")]
    [InlineData("/api/v1/sources")]
    [InlineData("/api/v1/topics")]
    public async Task The_example_body_of_each_post_is_accepted(string path)
    {
        var document = JsonDocument.Parse(await Client.GetStringAsync("/swagger/v1/swagger.json")).RootElement;
        var schema = document.GetProperty("paths").GetProperty(path).GetProperty("post")
            .GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema");

        var body = Example(schema, document.GetProperty("components").GetProperty("schemas"), path);
        var response = await Client.PostJsonAsync(path, body!.ToJsonString());

        Assert.True(response.StatusCode == HttpStatusCode.Created, $"POST {path} {body.ToJsonString()} → {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>The body Swagger UI builds: each property's example, objects and arrays composed from their parts.</summary>
    private static JsonNode? Example(JsonElement schema, JsonElement schemas, string where)
    {
        if (schema.TryGetProperty("$ref", out var reference))
            return Example(schemas.GetProperty(reference.GetString()!.Split('/')[^1]), schemas, where);
        if (schema.TryGetProperty("allOf", out var allOf))
            return Example(allOf[0], schemas, where);
        if (schema.TryGetProperty("example", out var example))
            return JsonNode.Parse(example.GetRawText());
        var type = schema.GetProperty("type").GetString();
        if (type == "array")
            return new JsonArray(Example(schema.GetProperty("items"), schemas, where + "[]"));
        Assert.True(type == "object", $"{where} has no example");
        var result = new JsonObject();
        foreach (var property in schema.GetProperty("properties").EnumerateObject())
            result[property.Name] = Example(property.Value, schemas, $"{where}.{property.Name}");
        return result;
    }
}
