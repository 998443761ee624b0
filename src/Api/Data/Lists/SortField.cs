namespace Api.Data.Lists;

/// <summary>A field a list can be sorted by: its name in <c>sort=</c>, its SQL (never null) and SQL type.</summary>
public sealed record SortField(string Name, string Sql, string SqlType);
