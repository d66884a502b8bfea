using Microsoft.AspNetCore.Http.Connections;

namespace Platform.Tests.Cluster;

/// <summary>
/// Several API nodes as real processes behind a Redis backplane: a change written through any node reaches watchers
/// connected to every node, whichever node runs the live-view subscription, with the versioned-push contract intact
/// (versions only grow, no push is missed, the final state is exact); the same through HAProxy.
/// </summary>
[Collection(ClusterCollection.Name)]
public class CrossNodePushTests(ClusterFixture cluster)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private static long Supports(JsonElement view) => view.GetProperty("data").GetProperty("supports").GetInt64();
    private static long Version(JsonElement view) => view.GetProperty("version").GetInt64();

    [Fact]
    public async Task Supports_written_through_one_node_reach_watchers_on_every_node()
    {
        const int supporters = 12;
        await cluster.EnsureAllRunningAsync();
        var nodes = cluster.Nodes;
        var residents = await ClusterApi.ResidentsAsync(nodes.Select(n => n.Http).ToList(), supporters + 1);
        var concern = await ClusterApi.RaiseConcernAsync(nodes[0].Http, residents[0]);
        var watchers = new List<ClusterWatcher>();
        foreach (var node in nodes) watchers.Add(await ClusterWatcher.ConnectAsync(node.Address));
        try
        {
            foreach (var watcher in watchers) await watcher.WatchAsync("concern", "york", concern);

            // Every support through node A (the first); the watchers sit on A, B and C.
            long lastVersion = 0;
            foreach (var resident in residents.Skip(1))
            {
                var answer = await ClusterApi.SupportAsync(nodes[0].Http, resident, concern);
                Assert.True(answer.GetProperty("changed").GetBoolean());
                lastVersion = Math.Max(lastVersion, Version(answer));
            }

            foreach (var (watcher, node) in watchers.Zip(nodes))
            {
                Assert.True(await watcher.UntilAsync(v => Supports(v) == supporters && Version(v) >= lastVersion, Patience),
                    $"the watcher on node {node.Number} holds {watcher.Latest} after {watcher.Applied.Count} pushes");
                AssertContractKept(watcher);
            }
        }
        finally
        {
            foreach (var watcher in watchers) await watcher.DisposeAsync();
        }
    }

    [Fact]
    public async Task Through_haproxy_writes_and_watchers_spread_over_the_nodes_and_every_watcher_ends_exact()
    {
        const int supporters = 12;
        await cluster.EnsureAllRunningAsync();
        var front = await cluster.FrontAsync();
        using var http = new HttpClient { BaseAddress = front.Address };
        var residents = await ClusterApi.ResidentsAsync([http], supporters + 1);
        var concern = await ClusterApi.RaiseConcernAsync(http, residents[0]);
        // As the pages' client connects: negotiate first, then WebSockets; and one held to long polling, which sends a
        // request per poll and so only works if every one of them reaches the node that negotiated (the sticky cookie).
        var watchers = new List<ClusterWatcher>();
        for (var i = 0; i < cluster.Nodes.Count; i++)
            watchers.Add(await ClusterWatcher.ConnectAsync(front.Address, HttpTransportType.WebSockets | HttpTransportType.LongPolling | HttpTransportType.ServerSentEvents));
        watchers.Add(await ClusterWatcher.ConnectAsync(front.Address, HttpTransportType.LongPolling));
        try
        {
            foreach (var watcher in watchers) await watcher.WatchAsync("concern", "york", concern);
            Assert.True(watchers.Select(w => w.PinnedNode).Distinct().Count() > 1,
                $"the front pinned every hub connection to one node: {string.Join(", ", watchers.Select(w => w.PinnedNode ?? "none"))}");

            // Round robin: the supports go through every node.
            long lastVersion = 0;
            foreach (var resident in residents.Skip(1))
                lastVersion = Math.Max(lastVersion, Version(await ClusterApi.SupportAsync(http, resident, concern)));

            foreach (var watcher in watchers)
            {
                Assert.True(await watcher.UntilAsync(v => Supports(v) == supporters && Version(v) >= lastVersion, Patience),
                    $"the watcher pinned to {watcher.PinnedNode} holds {watcher.Latest} after {watcher.Applied.Count} pushes");
                AssertContractKept(watcher);
            }
        }
        finally
        {
            foreach (var watcher in watchers) await watcher.DisposeAsync();
        }
    }

    /// <summary>Versions of the pushes a watcher applied only grew, it saw no gap, and each push named the one before it.</summary>
    private static void AssertContractKept(ClusterWatcher watcher)
    {
        Assert.Equal(0, watcher.Gaps);
        Assert.NotEmpty(watcher.Applied);
        for (var i = 1; i < watcher.Applied.Count; i++)
        {
            Assert.True(Version(watcher.Applied[i]) > Version(watcher.Applied[i - 1]));
            Assert.Equal(Version(watcher.Applied[i - 1]), watcher.Applied[i].GetProperty("previousVersion").GetInt64());
        }
    }
}
