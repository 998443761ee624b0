using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Api.Http.OpenApi;

/// <summary>
/// What a resource's controller says in its own documentation comment of the actions it inherits
/// (<see cref="RecordsController{TRequest,TResponse}"/> and <see cref="ListedRecordsController{TRequest,TResponse,TFilters,TOptions,TItem}"/>
/// declare them once for every resource): an element named for the action (<c>&lt;get&gt;</c>, <c>&lt;create&gt;</c>,
/// <c>&lt;list&gt;</c>) holds a <c>&lt;summary&gt;</c> that replaces the operation's summary and <c>&lt;remarks&gt;</c> that go
/// before its description; <c>&lt;id example="…"/&gt;</c> is the example of the id of each of the controller's
/// operations, so that "Try it out" finds a real record everywhere. Read from the XML documentation file Swashbuckle reads.
/// </summary>
public sealed partial class ControllerDocsFilter(string xmlPath) : IOperationFilter
{
    private readonly Lazy<Dictionary<string, XElement>> _controllers = new(() => XDocument.Load(xmlPath)
        .Descendants("member")
        .Where(m => ((string?)m.Attribute("name"))?.StartsWith("T:", StringComparison.Ordinal) == true)
        .ToDictionary(m => ((string)m.Attribute("name")!)[2..], StringComparer.Ordinal));

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (context.ApiDescription.ActionDescriptor is not ControllerActionDescriptor action
            || !_controllers.Value.TryGetValue(action.ControllerTypeInfo.FullName!, out var docs))
            return;
        if (action.MethodInfo.DeclaringType != action.ControllerTypeInfo.AsType() && docs.Element(action.ActionName.ToLowerInvariant()) is { } own)
        {
            if (Text(own.Element("summary")) is { } summary)
                operation.Summary = summary;
            if (Text(own.Element("remarks")) is { } remarks)
                operation.Description = operation.Description is null ? remarks : $"{remarks} {operation.Description}";
        }
        if ((string?)docs.Element("id")?.Attribute("example") is { } example)
        {
            foreach (var id in (operation.Parameters ?? []).OfType<OpenApiParameter>().Where(p => p is { Name: "id", Example: null }))
                id.Example = System.Text.Json.Nodes.JsonValue.Create(example);
        }
    }

    /// <summary>The element's text as Swashbuckle writes comments: <c>&lt;c&gt;</c> as code, white space folded.</summary>
    private static string? Text(XElement? element) => element is null
        ? null
        : Spaces().Replace(string.Concat(element.Nodes().Select(n => n is XElement { Name.LocalName: "c" } code ? $"`{code.Value}`" : n is XText t ? t.Value : "")), " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
