namespace Api.Sources;

/// <summary>What a record rests on: a report, a statement, a page.</summary>
public sealed record SourceResponse : IVersioned
{
    /// <summary>The row's version, raised by every change; sent as the ETag, not in the body.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public long Version { get; init; }

    /// <summary>Stable id.</summary>
    public required Guid Id { get; init; }

    /// <summary>Title as published, in its own language.</summary>
    /// <example>وكيل «داخلية الوفاق» يبحث في نيامي تفعيل التعاون الأمني بين ليبيا والنيجر</example>
    public string? Title { get; init; }

    /// <summary>Who published it.</summary>
    public string? Publisher { get; init; }

    /// <summary>Absolute http(s) address, where known.</summary>
    public string? Url { get; init; }

    /// <summary>ISO 639-1 language code.</summary>
    /// <example>ar</example>
    public string? Language { get; init; }

    /// <summary>Publication date.</summary>
    /// <example>2019-01-29</example>
    public DateOnly? PublishedOn { get; init; }

    /// <summary>Where the text is kept when there is no URL (an archive or file reference).</summary>
    /// <example>shared/seeds/000_7ddc211bad6feb31.txt</example>
    public string? Reference { get; init; }

    /// <summary>What this source says or how it was used.</summary>
    public string? Notes { get; init; }
}

/// <summary>A source to create or replace. Give at least one of title, URL and reference.</summary>
public record SourceRequest
{
    /// <summary>Title as published, up to 500 characters.</summary>
    /// <example>Libya and Chad discuss border security</example>
    public string? Title { get; init; }

    /// <summary>Publisher, up to 200 characters.</summary>
    /// <example>Libya Observer</example>
    public string? Publisher { get; init; }

    /// <summary>Absolute http(s) URL, up to 2000 characters.</summary>
    /// <example>https://www.libyaobserver.ly/news/libya-and-chad-discuss-border-security</example>
    public string? Url { get; init; }

    /// <summary>ISO 639-1 language code in lower case, e.g. <c>ar</c>.</summary>
    /// <example>en</example>
    public string? Language { get; init; }

    /// <summary>Publication date (ISO 8601).</summary>
    /// <example>2019-03-13</example>
    public DateOnly? PublishedOn { get; init; }

    /// <summary>Archive or file reference when there is no URL, up to 500 characters.</summary>
    /// <example>null</example>
    public string? Reference { get; init; }

    /// <summary>Notes, up to 4000 characters.</summary>
    /// <example>null</example>
    public string? Notes { get; init; }
}
