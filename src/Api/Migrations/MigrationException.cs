namespace Api.Migrations;

/// <summary>A migration or seed problem the operator must fix; its message says what and where.</summary>
public sealed class MigrationException(string message, Exception? inner = null) : Exception(message, inner);
