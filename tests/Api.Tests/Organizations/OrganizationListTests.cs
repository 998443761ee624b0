using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Api.Tests.Fixtures;
using static Api.Tests.Fixtures.ListPages;

namespace Api.Tests.Organizations;

/// <summary>The organisation list: search by English and Arabic name and abbreviation, the country and kind filters, sorts, paging and counts.</summary>
public sealed class OrganizationListTests(DbFixture db) : DatabaseTest(db, db.WriterClient())
{
    [Fact]
    public async Task Organizations_q_matches_English_and_Arabic_names_and_the_abbreviation_folded()
    {
        var ports = await CreateOrganizationAsync("General Administration for Ports Security", "الإدارة العامة لأمن المنافذ", null, "department", "LBY");
        var gna = await CreateOrganizationAsync("Government of National Accord", "حكومة الوفاق الوطني", "GNA", "government", "LBY");
        var iom = await CreateOrganizationAsync("International Organization for Migration", null, "IOM", "intergovernmental", null);
        var securite = await CreateOrganizationAsync("Direction de la Sécurité Publique", null, null, "department", "NER");

        Assert.Equal([ports], await Client.GetIdsAsync($"/api/v1/organizations?q={Q("الادارة العامة لامن المنافذ")}"));
        Assert.Equal([ports], await Client.GetIdsAsync($"/api/v1/organizations?q={Q("ports security")}"));
        Assert.Equal([gna], await Client.GetIdsAsync($"/api/v1/organizations?q={Q("gna")}"));
        Assert.Equal([gna], await Client.GetIdsAsync($"/api/v1/organizations?q={Q("الوفاق")}"));
        Assert.Equal([iom], await Client.GetIdsAsync($"/api/v1/organizations?q={Q("IOM")}"));
        Assert.Equal([securite], await Client.GetIdsAsync($"/api/v1/organizations?q={Q("securite publique")}"));
        Assert.Equal([securite], await Client.GetIdsAsync($"/api/v1/organizations?q={Q("SÉCURITÉ PUBLIQUE")}"));
        Assert.Empty(await Client.GetIdsAsync($"/api/v1/organizations?q={Q("coast guard")}"));
    }

    [Fact]
    public async Task Organizations_country_and_kind_keep_organisations_of_that_country_and_kind()
    {
        var made = await InsertVariedOrganizationsAsync();

        Assert.Equal(Expected(made.Where(o => o.Country == "LBY")), await Client.GetIdsAsync("/api/v1/organizations?country=lby"));
        Assert.Equal(Expected(made.Where(o => o.Kind == "ministry")), await Client.GetIdsAsync("/api/v1/organizations?kind=ministry"));
        Assert.Equal(Expected(made.Where(o => o.Kind == "ministry" && o.Country == "NER")),
            await Client.GetIdsAsync("/api/v1/organizations?kind=ministry&country=NER"));
        Assert.Empty(await Client.GetIdsAsync("/api/v1/organizations?country=FRA"));
        Assert.Equal(made.Count(o => o.Country == "LBY"), (await Client.GetPageAsync("/api/v1/organizations?country=LBY&count=exact&limit=1")).Total);
        Assert.Equal(made.Count(o => o.Kind == "embassy"), (await Client.GetPageAsync("/api/v1/organizations?kind=embassy&count=exact")).Total);
    }

    [Fact]
    public async Task Organizations_q_combines_with_country_and_kind_best_match_first()
    {
        var libya = await CreateOrganizationAsync("Ministry of Interior", "وزارة الداخلية", null, "ministry", "LBY");
        var niger = await CreateOrganizationAsync("Ministry of Interior, Public Security and Decentralisation", null, null, "ministry", "NER");
        await CreateOrganizationAsync("Ministry of Interior", null, null, "ministry", "TCD");
        await CreateOrganizationAsync("Interior Security Department", null, null, "department", "LBY");

        Assert.Equal([libya], await Client.GetIdsAsync($"/api/v1/organizations?q={Q("ministry of interior")}&country=LBY&kind=ministry"));
        Assert.Equal([niger], await Client.GetIdsAsync($"/api/v1/organizations?q={Q("interior public security")}&country=NER"));
        Assert.Equal(3, (await Client.GetPageAsync($"/api/v1/organizations?q={Q("ministry of interior")}&count=exact")).Total);
    }

    [Theory]
    [InlineData("organizations", "country=XXX", "country")]
    [InlineData("organizations", "kind=club", "kind")]
    [InlineData("organizations", "q=%D8%A7", "q")]
    [InlineData("organizations", "sort=title", "sort")]
    [InlineData("organizations", "sort=-relevance", "sort")]
    [InlineData("organizations", "count=approximately", "count")]
    [InlineData("organizations", "cursor=xyz", "cursor")]
    public async Task A_bad_parameter_is_refused_with_400_naming_it(string resource, string query, string field)
    {
        await Client.AssertBadRequestAsync($"/api/v1/{resource}?{query}", field);
    }

    [Theory]
    [InlineData("organizations")]
    public async Task Q_longer_than_200_characters_is_refused(string resource)
    {
        await Client.AssertBadRequestAsync($"/api/v1/{resource}?q={new string('x', 201)}", "q");
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync($"/api/v1/{resource}?q={new string('x', 200)}")).StatusCode);
    }

    [Theory]
    [InlineData("organizations")]
    public async Task A_cursor_is_refused_with_another_sort(string resource)
    {
        await Db.ResetAndSeedAsync();
        var page = await Client.GetPageAsync($"/api/v1/{resource}?limit=1");

        await Client.AssertBadRequestAsync($"/api/v1/{resource}?sort=-name&cursor={Q(page.NextCursor!)}", "cursor");
        await Client.AssertBadRequestAsync($"/api/v1/{resource}?q=interior&cursor={Q(page.NextCursor!)}", "cursor");
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync($"/api/v1/{resource}?sort=name&cursor={Q(page.NextCursor!)}")).StatusCode);
    }

    [Theory]
    [InlineData("", 1)]
    [InlineData("name", 2)]
    [InlineData("-name", 4)]
    public async Task Organizations_page_by_name_every_organisation_once(string sort, int limit)
    {
        var made = await InsertVariedOrganizationsAsync();
        var expected = Expected(made);
        if (sort.StartsWith('-'))
            expected.Reverse();

        var paged = await Client.GetAllPagesAsync("/api/v1/organizations" + (sort.Length == 0 ? "" : "?sort=" + sort), limit);

        Assert.Equal(expected, paged);
        Assert.Equal(made.Count, (await Client.GetPageAsync("/api/v1/organizations?count=exact")).Total);
    }

    [Fact]
    public async Task Organizations_page_a_search_by_relevance_every_match_once()
    {
        var made = await InsertVariedOrganizationsAsync();

        var all = await Client.GetIdsAsync($"/api/v1/organizations?q={Q("ministry of interior")}&limit=500");
        var paged = await Client.GetAllPagesAsync($"/api/v1/organizations?q={Q("ministry of interior")}", 2);
        var byName = await Client.GetAllPagesAsync($"/api/v1/organizations?q={Q("ministry of interior")}&sort=-name,relevance", 3);
        // Both ministries of defence score 0.5714286, which a float8 cannot hold exactly; a page ends between them.
        var ascending = await Client.GetAllPagesAsync($"/api/v1/organizations?q={Q("ministry of interior")}&sort=relevance", 1);

        // "Ministry of Defence" is near enough too.
        Assert.Equal(made.Where(o => o.Name.StartsWith("Ministry of")).Select(o => o.Id).ToHashSet(), all.ToHashSet());
        Assert.Equal(all, paged);
        Assert.Equal(all.ToHashSet(), byName.ToHashSet());
        Assert.Equal(all.Count, byName.Count);
        Assert.Equal(Enumerable.Reverse(all), ascending);
    }

    [Fact]
    public async Task Organizations_items_carry_the_fields_of_the_list_and_the_parent_id()
    {
        var parent = await CreateOrganizationAsync("Ministry of Interior", "وزارة الداخلية", null, "ministry", "NER");
        var child = await CreateOrganizationAsync("Directorate of Border Police", null, "DBP", "department", "NER", parent);

        var item = (await Client.GetPageAsync("/api/v1/organizations?kind=department")).Items.Single();

        Assert.Equal(["id", "nameEn", "nameAr", "abbreviation", "kind", "countryCode", "parentId"], item.EnumerateObject().Select(p => p.Name));
        Assert.Equal(child, item.GetProperty("id").GetGuid());
        Assert.Equal("DBP", item.GetProperty("abbreviation").GetString());
        Assert.Equal(JsonValueKind.Null, item.GetProperty("nameAr").ValueKind);
        Assert.Equal(parent, item.GetProperty("parentId").GetGuid());
    }

    // ---- helpers ----

    private async Task<Guid> CreateOrganizationAsync(string? nameEn, string? nameAr, string? abbreviation, string kind, string? country, Guid? parentId = null)
    {
        var body = new JsonObject
        {
            ["nameEn"] = nameEn, ["nameAr"] = nameAr, ["abbreviation"] = abbreviation, ["kind"] = kind, ["countryCode"] = country,
            ["parentId"] = parentId,
        };
        var response = await Client.PostJsonAsync("/api/v1/organizations", body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"POST organization: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.JsonAsync()).GetProperty("id").GetGuid();
    }

    private sealed record Organization(Guid Id, string Name, string Kind, string? Country);

    private async Task<List<Organization>> InsertVariedOrganizationsAsync()
    {
        var made = new List<Organization>();
        foreach (var (en, ar, kind, country) in new (string?, string?, string, string?)[]
                 {
                     ("Ministry of Interior", "وزارة الداخلية", "ministry", "LBY"), ("Ministry of Interior", null, "ministry", "NER"),
                     ("Ministry of Interior", null, "ministry", "TCD"), ("Embassy of Libya to Niger", null, "embassy", "LBY"),
                     (null, "سفارة النيجر لدى ليبيا", "embassy", "NER"), ("International Organization for Migration", null, "intergovernmental", null),
                     ("Ministry of Defence", null, "ministry", "LBY"), (null, "الفريق الوطني لإدارة الحدود", "team", "LBY"),
                     ("Ministry of Interior", null, "ministry", "LBY"), ("Ministry of Defence", null, "ministry", "NER"),
                 })
            made.Add(new Organization(await CreateOrganizationAsync(en, ar, null, kind, country), (en ?? ar)!, kind, country));
        return made;
    }

    private static List<Guid> Expected(IEnumerable<Organization> made) =>
        made.OrderBy(o => o.Name, TextOrder).ThenBy(o => Key(o.Id), TextOrder).Select(o => o.Id).ToList();
}
