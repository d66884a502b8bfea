using System.Diagnostics;
using JasperFx.Events;
using Marten;
using Platform.Api.Cities;

namespace Platform.Tests.Support;

/// <summary>
/// Feeds events straight into a city's event store (no endpoints) and waits for the async views to
/// reflect them, for projection tests of the accountability views.
/// </summary>
public static class AccountabilityFeed
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    /// <summary>Registers a city of its own for one test, so its views hold that test's events only.</summary>
    public static async Task<string> NewCityAsync(this AppFixture app, int concernResponseDays = 30)
    {
        var slug = "t" + Guid.NewGuid().ToString("N")[..12];
        await using var session = app.Store.LightweightSession();
        session.Store(new City
        {
            Id = slug,
            Names = new() { ["en"] = "Test city " + slug },
            Settings = new CitySettings { ConcernResponseDays = concernResponseDays },
            RegisteredAt = DateTimeOffset.UtcNow,
        });
        await session.SaveChangesAsync();
        return slug;
    }

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
