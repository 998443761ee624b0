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
    /// Adds the search to a list's filter, with <c>@q</c>, <c>@fuzzy</c> and <c>@titlePatterns</c> (which <see cref="Relevance"/> reads too).
    /// As written (no similar words in <paramref name="match"/>): every folded character of q, in order, somewhere in
    /// the document (the trigram index finds the documents holding all of q's trigrams). Otherwise, for every word of
    /// q, one of the words like it somewhere in the document, through the same index.
    /// </summary>
    public static void AddTo(FilterBuilder filter, string q, SearchMatch match)
    {
        var similarWords = match.SimilarWords;
        filter.Parameters.Add("q", q.Trim());
        filter.Parameters.Add("fuzzy", similarWords is not null);
        filter.Parameters.Add("titlePatterns", similarWords?.SelectMany(words => words).Distinct().Select(Contains).ToArray() ?? []);
        if (similarWords is null)
        {
            // The same match, in a form the trigram index cannot serve: to a planner that cannot tell a common name
            // from a rare one (a document is too wide for its statistics), a page in list order is then the cheap way.
            filter.Add($"s.document LIKE {LikePattern}", match.Common ? "strpos(s.document, fold(@q)) > 0" : null);
            // Trigram distance is one minus the similarity that ranks a title (TitleScore): the titles that hold q are
            // read nearest first through the titles' GiST index (migration 0027), not all ranked to find a page.
            filter.Nearest = "s.title <-> fold(@q)";
            return;
        }
        if (similarWords.Count == 0 || similarWords.Any(words => words.Length == 0))
        {
            filter.Add("false");
            return;
        }
        AddSimilar(filter, similarWords, match.Common);
    }

    /// <summary>
    /// Whether the short folded title holds what the search matched: q as written, or, when matched by similar
    /// words, one of them (<c>@titlePatterns</c>).
    /// </summary>
    private const string InTitle = $"""
        (CASE WHEN @fuzzy THEN s.title LIKE ANY (@titlePatterns) ELSE s.title LIKE {LikePattern} END)
        """;

    /// <summary>How alike q and a title that holds it are: 1 + trigram similarity (to the closest stretch when fuzzy).</summary>
    private const string TitleScore = """
        (1 + CASE WHEN @fuzzy THEN word_similarity(fold(@q), s.title) ELSE similarity(fold(@q), s.title) END)::real
        """;

    /// <summary>
    /// Best first: a match in the title ranks above a match elsewhere (1 + how alike title and q are, against 1).
    /// Ranking reads the short folded title rather than the long document; and since every other match ranks 1, a
    /// page led by relevance reads the two tiers apart (<see cref="SortTiers"/>): the title matches ranked, the
    /// rest in the order of the following keys (newest first), so a common word does not rank every match it has.
    /// A real: a keyset cursor compares it as one.
    /// </summary>
    public static readonly SortField Relevance = FromTiers(new SortTiers(InTitle, TitleScore, "1::real", 1));

    private static SortField FromTiers(SortTiers tiers) => new(ListQuery.Relevance, tiers.Sql, "real") { Tiers = tiers };

    /// <summary>
    /// How q matches the documents of <paramref name="table"/>: as written (after folding), when some document holds
    /// it; otherwise, for each word of q, the words of the documents most like it (<c>search_words</c>, by trigram
    /// similarity; a word under three characters stands for itself), an empty list for a word that nothing
    /// resembles. And whether the matches are common, told from a sample of about 500 documents: held by at least
    /// √(50 / documents) of them (0.7 % of a million), a page of the matches that rank alike is found within a few
    /// thousand documents in list order, fewer than ranking every match would read (<see cref="AddTo"/>); near that
    /// share both ways cost about the same, so the sample's noise costs little.
    /// </summary>
    public static async Task<SearchMatch> MatchAsync(DbSession db, SearchTable table, string q)
    {
        var name = table == SearchTable.Meetings ? "meeting_search" : "agreement_search";
        var matchSql = $"""
            SELECT EXISTS (SELECT 1 FROM {name} s WHERE s.document LIKE {LikePattern}) AS Found,
                   {CommonSql(name, $"s.document LIKE {LikePattern}")} AS Common
            """;
        var (found, common) = await db.SingleOrDefaultAsync<(bool Found, bool Common)>(matchSql, new { q = q.Trim() });
        if (found)
            return new SearchMatch(null, common);

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
        await reader.DisposeAsync();
        if (words.Count == 0 || words.Any(w => w.Length == 0))
            return new SearchMatch(words, Common: false);

        var similar = new FilterBuilder();
        AddSimilar(similar, words, common: false);
        var commonSql = $"SELECT {CommonSql(name, similar.Build(name).Where)}";
        return new SearchMatch(words, await db.ScalarAsync<bool>(commonSql, similar.Parameters));
    }

    /// <summary>
    /// Whether the documents of table <paramref name="name"/> that meet <paramref name="condition"/> (over alias
    /// <c>s</c>) are common: at least √(50 / documents) of a sample of about 500 documents (a whole small table;
    /// none of a table never analysed, whose size is unknown).
    /// </summary>
    private static string CommonSql(string name, string condition) => $"""
        coalesce((SELECT count(*) FILTER (WHERE {condition}) / nullif(count(*), 0)::float8
                  FROM {name} s TABLESAMPLE SYSTEM ((SELECT CASE WHEN c.reltuples > 0 THEN least(100, 50000 / c.reltuples) ELSE 0 END
                                                      FROM pg_class c WHERE c.oid = '{name}'::regclass)) REPEATABLE (0))
                 >= (SELECT sqrt(50 / greatest(c.reltuples, 1)) FROM pg_class c WHERE c.oid = '{name}'::regclass), false)
        """;

    /// <summary>
    /// For every word of q, one of its similar words in the document: through the trigram index, or, when such
    /// documents are common, in a form that index cannot serve (so that a page walks the list's order).
    /// </summary>
    private static void AddSimilar(FilterBuilder filter, IReadOnlyList<string[]> similarWords, bool common)
    {
        for (var i = 0; i < similarWords.Count; i++)
        {
            filter.Parameters.Add($"similar{i}", similarWords[i].Select(Contains).ToArray());
            filter.Parameters.Add($"words{i}", similarWords[i]);
            filter.Add($"s.document LIKE ANY (@similar{i})", common ? $"EXISTS (SELECT 1 FROM unnest(@words{i}) w WHERE strpos(s.document, w) > 0)" : null);
        }
    }

    /// <summary>A LIKE pattern matching the word anywhere, its wildcards taken literally.</summary>
    private static string Contains(string word) => "%" + word.Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_") + "%";
}

/// <summary>How a search's q matches: as written (<see cref="SimilarWords"/> null) or by similar words; whether its matches are common.</summary>
public sealed record SearchMatch(IReadOnlyList<string[]>? SimilarWords, bool Common);
