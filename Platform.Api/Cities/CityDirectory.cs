using System.Collections.Concurrent;
using Marten;

namespace Platform.Api.Cities;

/// <summary>
/// Answers "is this a city of the network?" for every city-scoped request. Known slugs are cached;
/// unknown ones are looked up each time (a city registered on another node shows up at once).
/// </summary>
public sealed class CityDirectory(IDocumentStore store)
{
    private readonly ConcurrentDictionary<string, bool> _known = new(StringComparer.Ordinal);

    public async ValueTask<bool> ExistsAsync(string slug, CancellationToken cancellation)
    {
        if (_known.ContainsKey(slug)) return true;
        await using var session = store.QuerySession();
        var exists = await session.Query<City>().AnyAsync(c => c.Id == slug, cancellation);
        if (exists) _known[slug] = true;
        return exists;
    }

    /// <summary>Forget cached slugs (tests reset the database between runs).</summary>
    public void Forget() => _known.Clear();
}
