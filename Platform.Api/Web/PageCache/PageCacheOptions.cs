namespace Platform.Api.Web.PageCache;

/// <summary>Settings under <c>Platform:Pages</c>: the cache of the pages anonymous visitors get (docs/page-cache.md).</summary>
public sealed class PageCacheOptions
{
    /// <summary>Keep and serve the pages of anonymous visitors from memory. On by default.</summary>
    public bool Cache { get; set; } = true;

    /// <summary>
    /// The longest a page stays in the cache (seconds). Pages leave it at once when a view of their city changes; this
    /// bounds only what no signal reaches (a change signal lost while Redis was away from one node).
    /// </summary>
    public int MaxAgeSeconds { get; set; } = 60;

    /// <summary>Memory the cached pages may take on a node (megabytes); beyond it, entries are dropped.</summary>
    public int MaxMegabytes { get; set; } = 64;

    public TimeSpan MaxAge => TimeSpan.FromSeconds(Math.Max(1, MaxAgeSeconds));
}
