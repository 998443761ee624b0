namespace Api.Http;

/// <summary>The <c>If-Match</c> of a request: <c>*</c>, or the entity tags it lists.</summary>
public sealed record IfMatch(bool Any, IReadOnlyList<string> Tags)
{
    public static IfMatch? From(HttpRequest request)
    {
        var values = request.Headers.IfMatch;
        if (values.Count == 0)
            return null;
        var tags = values.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).ToList();
        return new IfMatch(tags.Contains("*"), tags);
    }

    /// <summary>Strong comparison (RFC 9110): a weak tag never matches; <c>*</c> matches any version.</summary>
    public bool Matches(long version) => Any || Tags.Any(t => ETags.VersionOf(t) == version);
}
