using Microsoft.Extensions.Caching.Memory;
using Npgsql;

namespace Api.Caching;

/// <summary>
/// The bodies this process sent for the reads marked <see cref="CachedReadAttribute"/>, kept until any record changes.
/// Every change anywhere ends the current <see cref="CacheState.Generation"/>: a write made here at once (see
/// <see cref="Records.RecordWriter"/>'s commit), one made elsewhere when <see cref="ChangeListener"/> hears of it (PostgreSQL's
/// NOTIFY, sent at commit). An entry serves only in the generation it was filled in, so a renamed person is never
/// shown under the old name by a document that mentions them, however many do. A fill is kept only if the database
/// that answered it had replayed every change this process knows of (<see cref="CacheState.Horizon"/>), so a replica
/// lagging behind can never put back what a change replaced. While the listener is not connected nothing is served
/// or kept: the process could not know what changed.
/// </summary>
public sealed class ResponseCache
{
    private readonly MemoryCache? entries;
    private readonly Lock gate = new();
    private volatile CacheState state = new(0, 0, Live: false);

    public ResponseCache(IConfiguration configuration)
    {
        var megabytes = configuration.GetValue(MegabytesKey, 64);
        if (megabytes > 0)
            entries = new MemoryCache(new MemoryCacheOptions { SizeLimit = megabytes * 1024L * 1024L });
        var reads = configuration.GetConnectionString("Db");
        var listen = configuration.GetConnectionString("Listen");
        ReadsMayLag = listen is not null && listen != reads || reads is not null && new NpgsqlConnectionStringBuilder(reads).Host?.Contains(',') == true;
    }

    /// <summary>The setting that bounds the cache, in MiB; 0 turns it off (and the listener with it).</summary>
    public const string MegabytesKey = "Cache:Megabytes";

    public bool Enabled => entries is not null;

    /// <summary>
    /// Whether reads may be answered by a server other than the one <see cref="ChangeListener"/> hears (a listen
    /// connection of its own, or several hosts to read from): then a fill must say how far its server's change log
    /// reached. When both are the one server, a read that begins after a change was heard sees it, and one begun
    /// before is either refused by the generation or cleared with it.
    /// </summary>
    public bool ReadsMayLag { get; }

    public CacheState State => state;

    public bool TryGet(string key, out CachedResponse response)
    {
        var now = state;
        if (now.Live && entries!.TryGetValue(key, out CachedResponse? found) && found!.Generation == now.Generation)
        {
            response = found;
            return true;
        }
        response = null!;
        return false;
    }

    /// <summary>
    /// Keeps <paramref name="response"/>, filled in the generation of <paramref name="before"/> (read before the data) from
    /// a database whose change log reached <paramref name="stamp"/> (null when <see cref="ReadsMayLag"/> is not), unless a
    /// change has ended that generation since or the database had not replayed every change known here.
    /// </summary>
    public void Store(string key, CacheState before, long? stamp, CachedResponse response)
    {
        var now = state;
        if (!now.Live || now.Generation != before.Generation || stamp < now.Horizon || response.Generation != now.Generation)
            return;
        entries!.Set(key, response, new MemoryCacheEntryOptions { Size = response.Body.Length + 2L * key.Length + 256 });
    }

    /// <summary>The change log, as the primary holds it, ends at <paramref name="horizon"/> (it may be lower after a reset).</summary>
    public void Changed(long horizon) => Advance(s => new CacheState(s.Generation + 1, horizon, Live: true));

    /// <summary>This process committed a change: nothing filled before it serves again.</summary>
    public void Written() => Advance(s => s with { Generation = s.Generation + 1 });

    /// <summary>The listener lost its connection: serve nothing until it is back and has read the log again.</summary>
    public void Lost() => Advance(s => s with { Generation = s.Generation + 1, Live = false });

    private void Advance(Func<CacheState, CacheState> next)
    {
        if (entries is null)
            return;
        lock (gate)
        {
            state = next(state);
            entries.Clear();
        }
    }
}

/// <summary>What the cache knows: which generation serves, how far the change log reached, whether it hears changes.</summary>
public sealed record CacheState(long Generation, long Horizon, bool Live);

/// <summary>A response as it was sent: body and the headers that describe it.</summary>
public sealed record CachedResponse(long Generation, byte[] Body, string ContentType, string? ETag, string? Link, string? TotalCount);
