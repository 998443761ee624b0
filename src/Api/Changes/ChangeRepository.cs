using System.Text.Json;

namespace Api.Changes;

public sealed class ChangeRepository(Database database)
{
    public async Task<ChangeFeedPage> FeedAsync(ChangeFeedQuery query)
    {
        const string sql = """
            SELECT seq AS sequence, resource, record_id AS id, kind, version, actor, changed_at
            FROM changes
            WHERE seq > @after AND (@resource::text IS NULL OR resource = @resource)
            ORDER BY seq
            LIMIT @take
            """;
        var after = ChangeValues.SequenceOf(query.After) ?? 0;
        await using var db = await database.OpenAsync();
        var rows = await db.QueryAsync<ChangeSummary>(sql, new { after, query.Resource, take = query.Limit + 1 });
        var items = rows.Take(query.Limit).ToList();
        return new ChangeFeedPage
        {
            Items = items,
            Cursor = ChangeValues.Cursor(items.Count > 0 ? items[^1].Sequence : after),
            HasMore = rows.Count > query.Limit,
        };
    }

    /// <summary>A record's changes, oldest first; null when there is no such record and never was.</summary>
    public async Task<Page<ChangeResponse>?> HistoryAsync(Resource resource, Guid id, HistoryQuery query)
    {
        const string sql = """
            SELECT seq AS sequence, resource, record_id AS id, kind, version, actor, changed_at, before::text AS before, after::text AS after
            FROM changes
            WHERE resource = @resource AND record_id = @id AND seq > @after
            ORDER BY seq
            LIMIT @take
            """;
        var after = ChangeValues.SequenceOf(query.Cursor) ?? 0;
        await using var db = await database.OpenAsync();
        var rows = await db.QueryAsync<HistoryRow>(sql, new { resource = resource.Name, id, after, take = query.Limit + 1 });
        // A record made before the change log existed has no history yet, but it is there.
        if (rows.Count == 0 && after == 0 &&
            (await db.QueryAsync<Guid>(resource.ExistingIdsSql, new { ids = new[] { id } })).Count == 0)
            return null;
        var page = Page<HistoryRow>.From(rows, query.Limit, r => new Cursor(r.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture), Guid.Empty));
        return new Page<ChangeResponse> { Items = page.Items.Select(r => r.ToResponse()).ToList(), NextCursor = page.NextCursor };
    }

    private sealed record HistoryRow
    {
        public long Sequence { get; init; }
        public string Resource { get; init; } = "";
        public Guid Id { get; init; }
        public string Kind { get; init; } = "";
        public long Version { get; init; }
        public string Actor { get; init; } = "";
        public DateTime ChangedAt { get; init; }
        public string? Before { get; init; }
        public string? After { get; init; }

        public ChangeResponse ToResponse() => new()
        {
            Sequence = Sequence, Resource = Resource, Id = Id, Kind = Kind, Version = Version, Actor = Actor,
            ChangedAt = DateTime.SpecifyKind(ChangedAt, DateTimeKind.Utc),
            Before = Parse(Before), After = Parse(After),
        };

        private static JsonElement? Parse(string? json) => json is null ? null : JsonDocument.Parse(json).RootElement.Clone();
    }
}
