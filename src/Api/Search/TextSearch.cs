using Dapper;
using Npgsql;

namespace Api.Search;

/// <summary>
/// How q matches the folded search documents of meetings and agreements (<c>meeting_search</c>,
/// <c>agreement_search</c>, aliased <c>s</c>) and how matches are ranked. The SQL reads q as <c>@q</c> and the
/// mode as <c>@fuzzy</c>.
/// </summary>
public static class TextSearch
{
    /// <summary>A LIKE pattern matching q, folded, anywhere; LIKE's own wildcards in q are taken literally.</summary>
    private const string LikePattern = """'%' || replace(replace(replace(fold(@q), '\', '\\'), '%', '\%'), '_', '\_') || '%'""";

    /// <summary>
    /// Exact: every folded character of q, in order, somewhere in the document (the trigram index finds the
    /// documents holding all of q's trigrams). Fuzzy, used only when nothing matches exactly: a stretch of the
    /// document at least half alike (word similarity), for misspellings.
    /// </summary>
    public static string Match(bool fuzzy) => fuzzy ? "fold(@q) <% s.document" : $"s.document LIKE {LikePattern}";

    /// <summary>
    /// Best first. Exact matches: a match in the title ranks above a match elsewhere (1 + how alike title and q
    /// are, against 1), read from the short folded title rather than the long document, so ranking many
    /// thousands of matches stays cheap. Fuzzy matches: how alike q and the closest stretch of the document
    /// are (0.5 to 1). A real: a keyset cursor compares it as one.
    /// </summary>
    public const string Relevance = $"""
        (CASE WHEN @fuzzy THEN word_similarity(fold(@q), s.document)
              WHEN s.title LIKE {LikePattern} THEN 1 + similarity(fold(@q), s.title)
              ELSE 1 END)::real
        """;

    /// <summary>
    /// Whether any document of <paramref name="table"/> (one of the two search tables) holds q exactly. When one
    /// does, the search matches exactly: a common name then costs what its exact matches cost, not a similarity
    /// check of every document sharing a trigram with it.
    /// </summary>
    public static async Task<bool> FuzzyAsync(NpgsqlConnection connection, SearchTable table, string q, CancellationToken cancellationToken)
    {
        var name = table == SearchTable.Meetings ? "meeting_search" : "agreement_search";
        var sql = $"SELECT EXISTS (SELECT 1 FROM {name} s WHERE {Match(fuzzy: false)})";
        var exact = await connection.ExecuteScalarAsync<bool>(new CommandDefinition(sql, new { q = q.Trim() }, cancellationToken: cancellationToken));
        return !exact;
    }
}

public enum SearchTable { Meetings, Agreements }
