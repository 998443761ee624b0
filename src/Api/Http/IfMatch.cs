using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Api.Http;

/// <summary>The <c>If-Match</c> of a request: <c>*</c>, or the entity tags it lists.</summary>
/// <remarks>
/// Actions take it as <c>[FromHeader(Name = "If-Match")] IfMatch ifMatch</c>; <see cref="Binder"/> reads every
/// If-Match line of the request, so a blank one binds to no tags (and the write answers 412, as for a stale tag).
/// </remarks>
[ModelBinder<Binder>]
public sealed record IfMatch(bool Any, IReadOnlyList<string> Tags)
{
    /// <summary>The header's values: each one or more comma-separated entity tags, or <c>*</c>.</summary>
    public static IfMatch Parse(IEnumerable<string?> values)
    {
        var tags = values.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).ToList();
        return new IfMatch(tags.Contains("*"), tags);
    }

    /// <summary>
    /// Strong comparison (RFC 9110) with the record's current tag, character by character: a weak tag never matches,
    /// nor one of the same version whose digest differs (a name the record shows has changed since); <c>*</c> matches any.
    /// </summary>
    public bool Matches(string tag) => Any || Tags.Contains(tag, StringComparer.Ordinal);

    /// <summary>Binds the request's If-Match lines; whether there must be one is <see cref="RequireIfMatchFilter"/>'s to say.</summary>
    public sealed class Binder : IModelBinder
    {
        public Task BindModelAsync(ModelBindingContext bindingContext)
        {
            bindingContext.Result = ModelBindingResult.Success(Parse(bindingContext.HttpContext.Request.Headers.IfMatch));
            return Task.CompletedTask;
        }
    }
}
