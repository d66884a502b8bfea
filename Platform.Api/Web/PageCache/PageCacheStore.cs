using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Caching.Memory;

namespace Platform.Api.Web.PageCache;

/// <summary>
/// The output cache's store: pages in this node's memory (at most <see cref="PageCacheOptions.MaxMegabytes"/>), each
/// with the <see cref="PageStamp"/> it was rendered under. A page is served only while its stamp is current: a change
/// of its scope makes every page of the scope unservable at once, without walking them (they are replaced by the next
/// render, or dropped when they expire or memory runs short). Entries without a stamp (no page of ours) are not kept.
/// </summary>
public sealed class PageCacheStore(PageGenerations generations, PageCacheOptions options, TimeProvider clock) : IOutputCacheStore, IDisposable
{
    private readonly MemoryCache _pages = new(new MemoryCacheOptions { SizeLimit = Math.Max(1, options.MaxMegabytes) * 1024L * 1024L });

    private sealed record Entry(byte[] Body, PageStamp Stamp);

    public ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken)
    {
        if (!_pages.TryGetValue(key, out Entry? entry) || entry is null) return ValueTask.FromResult<byte[]?>(null);
        if (generations.IsCurrent(entry.Stamp) && clock.GetUtcNow() < entry.Stamp.Until) return ValueTask.FromResult<byte[]?>(entry.Body);
        _pages.Remove(key);
        return ValueTask.FromResult<byte[]?>(null);
    }

    public ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken)
    {
        // A change signalled while the page rendered: what it read may be older than the change. Not kept.
        if (PageStamp.FromTags(tags) is not { } stamp || !generations.IsCurrent(stamp)) return ValueTask.CompletedTask;
        _pages.Set(key, new Entry(value, stamp), new MemoryCacheEntryOptions
        {
            Size = value.Length + key.Length * sizeof(char),
            AbsoluteExpirationRelativeToNow = validFor,
        });
        return ValueTask.CompletedTask;
    }

    /// <summary>Evicting a tag (a scope) moves its generation: its pages are no longer served.</summary>
    public ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken)
    {
        generations.Changed(tag);
        return ValueTask.CompletedTask;
    }

    /// <summary>Pages kept (for tests and diagnostics); some may be unservable already.</summary>
    public long Count => _pages.Count;

    public void Dispose() => _pages.Dispose();
}
