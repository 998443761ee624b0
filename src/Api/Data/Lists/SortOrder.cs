using System.Globalization;
using System.Text.Json;
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

    /// <summary>
    /// The condition for rows after the cursor's row, with its values as parameters; from key <paramref name="first"/>
    /// on, for rows known to equal the cursor's row in the keys before it. With the first key's bound repeated on its
    /// own: a row comparison over columns of two tables (a delegation sorted by its meeting's date) is not something
    /// an index can seek to, this bound is.
    /// </summary>
    public string After(SortCursor cursor, string idColumn, DynamicParameters parameters, int first = 0)
    {
        var keys = Keys.Skip(first).ToList();
        for (var i = first; i < Keys.Count; i++)
            parameters.Add($"after{i}", cursor.Values[i]);
        parameters.Add("afterId", cursor.Id);
        var value = (int i) => $"@after{first + i}::{keys[i].Field.SqlType}";
        var idAfter = $"{idColumn} {(IdDescending ? "<" : ">")} @afterId";
        if (keys.Count == 0)
            return idAfter;
        var bound = $"{keys[0].Field.Sql} {(keys[0].Descending ? "<=" : ">=")} {value(0)}";
        // One direction throughout: a row comparison, which an index on the same columns seeks to directly.
        if (keys.All(k => k.Descending == IdDescending))
        {
            var columns = string.Join(", ", keys.Select(k => k.Field.Sql).Append(idColumn));
            var values = string.Join(", ", keys.Select((_, i) => value(i)).Append("@afterId"));
            return $"({columns}) {(IdDescending ? "<" : ">")} ({values})\n  AND {bound}";
        }
        // Mixed directions: "after" field by field; the first field bounds the scan.
        var alternatives = new List<string>();
        for (var i = 0; i <= keys.Count; i++)
        {
            var equal = keys.Take(i).Select((k, j) => $"{k.Field.Sql} = {value(j)}");
            var beyond = i < keys.Count ? $"{keys[i].Field.Sql} {(keys[i].Descending ? "<" : ">")} {value(i)}" : idAfter;
            alternatives.Add("(" + string.Join(" AND ", equal.Append(beyond)) + ")");
        }
        return $"{bound} AND ({string.Join(" OR ", alternatives)})";
    }

    /// <summary>The same order with the first key's SQL replaced (the SQL of one of its <see cref="SortTiers"/>).</summary>
    public SortOrder WithLeadingSql(string sql) =>
        this with { Keys = [(Keys[0].Field with { Sql = sql, Tiers = null }, Keys[0].Descending), .. Keys.Skip(1)] };

    /// <summary>The sort values of each row typed, selected as <c>key0</c>, … and <c>key_id</c>, to order rows read apart by.</summary>
    public string SelectKeys(string idColumn) =>
        string.Join(", ", Keys.Select((k, i) => $"{k.Field.Sql} AS key{i}").Append($"{idColumn} AS key_id"));

    /// <summary>The order over the columns of <see cref="SelectKeys"/>.</summary>
    public string OrderByKeys =>
        string.Join(", ", Keys.Select((k, i) => $"key{i} {(k.Descending ? "DESC" : "ASC")}").Append($"key_id {(IdDescending ? "DESC" : "ASC")}"));

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
            return values is { Length: > 0 } && values[0] == Text && values.Length == Keys.Count + 1
                   && values.Skip(1).Select((v, i) => v is not null && IsValue(v, Keys[i].Field.SqlType)).All(ok => ok)
                ? new SortCursor(values[1..]!, decoded.Id)
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Whether a cursor's value reads as its field's SQL type (a cursor altered by hand is refused, not cast).</summary>
    private static bool IsValue(string value, string sqlType) => sqlType switch
    {
        "real" => double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _),
        "date" => value is "infinity" or "-infinity" || DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
        _ => true,
    };
}

public sealed record SortCursor(string[] Values, Guid Id);
