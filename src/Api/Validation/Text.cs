namespace Api.Validation;

public static class Text
{
    /// <summary>camelCase for each segment of a FluentValidation property path: <c>Delegations[0].PersonId</c> → <c>delegations[0].personId</c>.</summary>
    public static string CamelCasePath(string path) =>
        string.Join('.', path.Split('.').Select(s => s.Length == 0 ? s : char.ToLowerInvariant(s[0]) + s[1..]));
}
