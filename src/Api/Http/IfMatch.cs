namespace Api.Http;

/// <summary>The <c>If-Match</c> of a request: <c>*</c>, or the entity tags it lists.</summary>
/// <remarks>Actions take it as <c>[FromHeader(Name = "If-Match")] IfMatch ifMatch</c>; MVC binds it through <see cref="TryParse"/>.</remarks>
public sealed record IfMatch(bool Any, IReadOnlyList<string> Tags)
{
    /// <summary>The header's value: one or more comma-separated entity tags, or <c>*</c>.</summary>
    public static bool TryParse(string? value, out IfMatch ifMatch)
    {
        var tags = (value ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();
        ifMatch = new IfMatch(tags.Contains("*"), tags);
        return true;
    }

    /// <summary>Strong comparison (RFC 9110): a weak tag never matches; <c>*</c> matches any version.</summary>
    public bool Matches(long version) => Any || Tags.Any(t => ETags.VersionOf(t) == version);
}
