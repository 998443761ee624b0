using System.Text.Json.Nodes;

namespace Api.Tests.Fixtures;

/// <summary>Valid request bodies that refer to the seed records; each call gives a fresh copy a test may change.</summary>
public static class Bodies
{
    public const string Mazen = "dfdb5335-b64f-5b2f-bc76-e729d9147d25";
    public const string Bazoum = "92a6f642-cd11-5f44-8d88-2f382b64fc57";
    public const string Bashagha = "11250c96-caed-53ce-a921-95ca5dff3f89";
    public const string NigerInterior = "07db9fc8-2af8-5a27-a36f-cca14854f524";
    public const string PortsSecurity = "2a36b663-fc25-5f72-8ab2-f37e1a5b656f";
    public const string BorderSecurity = "cc4055c1-4eb8-5c7d-bc07-c5b351f2428b";
    public const string SeedSource = "a43d93d1-57ec-5b1b-bbf0-6aecf8e6c5d5";
    public const string NiameyMeeting = "8993f035-d477-55a1-abb3-4b6776339b59";
    public const string Roundtable = "20a8c403-ace2-5fc9-974f-b22d2417f51e";
    public const string GuestDelegation = "ac36b88e-d64b-5762-88c5-4348e3de0eab";
    public const string Invitation = "12523f50-4a36-5fed-8f9c-e64d79b41ab1";

    /// <summary>A follow-up meeting in N'Djamena with a host and a guest delegation.</summary>
    public static JsonObject Meeting() => new()
    {
        ["titleEn"] = "Chad and Libya discuss border security in N'Djamena",
        ["titleAr"] = "تشاد وليبيا تبحثان أمن الحدود في انجامينا",
        ["summaryEn"] = "Follow-up of the Niamey talks.",
        ["startDate"] = "2019-03-12",
        ["startDatePrecision"] = "day",
        ["status"] = "held",
        ["format"] = "bilateral",
        ["cityEn"] = "N'Djamena",
        ["cityAr"] = "انجامينا",
        ["countryCode"] = "TCD",
        ["latitude"] = 12.1348,
        ["longitude"] = 15.0557,
        ["hostCountryCode"] = "TCD",
        ["topicIds"] = new JsonArray(BorderSecurity),
        ["sourceIds"] = new JsonArray(SeedSource),
        ["delegations"] = new JsonArray(
            new JsonObject { ["role"] = "host", ["countryCode"] = "TCD", ["members"] = new JsonArray() },
            new JsonObject
            {
                ["role"] = "guest",
                ["countryCode"] = "LBY",
                ["members"] = new JsonArray(
                    new JsonObject { ["personId"] = Mazen, ["isHead"] = true, ["titleEn"] = "Undersecretary of the Ministry of Interior", ["rankEn"] = "Brigadier" },
                    new JsonObject { ["personId"] = Bashagha, ["titleAr"] = "المفوض بوزارة الداخلية" }),
            }),
    };

    public static JsonObject Person() => new()
    {
        ["nameEn"] = "Mahamat Ismail Chaibo",
        ["nameAr"] = "محمد إسماعيل شايبو",
        ["aliases"] = new JsonArray(new JsonObject { ["alias"] = "Mahamat Chaibo", ["language"] = "en" }),
    };

    public static JsonObject Organization() => new()
    {
        ["nameEn"] = "Directorate of Border Police",
        ["kind"] = "department",
        ["countryCode"] = "NER",
        ["parentId"] = NigerInterior,
    };

    public static JsonObject Source() => new()
    {
        ["title"] = "Libya and Chad discuss border security",
        ["publisher"] = "Libya Observer",
        ["url"] = $"https://www.libyaobserver.ly/news/{Guid.NewGuid():N}",
        ["language"] = "en",
        ["publishedOn"] = "2019-03-13",
    };

    public static JsonObject Topic() => new() { ["code"] = "refugees", ["labelEn"] = "Refugees", ["labelAr"] = "اللاجئون" };

    public static JsonObject Agreement() => new()
    {
        ["titleEn"] = "Joint border patrols between Chad and Libya",
        ["kind"] = "commitment",
        ["status"] = "agreed",
        ["date"] = "2019-03-01",
        ["datePrecision"] = "month",
        ["parties"] = new JsonArray(
            new JsonObject { ["role"] = "party", ["countryCode"] = "TCD" },
            new JsonObject { ["role"] = "party", ["countryCode"] = "LBY", ["personId"] = Mazen }),
        ["meetings"] = new JsonArray(new JsonObject { ["meetingId"] = NiameyMeeting, ["linkKind"] = "referenced_at" }),
        ["sourceIds"] = new JsonArray(SeedSource),
    };
}
