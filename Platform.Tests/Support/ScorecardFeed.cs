using JasperFx.Events;
using Platform.Api.Cities;

namespace Platform.Tests.Support;

/// <summary>
/// Feeds events straight into a city's event store (no endpoints) and waits for the async views to
/// reflect them, for projection tests of the accountability views.
/// </summary>
public static class ScorecardFeed
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    /// <summary>Appends each (stream, events) in order in one transaction of the city; returns the highest sequence appended.</summary>
    public static async Task<long> AppendAsync(this AppFixture app, string city, params (Guid Stream, object[] Events)[] streams)
    {
        await using var session = app.Store.LightweightSession(city);
        var actions = streams.Select(s => session.Events.Append(s.Stream, s.Events)).ToList();
        await session.SaveChangesAsync();
        return actions.SelectMany(a => a.Events).Max(e => e.Sequence);
    }

    /// <summary>Waits until the (network-wide) view document <typeparamref name="T"/> <paramref name="id"/> reaches <paramref name="version"/>.</summary>
    public static async Task<T> WaitForAsync<T>(this AppFixture app, string id, long version, Func<T, long> versionOf) where T : class
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            await using (var session = app.Store.QuerySession())
            {
                var doc = await session.LoadAsync<T>(id);
                if (doc is not null && versionOf(doc) >= version) return doc;
            }
            if (watch.Elapsed > Patience) throw new TimeoutException($"{typeof(T).Name} {id} did not reach version {version}.");
            await Task.Delay(100);
        }
    }
}
