using Api.Data;
using Api.Data.Lists;
using Npgsql;

namespace Api.Search;

/// <summary>
/// How q matches the folded search documents of meetings and agreements (<c>meeting_search</c>,
/// <c>agreement_search</c>, aliased <c>s</c>) and how matches are ranked. The SQL reads q as <c>@q</c> and whether
/// it is matched by similar words as <c>@fuzzy</c>.
/// </summary>
public static class TextSearch
{
    /// <summary>A LIKE pattern matching q, folded, anywhere; LIKE's own wildcards in q are taken literally.</summary>
    private const string LikePattern = """'%' || replace(replace(replace(fold(@q), '\', '\\'), '%', '\%'), '_', '\_') || '%'""";

    /// <summary>
    /// Adds the search to a list's filter, with <c>@q</c> and <c>@fuzzy</c> (which <see cref="Relevance"/> reads too).
    /// Exact (<paramref name="similarWords"/> null): every folded character of q, in order, somewhere in the
    /// document (the trigram index finds the documents holding all of q's trigrams). Otherwise, for every word of q,
    /// one of the words like it somewhere in the document, through the same index.
    /// </summary>
    public static void AddTo(FilterBuilder filter, string q, IReadOnlyList<string[]>? similarWords)
    {
        filter.Parameters.Add("q", q.Trim());
        filter.Parameters.Add("fuzzy", similarWords is not null);
        if (similarWords is null)
        {
            filter.Add($"s.document LIKE {LikePattern}");
            return;
        }
        if (similarWords.Count == 0 || similarWords.Any(words => words.Length == 0))
        {
            filter.Add("false");
            return;
        }
        for (var i = 0; i < similarWords.Count; i++)
            filter.Add($"s.document LIKE ANY (@similar{i})", $"similar{i}", similarWords[i].Select(w => "%" + EscapeLike(w) + "%").ToArray());
    }

    /// <summary>
    /// Best first. Exact matches: a match in the title ranks above a match elsewhere (1 + how alike title and q
    /// are, against 1), read from the short folded title rather than the long document, so ranking many
    /// thousands of matches stays cheap. Matches by similar words: how alike q and the closest stretch of the
    /// title are (0 to 1). A real: a keyset cursor compares it as one.
    /// </summary>
    public const string Relevance = $"""
        (CASE WHEN @fuzzy THEN word_similarity(fold(@q), s.title)
              WHEN s.title LIKE {LikePattern} THEN 1 + similarity(fold(@q), s.title)
              ELSE 1 END)::real
        """;

    /// <summary>
    /// Null when some document of <paramref name="table"/> holds q as written (after folding): the search then
    /// matches exactly, and a common name costs what its matches cost. Otherwise, for each word of q, the words of
    /// the documents most like it (<c>search_words</c>, by trigram similarity; a word under three characters
    /// stands for itself); an empty list for a word that nothing resembles.
    /// </summary>
    public static async Task<IReadOnlyList<string[]>?> SimilarWordsAsync(DbSession db, SearchTable table, string q)
    {
        var name = table == SearchTable.Meetings ? "meeting_search" : "agreement_search";
        var exactSql = $"SELECT EXISTS (SELECT 1 FROM {name} s WHERE s.document LIKE {LikePattern})";
        if (await db.ScalarAsync<bool>(exactSql, new { q = q.Trim() }))
            return null;

        // The five most similar words of each word of q.
        const string similarSql = """
            SELECT CASE WHEN length(q.word) < 3 THEN ARRAY[q.word]
                        ELSE ARRAY(SELECT sw.word FROM search_words sw
                                   WHERE sw.word % q.word
                                   ORDER BY similarity(sw.word, q.word) DESC, sw.word
                                   LIMIT 5) END
            FROM (SELECT DISTINCT w AS word FROM regexp_split_to_table(fold($1), '[^[:alnum:]]+') w WHERE w <> '') q
            ORDER BY q.word
            """;
        // One text[] per word of q, read straight from the reader.
        await using var command = new NpgsqlCommand(similarSql, db.Connection) { Parameters = { new() { Value = q.Trim() } } };
        await using var reader = await command.ExecuteReaderAsync(db.CancellationToken);
        var words = new List<string[]>();
        while (await reader.ReadAsync(db.CancellationToken))
            words.Add(reader.GetFieldValue<string[]>(0));
        return words;
    }

    private static string EscapeLike(string word) => word.Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_");
}
