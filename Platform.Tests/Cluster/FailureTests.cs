using Microsoft.AspNetCore.Http.Connections;
using Xunit.Abstractions;

namespace Platform.Tests.Cluster;

/// <summary>
/// Failures tried for real, on processes: a node killed with SIGKILL under write load, PostgreSQL stopped and started
/// under load, a node stopped with SIGTERM under load behind HAProxy. Nothing answered 2xx is lost, nothing is counted
/// twice, no other 5xx than a 503 with Retry-After, and the views and live pushes carry on.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class FailureTests(ClusterFixture cluster, ITestOutputHelper output)
{
    private static long Supports(JsonElement view) => view.GetProperty("data").GetProperty("supports").GetInt64();

    [Fact]
    public async Task A_node_killed_under_write_load_loses_no_accepted_support_and_a_live_node_takes_its_views_over_within_ten_seconds()
    {
        await cluster.EnsureAllRunningAsync();
        var nodes = cluster.Nodes;
        var victim = await NodeRunningAsync("live-views:All");
        var survivors = nodes.Where(n => n != victim).ToList();
        try
        {
            var residents = await ClusterApi.ResidentsAsync(survivors.Select(n => n.Http).ToList(), 42);
            var concerns = new List<Guid>();
            for (var i = 0; i < 12; i++) concerns.Add(await ClusterApi.RaiseConcernAsync(survivors[0].Http, residents[0]));
            var beacon = await ClusterApi.RaiseConcernAsync(survivors[0].Http, residents[0]); // supported after the kill, to time the takeover
            await using var watcher = await ClusterWatcher.ConnectAsync(survivors[1].Address);
            await watcher.WatchAsync("concern", "york", beacon);
            await using var loadWatcher = await ClusterWatcher.ConnectAsync(survivors[0].Address);
            await loadWatcher.WatchAsync("concern", "york", concerns[0]);
            // A close scheduled by the node that dies, due a few seconds after its death: another node carries it out.
            var official = await ClusterApi.OfficialAsync(survivors[0].Http, cluster.ConnectionString);
            var (consultation, closesAt) = await ClusterApi.OpenConsultationAsync(victim.Http, official, TimeSpan.FromSeconds(6));

            // Supports (a third of them keyed) to all three nodes in turn; the node running the live views dies in the middle.
            var load = new WriteLoad(WriteLoad.Pairs(residents.Skip(1).Take(40).ToList(), concerns, keyedEvery: 3));
            using var stop = new CancellationTokenSource();
            var running = load.RunAsync(12, i => nodes[i % nodes.Count].Http, TimeSpan.FromMilliseconds(15), stop.Token);
            await Task.Delay(1500);
            await victim.KillAsync();
            var killedAt = Stopwatch.StartNew();

            // One support of the beacon right after the kill, through a survivor, while no node runs the live-view
            // subscription: its push comes once another node runs it, from where it stopped (nothing committed meanwhile is
            // skipped). The time until it arrives is the takeover.
            // Meanwhile the survivors stay ready (degraded at worst): a takeover takes no node out of the proxy.
            using var takenOver = new CancellationTokenSource();
            var readiness = ReadinessDuringAsync(survivors, takenOver.Token);
            var beaconVersion = (await ClusterApi.SupportAsync(survivors[0].Http, residents[41], beacon)).GetProperty("version").GetInt64();
            double? takeover = await watcher.UntilAsync(v => v.GetProperty("version").GetInt64() >= beaconVersion, TimeSpan.FromSeconds(30))
                ? killedAt.Elapsed.TotalSeconds
                : null;
            await takenOver.CancelAsync();
            var survivorStatuses = await readiness;
            await stop.CancelAsync();
            await running;

            var accepted = load.Outcomes.Count(o => o.Status == 200);
            var unanswered = await load.RetryUnansweredAsync(survivors[0].Http, TimeSpan.FromSeconds(20));
            var stored = await WriteLoad.StoredAsync(cluster.ConnectionString, concerns);
            output.WriteLine($"kill-9: {load.Attempted} writes sent, {accepted} accepted before the retries, " +
                $"{load.Outcomes.Count(o => o.Status != 200)} without an answer or refused: {string.Join(", ", load.Outcomes.Where(o => o.Status != 200).GroupBy(o => o.Status).Select(g => $"{g.Key} x{g.Count()}"))}; " +
                $"{stored} stored; takeover {takeover:F1} s");

            Assert.Empty(unanswered); // no key stuck: every write sent is answered 200 in the end, keyed ones too
            Assert.True(accepted > 100, $"only {accepted} supports accepted: the load did not run");
            Assert.Equal(load.Attempted, stored); // every write answered 200 is stored, and none twice
            Assert.All(survivorStatuses, status => Assert.Equal(200, status));
            Assert.True(takeover is <= 10, $"the live views were not pushed again within 10 s of the kill (took {takeover?.ToString("F1") ?? "longer than the test waited"} s)");
            await EventuallyAsync(async () => await WriteLoad.ShownAsync(survivors[0].Http, concerns) == stored, TimeSpan.FromSeconds(15), "the views show every stored support");
            var first = await WriteLoad.StoredAsync(cluster.ConnectionString, [concerns[0]]);
            Assert.True(await loadWatcher.UntilAsync(v => Supports(v) == first, TimeSpan.FromSeconds(15)), $"the watcher on a survivor holds {loadWatcher.Latest}");

            await EventuallyAsync(async () => JsonDocument.Parse(await survivors[0].Http.GetStringAsync($"api/cities/york/consultations/{consultation}"))
                .RootElement.GetProperty("status").GetString() == "closed", closesAt - DateTimeOffset.UtcNow + TimeSpan.FromSeconds(30),
                "the consultation whose close the dead node had scheduled is closed");

        }
        finally
        {
            if (!victim.IsRunning) await victim.StartAsync(); // the cluster stays whole for the next test
        }
    }

    [Fact]
    public async Task PostgreSQL_restarted_under_load_answers_503_with_retry_after_meanwhile_and_the_node_recovers_within_five_seconds()
    {
        await using var postgres = await TemporaryPostgres.StartAsync();
        await using var node = new ApiNode(9, ClusterFixture.NodeEnvironment(postgres.ConnectionString, redis: null), cluster.LogFolder);
        await node.StartAsync();
        await ClusterFixture.StoreCitiesAsync(postgres.ConnectionString);
        var residents = await ClusterApi.ResidentsAsync([node.Http], 41);
        var concerns = new List<Guid>();
        for (var i = 0; i < 20; i++) concerns.Add(await ClusterApi.RaiseConcernAsync(node.Http, residents[0]));

        var load = new WriteLoad(WriteLoad.Pairs(residents.Skip(1).ToList(), concerns));
        using var stop = new CancellationTokenSource();
        var writes = load.RunAsync(8, _ => node.Http, TimeSpan.FromMilliseconds(25), stop.Token);
        var reads = ReadLoadAsync(node.Http, concerns[0], stop.Token);
        await Task.Delay(1000);
        await postgres.StopServerAsync();
        await Task.Delay(2000);
        await postgres.StartServerAsync();
        var backAt = load.Clock.Elapsed;
        var readyAgain = await SecondsUntilReadyAsync(node, TimeSpan.FromSeconds(30));
        await Task.Delay(2000);
        await stop.CancelAsync();
        await writes;
        var readOutcomes = await reads;

        var everything = load.Outcomes.Select(o => (o.Status, o.RetryAfter)).Concat(readOutcomes).ToList();
        var firstAccepted = load.Outcomes.Where(o => o.Status == 200 && o.SentAt >= backAt).Select(o => o.AnsweredAt - backAt).DefaultIfEmpty(TimeSpan.MaxValue).Min();
        output.WriteLine($"pg-restart: {load.Outcomes.Count} writes, {readOutcomes.Count} reads: " +
            string.Join(", ", everything.GroupBy(o => o.Status).Select(g => $"{g.Key} x{g.Count()}")) +
            $"; first write accepted {firstAccepted.TotalSeconds:F1} s after PostgreSQL was back; ready again after {readyAgain:F1} s");

        Assert.DoesNotContain(everything, o => o.Status is not (200 or 503)); // no other 5xx, no broken connection
        Assert.All(everything.Where(o => o.Status == 503), o => Assert.True(o.RetryAfter, "a 503 without Retry-After"));
        Assert.Contains(readOutcomes, o => o.Status == 503); // the reads did meet PostgreSQL away
        Assert.True(firstAccepted <= TimeSpan.FromSeconds(5), $"writes recovered {firstAccepted.TotalSeconds:F1} s after PostgreSQL was back");
        Assert.True(readyAgain <= 10, $"ready again only after {readyAgain:F1} s");

        // Nothing half written: every write refused meanwhile, sent again, is stored once, and the views show them all.
        Assert.Empty(await load.RetryUnansweredAsync(node.Http, TimeSpan.FromSeconds(20)));
        Assert.Equal(load.Attempted, await WriteLoad.StoredAsync(postgres.ConnectionString, concerns));
        await EventuallyAsync(async () => await WriteLoad.ShownAsync(node.Http, concerns) == load.Attempted, TimeSpan.FromSeconds(15), "the views show every stored support");
    }

    [Fact]
    public async Task A_node_stopped_with_sigterm_under_load_answers_what_it_accepted_and_the_rest_goes_to_the_other_nodes()
    {
        await cluster.EnsureAllRunningAsync();
        var front = await cluster.FrontAsync();
        using var http = new HttpClient { BaseAddress = front.Address, Timeout = TimeSpan.FromSeconds(60) };
        var victim = cluster.Nodes[1];
        var residents = await ClusterApi.ResidentsAsync([http], 31);
        var concerns = new List<Guid>();
        for (var i = 0; i < 20; i++) concerns.Add(await ClusterApi.RaiseConcernAsync(http, residents[0]));

        // A watcher pinned to the node that will stop, reconnecting as the pages' client does.
        ClusterWatcher? pinned = null;
        var others = new List<ClusterWatcher>();
        for (var i = 0; i < 9 && pinned is null; i++)
        {
            var watcher = await ClusterWatcher.ConnectAsync(front.Address, HttpTransportType.WebSockets | HttpTransportType.LongPolling, reconnect: true);
            if (watcher.PinnedNode == $"node{victim.Number}") pinned = watcher;
            else others.Add(watcher);
        }
        foreach (var other in others) await other.DisposeAsync();
        Assert.NotNull(pinned);
        await using var _ = pinned;
        await pinned.WatchAsync("concern", "york", concerns[0]);

        var load = new WriteLoad(WriteLoad.Pairs(residents.Skip(1).ToList(), concerns));
        using var stop = new CancellationTokenSource();
        // Ten workers through HAProxy, two straight to the node that stops.
        var running = load.RunAsync(12, i => i % 6 == 5 ? victim.Http : http, TimeSpan.FromMilliseconds(20), stop.Token);
        await Task.Delay(1000);
        var signalledAt = load.Clock.Elapsed;
        var stopping = Stopwatch.StartNew();
        await victim.TerminateAsync(TimeSpan.FromSeconds(45));
        var stoppedIn = stopping.Elapsed.TotalSeconds;
        await Task.Delay(1500);
        await stop.CancelAsync();
        await running;

        var beforeSignal = load.Outcomes.Where(o => o.SentAt < signalledAt).ToList();
        output.WriteLine($"sigterm: stopped in {stoppedIn:F1} s; {load.Outcomes.Count} writes: " +
            string.Join(", ", load.Outcomes.GroupBy(o => o.Status).Select(g => $"{g.Key} x{g.Count()}")) + $"; watcher reconnections {pinned.Reconnections}");

        Assert.True(stoppedIn <= 33, $"the node took {stoppedIn:F1} s to stop"); // 3 s of drain, then the grace
        Assert.All(beforeSignal, o => Assert.Equal(200, o.Status)); // everything sent before the signal was answered, and accepted
        Assert.DoesNotContain(load.Outcomes, o => o.Status >= 500); // no 5xx, through HAProxy or straight
        Assert.Empty(await load.RetryUnansweredAsync(http, TimeSpan.FromSeconds(20))); // refused connections to the stopped node go elsewhere
        var stored = await WriteLoad.StoredAsync(cluster.ConnectionString, concerns);
        Assert.Equal(load.Attempted, stored);
        var first = await WriteLoad.StoredAsync(cluster.ConnectionString, [concerns[0]]);
        Assert.True(await pinned.UntilAsync(v => Supports(v) == first, TimeSpan.FromSeconds(20)),
            $"the watcher of the stopped node holds {pinned.Latest} after {pinned.Reconnections} reconnections");
        Assert.True(pinned.Reconnections >= 1);

        await victim.StartAsync();
    }

    [Fact]
    public async Task With_no_node_ready_the_proxy_answers_503_with_retry_after_as_the_nodes_do()
    {
        // Nodes that never start: HAProxy finds none ready (as while PostgreSQL is away) and answers itself.
        await using var absent = new ApiNode(7, new Dictionary<string, string>(), cluster.LogFolder);
        await using var front = await HaproxyFront.StartAsync([absent], waitForNodes: false);
        using var http = new HttpClient { BaseAddress = front.Address };
        using var answer = await http.PostAsync("api/cities/york/concerns", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(503, (int)answer.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(5), answer.Headers.RetryAfter?.Delta);
    }

    /// <summary>The node whose readiness says it runs <paramref name="shard"/> (Wolverine assigns shards a few seconds after a start).</summary>
    private async Task<ApiNode> NodeRunningAsync(string shard)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromSeconds(30))
        {
            foreach (var node in cluster.Nodes)
            {
                using var answer = await node.Http.GetAsync("health/ready");
                var report = JsonDocument.Parse(await answer.Content.ReadAsStringAsync()).RootElement;
                var views = report.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "views");
                if (views.GetProperty("data").TryGetProperty("runningHere", out var here) && here.EnumerateArray().Any(s => s.GetString() == shard))
                    return node;
            }
            await Task.Delay(250);
        }
        throw new TimeoutException($"No node says it runs {shard}.");
    }

    /// <summary>The readiness statuses of <paramref name="nodes"/>, every 200 ms until stopped.</summary>
    private static async Task<List<int>> ReadinessDuringAsync(IReadOnlyList<ApiNode> nodes, CancellationToken stop)
    {
        var statuses = new List<int>();
        while (!stop.IsCancellationRequested)
        {
            foreach (var node in nodes)
            {
                using var answer = await node.Http.GetAsync("health/ready", CancellationToken.None);
                statuses.Add((int)answer.StatusCode);
            }
            try
            {
                await Task.Delay(200, stop);
            }
            catch (OperationCanceledException)
            {
            }
        }
        return statuses;
    }

    /// <summary>Reads of a concern every 50 ms until stopped: status and whether a Retry-After came.</summary>
    private static async Task<List<(int Status, bool RetryAfter)>> ReadLoadAsync(HttpClient http, Guid concern, CancellationToken stop)
    {
        var outcomes = new List<(int, bool)>();
        while (!stop.IsCancellationRequested)
        {
            try
            {
                using var answer = await http.GetAsync($"api/cities/york/concerns/{concern}", CancellationToken.None);
                outcomes.Add(((int)answer.StatusCode, answer.Headers.RetryAfter is not null));
            }
            catch (HttpRequestException)
            {
                outcomes.Add((0, false));
            }
            try
            {
                await Task.Delay(50, stop);
            }
            catch (OperationCanceledException)
            {
            }
        }
        return outcomes;
    }

    private static async Task<double> SecondsUntilReadyAsync(ApiNode node, TimeSpan patience)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < patience)
        {
            try
            {
                using var answer = await node.Http.GetAsync("health/ready");
                if (answer.IsSuccessStatusCode) return watch.Elapsed.TotalSeconds;
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(100);
        }
        return double.PositiveInfinity;
    }

    private static async Task EventuallyAsync(Func<Task<bool>> condition, TimeSpan patience, string what)
    {
        var watch = Stopwatch.StartNew();
        while (!await condition())
        {
            if (watch.Elapsed > patience) Assert.Fail($"Not within {patience.TotalSeconds:F0} s: {what}.");
            await Task.Delay(250);
        }
    }
}
