using System.Collections.Concurrent;

namespace Platform.Api.Web.PageCache;

/// <summary>
/// What a cached page depends on: its city (<c>city:york</c>), or the network (<see cref="Network"/>: the home page, the
/// network overview, the pages outside any city). <see cref="All"/> names every page at once (a city registered or
/// its settings changed: every page shows city names).
/// </summary>
public static class PageScopes
{
    public const string Network = "network";
    public const string All = "*";

    public static string City(string slug) => "city:" + slug;

    /// <summary>The scope of a changed live view: the network for a view that belongs to no city, else its city.</summary>
    public static string Of(ViewChange change, LiveViews views) => views.ScopeOf(change.View) is null ? City(change.City) : Network;
}

/// <summary>
/// The generation of each scope on this node: every change signalled for a scope moves it on, and a cached page stamped
/// with an older generation is never served again, nor stored (a page whose request began before a change may hold the
/// state from before it). Generations only grow; they live in memory, per node.
/// </summary>
public sealed class PageGenerations(bool paused = false)
{
    private readonly ConcurrentDictionary<string, long> _scopes = new(StringComparer.Ordinal);
    private long _all;
    private volatile bool _paused = paused;

    /// <summary>The generations a page of <paramref name="scope"/> depends on, as of now (taken before the page reads anything).</summary>
    public PageStamp Stamp(string scope) => new(scope, Generation(scope), Interlocked.Read(ref _all));

    /// <summary>Whether nothing changed in the stamp's scope since it was taken, and the cache is not paused.</summary>
    public bool IsCurrent(PageStamp stamp) =>
        !_paused && Interlocked.Read(ref _all) == stamp.All && Generation(stamp.Scope) == stamp.Generation;

    public void Changed(string scope)
    {
        if (scope == PageScopes.All) Interlocked.Increment(ref _all);
        else _scopes.AddOrUpdate(scope, 1, (_, generation) => generation + 1);
    }

    /// <summary>
    /// While paused (the backplane that carries other nodes' changes is away), no page is served from the cache or stored:
    /// this node could not hear that one changed. Resuming drops every page kept before.
    /// </summary>
    public bool Paused
    {
        get => _paused;
        set
        {
            if (!value) Interlocked.Increment(ref _all);
            _paused = value;
        }
    }

    private long Generation(string scope) => _scopes.TryGetValue(scope, out var generation) ? generation : 0;
}

/// <summary>The generations a cached page was rendered under, and until when (on the platform's clock) it may be served at most.</summary>
public sealed record PageStamp(string Scope, long Generation, long All)
{
    public DateTimeOffset Until { get; init; } = DateTimeOffset.MaxValue;

    private const string Prefix = "page-stamp|";

    /// <summary>The stamp travels to the store as a tag of the cache entry (the store's only way to hear of the request).</summary>
    public string ToTag() => string.Join('|', Prefix.TrimEnd('|'), Generation.ToString(CultureInfo.InvariantCulture),
        All.ToString(CultureInfo.InvariantCulture), Until.UtcTicks.ToString(CultureInfo.InvariantCulture), Scope);

    public static PageStamp? FromTags(string[]? tags)
    {
        foreach (var tag in tags ?? [])
        {
            if (!tag.StartsWith(Prefix, StringComparison.Ordinal)) continue;
            var parts = tag.Split('|', 5);
            if (parts.Length == 5 && long.TryParse(parts[1], CultureInfo.InvariantCulture, out var generation)
                && long.TryParse(parts[2], CultureInfo.InvariantCulture, out var all)
                && long.TryParse(parts[3], CultureInfo.InvariantCulture, out var until))
                return new PageStamp(parts[4], generation, all) { Until = new DateTimeOffset(until, TimeSpan.Zero) };
        }
        return null;
    }
}
