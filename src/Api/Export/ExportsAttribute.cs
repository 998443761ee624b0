namespace Api.Export;

/// <summary>Marks a list that can also be sent as these formats, so the OpenAPI document lists their media types.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ExportsAttribute(params string[] formats) : Attribute
{
    public IReadOnlyList<string> Formats { get; } = formats;
}
