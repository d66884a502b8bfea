using Microsoft.Extensions.Caching.Memory;

namespace Platform.Api.Cities;

/// <summary>
/// Answers "which city is this?" for every city-scoped request, with a short cache (a city changed on
/// another node is seen within <see cref="CacheFor"/>; on this node at once).
/// </summary>
public sealed class CityDirectory(IDocumentStore store, IMemoryCache cache)
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(10);

    public async ValueTask<City?> FindAsync(string slug, CancellationToken cancellation)
    {
        if (cache.TryGetValue(Key(slug), out City? city)) return city;
        await using var session = store.QuerySession();
        city = await session.LoadAsync<City>(slug, cancellation);
        // Unknown slugs are cached briefly too, so a scan of made-up cities does not reach the database each time.
        cache.Set(Key(slug), city, city is null ? TimeSpan.FromSeconds(1) : CacheFor);
        return city;
    }

    public async ValueTask<bool> ExistsAsync(string slug, CancellationToken cancellation) => await FindAsync(slug, cancellation) is not null;

    /// <summary>Every city of the network, in slug order (read afresh, not from the cache).</summary>
    public static async Task<IReadOnlyList<City>> ListAsync(IQuerySession session, CancellationToken cancellation) =>
        await session.Query<City>().OrderBy(c => c.Id).ToListAsync(cancellation);

    public void Forget(string slug) => cache.Remove(Key(slug));

    private static string Key(string slug) => $"city:{slug}";
}
