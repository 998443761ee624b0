using System.Text.Json;
using System.Text.Json.Serialization;
using Api.Agreements;
using Api.Meetings;
using Api.Organizations;
using Api.Persons;
using Api.Sources;
using Api.Topics;

namespace Api.Migrations;

/// <summary>
/// One seed file: the records drawn from one source report. Each record is the body the API accepts
/// for that resource plus a <c>key</c>, from which its stable id is made. A reference to another seed
/// record is written <c>"kind:key"</c> (<c>"person:khaled-mazen"</c>) wherever the API takes an id.
/// </summary>
public sealed record SeedFile
{
    public IReadOnlyList<TopicRequest> Topics { get; init; } = [];
    public IReadOnlyList<SeedSource> Sources { get; init; } = [];
    public IReadOnlyList<SeedOrganization> Organizations { get; init; } = [];
    public IReadOnlyList<SeedPerson> Persons { get; init; } = [];
    public IReadOnlyList<SeedMeeting> Meetings { get; init; } = [];
    public IReadOnlyList<SeedAgreement> Agreements { get; init; } = [];

    /// <summary>The sections, or records within them, written as JSON null.</summary>
    public IEnumerable<string> NullSections()
    {
        (string Name, System.Collections.IEnumerable? Items)[] sections =
            [("topics", Topics), ("sources", Sources), ("organizations", Organizations), ("persons", Persons), ("meetings", Meetings), ("agreements", Agreements)];
        foreach (var (name, items) in sections)
        {
            if (items is null)
            {
                yield return name;
                continue;
            }
            var i = 0;
            foreach (var item in items)
            {
                if (item is null)
                    yield return $"{name}[{i}]";
                i++;
            }
        }
    }

    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        Converters = { new SeedReferenceConverter() },
    };
}

public interface ISeedRecord
{
    string? Key { get; }
}

public sealed record SeedSource : SourceRequest, ISeedRecord
{
    public string? Key { get; init; }
}

public sealed record SeedOrganization : OrganizationRequest, ISeedRecord
{
    public string? Key { get; init; }
}

public sealed record SeedPerson : PersonRequest, ISeedRecord
{
    public string? Key { get; init; }
}

public sealed record SeedMeeting : MeetingRequest, ISeedRecord
{
    public string? Key { get; init; }

    /// <summary>
    /// The meeting with the ids its delegations take when they are new, so that every environment gets the same ones:
    /// each comes from the meeting's key and whom the delegation represents in which role.
    /// </summary>
    public SeedMeeting WithDelegationIds() => this with
    {
        Delegations = Delegations.Select(d => d with { NewId = StableId.For(SeedKinds.Delegation, $"{Key}/{MeetingStore.DelegationKey(d)}") }).ToList(),
    };
}

public sealed record SeedAgreement : AgreementRequest, ISeedRecord
{
    public string? Key { get; init; }
}

/// <summary>The kinds of seed record, as written before the colon of a reference.</summary>
public static class SeedKinds
{
    public const string Topic = "topic";
    public const string Source = "source";
    public const string Organization = "organization";
    public const string Person = "person";
    public const string Meeting = "meeting";
    public const string Agreement = "agreement";
    public const string Delegation = "delegation";

    public static readonly string[] Referable = [Topic, Source, Organization, Person, Meeting, Agreement];
}

/// <summary>Reads an id either as a UUID or as a <c>"kind:key"</c> reference to a seed record.</summary>
public sealed class SeedReferenceConverter : JsonConverter<Guid>
{
    // What each id was written as, so that an error about a reference can quote the seed file's own words.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Guid, string> Written = new();

    /// <summary>The reference as a seed file wrote it (<c>'person:khaled-mazen'</c>), or the id.</summary>
    public static string Describe(Guid id) => Written.TryGetValue(id, out var text) ? $"'{text}'" : id.ToString();

    public override Guid Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString();
        if (Guid.TryParse(text, out var id))
            return id;
        var colon = text?.IndexOf(':') ?? -1;
        if (colon > 0 && colon < text!.Length - 1 && SeedKinds.Referable.Contains(text[..colon]))
        {
            var reference = StableId.For(text[..colon], text[(colon + 1)..]);
            Written.TryAdd(reference, text);
            return reference;
        }
        throw new JsonException($"'{text}' is neither a UUID nor a reference of the form kind:key with kind one of {string.Join(", ", SeedKinds.Referable)}.");
    }

    public override void Write(Utf8JsonWriter writer, Guid value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}
