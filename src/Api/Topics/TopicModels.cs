namespace Api.Topics;

/// <summary>A topic of the controlled vocabulary.</summary>
public sealed record TopicResponse : IVersioned
{
    /// <summary>The row's version, raised by every change; sent as the ETag, not in the body.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public long Version { get; init; }

    /// <summary>Stable id.</summary>
    public required Guid Id { get; init; }

    /// <summary>Short code: lower-case words joined by hyphens.</summary>
    /// <example>border-security</example>
    public required string Code { get; init; }

    /// <summary>Label in English.</summary>
    /// <example>Border security</example>
    public required string LabelEn { get; init; }

    /// <summary>Label in Arabic.</summary>
    /// <example>أمن الحدود</example>
    public required string LabelAr { get; init; }
}

/// <summary>A topic to create or replace.</summary>
public record TopicRequest
{
    /// <summary>Short code: lower-case letters and digits, words joined by hyphens, up to 64 characters.</summary>
    /// <example>refugees</example>
    public string? Code { get; init; }

    /// <summary>Label in English, up to 200 characters.</summary>
    /// <example>Refugees</example>
    public string? LabelEn { get; init; }

    /// <summary>Label in Arabic, up to 200 characters.</summary>
    /// <example>اللاجئون</example>
    public string? LabelAr { get; init; }
}

/// <summary>Query of the topic list.</summary>
public sealed record TopicListQuery : ExportablePagedQuery
{
}
