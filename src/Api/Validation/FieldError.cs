namespace Api.Validation;

/// <summary>A problem with one field of a request.</summary>
public sealed record FieldError(string Field, string Message);
