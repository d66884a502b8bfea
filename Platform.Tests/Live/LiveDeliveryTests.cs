
namespace Platform.Tests.Live;

/// <summary>
/// How live views reach watchers: coalesced under bursts but exact at the end, gaps detectable from
/// <c>previousVersion</c>, fresh snapshots on reconnection, and no city's changes in another city's views.
/// </summary>
[Collection(IntegrationCollection.Name)]
public class LiveDeliveryTests(AppFixture app)
{
    private static long Supports(JsonElement view) => view.GetProperty("data").GetProperty("supports").GetInt64();
    private static long Version(JsonElement view) => view.GetProperty("version").GetInt64();

    [Fact]
    public async Task A_burst_of_supports_is_coalesced_to_a_few_pushes_that_end_on_the_exact_count()
    {
        const int residents = 150;
        var concern = await app.RaiseAsync();
        var supporters = await app.AccountsAsync(residents, "york");
        await using var watcher = await LiveClient.ConnectAsync(app);
        await watcher.WatchAsync("concern", "york", concern);

        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(supporters, new ParallelOptions { MaxDegreeOfParallelism = 16 },
            async (resident, _) => await app.SupportAsync(concern, resident));
        var pushes = await watcher.UntilAsync(p => Supports(p) == residents);
        var elapsed = clock.Elapsed;

        Assert.Equal(residents, Supports(pushes[^1]));
        // Default: at most 10 pushes a second per view (plus the first, which goes out at once).
        Assert.True(pushes.Count <= Math.Ceiling(elapsed.TotalSeconds * 10) + 1,
            $"{pushes.Count} pushes in {elapsed.TotalMilliseconds:F0} ms");
        Assert.True(pushes.Count < residents, "pushes should be coalesced");
        // Versions only grow, and each push names the one before it.
        for (var i = 1; i < pushes.Count; i++)
        {
            Assert.True(Version(pushes[i]) > Version(pushes[i - 1]));
            Assert.Equal(Version(pushes[i - 1]), pushes[i].GetProperty("previousVersion").GetInt64());
        }
    }

    [Fact]
    public async Task A_supports_answer_names_the_version_of_the_first_view_that_includes_it()
    {
        var concern = await app.RaiseAsync();
        await using var watcher = await LiveClient.ConnectAsync(app);
        var snapshot = await watcher.WatchAsync("concern", "york", concern);

        var answer = await app.SupportAsync(concern, await app.ResidentAsync());
        var version = answer.GetProperty("version").GetInt64();
        var pushed = (await watcher.UntilAsync(p => Version(p) >= version))[^1];

        Assert.True(version > Version(snapshot));
        Assert.Equal(1, Supports(pushed));
        Assert.Equal(version, Version(await app.GetConcernAsync(concern)));
    }

    [Fact]
    public async Task A_watcher_that_missed_a_push_sees_the_gap_and_resyncs_from_a_snapshot()
    {
        var concern = await app.RaiseAsync();
        await using var watcher = await LiveClient.ConnectAsync(app);
        var held = Version(await watcher.WatchAsync("concern", "york", concern));

        await app.SupportAsync(concern, await app.ResidentAsync());
        var first = await watcher.UntilAsync(p => Supports(p) == 1);
        // The client drops this push (say, it was busy), so it still holds the snapshot's version ...
        await Task.Delay(150); // past the coalescing interval, so the next change gets its own push
        await app.SupportAsync(concern, await app.ResidentAsync());
        var received = first.Concat(await watcher.UntilAsync(p => Supports(p) == 2)).ToList();
        var second = received[^1];

        // ... and the next push tells it: its previous version (that of the push before it) is newer than what the client holds.
        var previous = second.GetProperty("previousVersion").GetInt64();
        Assert.Equal(Version(received[^2]), previous);
        Assert.True(previous > held);
        var resynced = await watcher.WatchAsync("concern", "york", concern);
        Assert.Equal(2, Supports(resynced));
        Assert.True(Version(resynced) >= Version(second));
    }

    [Fact]
    public async Task A_client_that_reconnects_gets_a_fresh_snapshot_with_what_happened_meanwhile()
    {
        var concern = await app.RaiseAsync();
        await using var watcher = await LiveClient.ConnectAsync(app);
        var before = await watcher.WatchAsync("concern", "york", concern);

        await watcher.Connection.StopAsync();
        await app.SupportAsync(concern, await app.ResidentAsync());
        await app.SupportAsync(concern, await app.ResidentAsync());
        await watcher.Connection.StartAsync();
        var after = await watcher.WatchAsync("concern", "york", concern);

        Assert.Equal(2, Supports(after));
        Assert.True(Version(after) > Version(before));
    }

    [Fact]
    public async Task Watchers_of_different_cities_get_only_their_own_citys_changes()
    {
        var inYork = await app.RaiseAsync("york");
        var inUtrecht = await app.RaiseAsync("utrecht");
        await using var yorkWatcher = await LiveClient.ConnectAsync(app);
        await using var utrechtWatcher = await LiveClient.ConnectAsync(app);
        await yorkWatcher.WatchAsync("concern", "york", inYork);
        await utrechtWatcher.WatchAsync("concern", "utrecht", inUtrecht);

        await app.SupportAsync(inYork, await app.ResidentAsync("york"), "york");
        var yorkPush = (await yorkWatcher.UntilAsync(p => Supports(p) == 1))[^1];
        await app.SupportAsync(inUtrecht, await app.ResidentAsync("utrecht"), "utrecht");
        var utrechtPushes = await utrechtWatcher.UntilAsync(p => Supports(p) == 1);

        Assert.Equal("york", yorkPush.GetProperty("city").GetString());
        Assert.All(utrechtPushes, p => Assert.Equal("utrecht", p.GetProperty("city").GetString()));
        Assert.All(utrechtPushes, p => Assert.Equal(inUtrecht, p.GetProperty("id").GetGuid()));
        // Whatever else reaches the York watcher is about its York concern (a later push may restate it).
        while (await yorkWatcher.NextAsync(TimeSpan.FromMilliseconds(500)) is { } later)
            Assert.Equal(("york", inYork), (later.GetProperty("city").GetString(), later.GetProperty("id").GetGuid()));
    }
}
