namespace Api.Records;

/// <summary>An id a document refers to: the field that holds it and the resource it must name.</summary>
public sealed record Reference(string Field, string Resource, Guid Id);
