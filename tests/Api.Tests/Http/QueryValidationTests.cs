using System.Net;
using System.Text.Json;
using Api.Tests.Fixtures;

namespace Api.Tests.Http;

/// <summary>Bad requests answer with the right status and a problem details body that names the field to fix.</summary>
public sealed class QueryValidationTests(DbFixture db) : DatabaseTest(db)
{
    // Stands for a fresh random id, which no record has.
    private const string Random = "{random}";

    [Theory]
    [InlineData(9 * 1024, 0, 0, 414)] // a request line over 8 KB
    [InlineData(0, 101, 10, 431)] // more than 100 headers
    [InlineData(0, 2, 17 * 1024, 431)] // headers of more than 32 KB in all
    public async Task Requests_over_the_documented_limits_get_problem_details_naming_the_limit(int queryBytes, int headers, int headerBytes, int status)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/meetings" + (queryBytes > 0 ? "?q=" + new string('a', queryBytes) : ""));
        for (var i = 0; i < headers; i++)
            request.Headers.Add($"X-Padding-{i}", new string('x', headerBytes));

        var response = await Client.SendAsync(request);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.JsonAsync();
        Assert.Equal(status, problem.GetProperty("status").GetInt32());
        Assert.Contains("the most this API accepts", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_request_within_the_limits_gets_the_api_s_own_answer()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/meetings?q=" + new string('a', 7 * 1024));
        for (var i = 0; i < 90; i++)
            request.Headers.Add($"X-Padding-{i}", "x");

        var response = await Client.SendAsync(request);

        // Not a 414 or 431: the query is read, and q is too long for a search.
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["q"], await response.ErrorFieldsAsync());
    }

    [Theory]
    [InlineData("/api/v1/meetings?limit=0", 400, "limit")]
    [InlineData("/api/v1/meetings?limit=501", 400, "limit")]
    [InlineData("/api/v1/meetings?limit=abc", 400, "limit")]
    [InlineData("/api/v1/meetings?from=2019-13-01", 400, "from")]
    [InlineData("/api/v1/meetings?to=yesterday", 400, "to")]
    [InlineData("/api/v1/meetings?from=2019-02-01&to=2019-01-01", 400, "to")]
    [InlineData("/api/v1/meetings?country=XXX", 400, "country")]
    [InlineData("/api/v1/meetings?country=12", 400, "country")]
    [InlineData("/api/v1/meetings?status=bogus", 400, "status")]
    [InlineData("/api/v1/meetings?cursor=not-a-cursor", 400, "cursor")]
    [InlineData("/api/v1/meetings/not-a-guid", 400, "id")]
    [InlineData("/api/v1/meetings/" + Random, 404, null)]
    [InlineData("/api/v1/meetings/" + Random + "/delegations", 404, null)]
    [InlineData("/api/v1/delegations?country=ZZZ", 400, "country")]
    [InlineData("/api/v1/delegations?meeting=nope", 400, "meeting")]
    [InlineData("/api/v1/delegations/" + Random, 404, null)]
    [InlineData("/api/v1/agreements?kind=nope", 400, "kind")]
    [InlineData("/api/v1/agreements?status=nope", 400, "status")]
    [InlineData("/api/v1/agreements?party=QQQ", 400, "party")]
    [InlineData("/api/v1/agreements/" + Random, 404, null)]
    [InlineData("/api/v1/persons/" + Random, 404, null)]
    [InlineData("/api/v1/persons/xyz", 400, "id")]
    [InlineData("/api/v1/countries/XX", 400, "code")]
    [InlineData("/api/v1/countries/ZZZ", 404, null)]
    [InlineData("/api/v1/countries?limit=0", 400, "limit")]
    [InlineData("/api/v1/meetings?countri=NER", 400, "countri")]
    [InlineData("/api/v1/countries/NER?lang=ar", 400, "lang")]
    [InlineData("/api/v1/organizations/xyz", 400, "id")]
    [InlineData("/api/v1/organizations/" + Random, 404, null)]
    [InlineData("/api/v1/sources/" + Random, 404, null)]
    [InlineData("/api/v1/topics/no-such-topic", 404, null)]
    [InlineData("/api/v1/topics?limit=0", 400, "limit")]
    [InlineData("/api/v1/meetings/" + Random + "?include=all", 400, "include")]
    [InlineData("/api/v1/countries?lang=ar", 400, "lang")]
    public async Task Bad_or_unknown_request_returns_problem_details_with_its_status_and_the_field_to_fix(string url, int status, string? field)
    {
        var response = await Client.GetAsync(url.Replace(Random, Guid.NewGuid().ToString()));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal((HttpStatusCode)status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal(status, problem.GetProperty("status").GetInt32());
        if (field is not null)
        {
            var errors = problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).ToList();
            Assert.Contains(field, errors);
        }
        Assert.DoesNotContain("   at ", body);
    }

    [Fact]
    public async Task Unknown_route_returns_404_problem_details()
    {
        var response = await Client.GetAsync("/api/v1/nothing");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(404, JsonDocument.Parse(body).RootElement.GetProperty("status").GetInt32());
        Assert.DoesNotContain("   at ", body);
    }

    [Fact]
    public async Task Limits_at_both_ends_of_the_documented_range_are_accepted()
    {
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync("/api/v1/meetings?limit=1")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync("/api/v1/meetings?limit=500")).StatusCode);
    }
}
