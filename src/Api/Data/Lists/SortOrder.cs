using System.Text.Json;
using Api.Records;
using Dapper;

namespace Api.Data.Lists;

/// <summary>
/// A parsed <c>sort=-startDate,title</c>: up to three fields from a fixed list, each ascending or (with
/// <c>-</c>) descending, then the id in the direction of the last field, so every order is total and can
/// be paged by keyset. The cursor carries the sort it was made for and the last row's values.
/// </summary>
public sealed record SortOrder(string Text, IReadOnlyList<(SortField Field, bool Descending)> Keys)
{
    public const int MaxFields = 3;

    public static bool TryParse(string text, IReadOnlyDictionary<string, SortField> fields, out SortOrder? order)
    {
        order = null;
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length is 0 or > MaxFields)
            return false;
        var keys = new List<(SortField, bool)>();
        foreach (var part in parts)
        {
            var descending = part.StartsWith('-');
            if (!fields.TryGetValue(descending ? part[1..] : part, out var field) || keys.Any(k => k.Item1 == field))
                return false;
            keys.Add((field, descending));
        }
        order = new SortOrder(text, keys);
        return true;
    }

    /// <summary>An order this code spells out itself (a list's default), which must be valid.</summary>
    public static SortOrder Parse(string text, IReadOnlyDictionary<string, SortField> fields) =>
        TryParse(text, fields, out var order) ? order! : throw new ArgumentException($"'{text}' is not a valid sort order.", nameof(text));

    private bool IdDescending => Keys[^1].Descending;

    /// <summary>The sort values of each row, selected as <c>sort0</c>, <c>sort1</c>, … for the cursor.</summary>
    public string SelectColumns => string.Join(", ", Keys.Select((k, i) => $"({k.Field.Sql})::text AS sort{i}"));

    public string OrderBy(string idColumn) =>
        string.Join(", ", Keys.Select(k => $"{k.Field.Sql} {(k.Descending ? "DESC" : "ASC")}").Append($"{idColumn} {(IdDescending ? "DESC" : "ASC")}"));

    /// <summary>The condition for rows after the cursor's row, with its values as parameters.</summary>
    public string After(SortCursor cursor, string idColumn, DynamicParameters parameters)
    {
        for (var i = 0; i < Keys.Count; i++)
            parameters.Add($"after{i}", cursor.Values[i]);
        parameters.Add("afterId", cursor.Id);
        var value = (int i) => $"@after{i}::{Keys[i].Field.SqlType}";
        // One direction throughout: a row comparison, which an index on the same columns seeks to directly.
        if (Keys.All(k => k.Descending == IdDescending))
        {
            var columns = string.Join(", ", Keys.Select(k => k.Field.Sql).Append(idColumn));
            var values = string.Join(", ", Keys.Select((_, i) => value(i)).Append("@afterId"));
            return $"({columns}) {(IdDescending ? "<" : ">")} ({values})";
        }
        // Mixed directions: "after" field by field; the first field bounds the scan.
        var alternatives = new List<string>();
        for (var i = 0; i <= Keys.Count; i++)
        {
            var equal = Keys.Take(i).Select((k, j) => $"{k.Field.Sql} = {value(j)}");
            var beyond = i < Keys.Count
                ? $"{Keys[i].Field.Sql} {(Keys[i].Descending ? "<" : ">")} {value(i)}"
                : $"{idColumn} {(IdDescending ? "<" : ">")} @afterId";
            alternatives.Add("(" + string.Join(" AND ", equal.Append(beyond)) + ")");
        }
        return $"{Keys[0].Field.Sql} {(Keys[0].Descending ? "<=" : ">=")} {value(0)} AND ({string.Join(" OR ", alternatives)})";
    }

    public Cursor CursorFor(SortValues values, Guid id) =>
        new(JsonSerializer.Serialize(new[] { Text }.Concat(values.All.Take(Keys.Count)), Documents.Options), id);

    /// <summary>The cursor's values, when it was made for this sort order.</summary>
    public SortCursor? Read(string? cursor)
    {
        if (!Cursor.TryDecode(cursor, out var decoded) || decoded!.Key is null)
            return null;
        try
        {
            var values = JsonSerializer.Deserialize<string?[]>(decoded.Key);
            return values is { Length: > 0 } && values[0] == Text && values.Length == Keys.Count + 1 && values.Skip(1).All(v => v is not null)
                ? new SortCursor(values[1..]!, decoded.Id)
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

public sealed record SortCursor(string[] Values, Guid Id);
