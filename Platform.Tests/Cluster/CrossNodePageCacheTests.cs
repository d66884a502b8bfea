namespace Platform.Tests.Cluster;

/// <summary>
/// The page cache across nodes (docs/page-cache.md): a change written through one node drops the cached pages of its
/// city on every node, carried by the live backplane's Redis, well before the pages' longest life (60 s) would.
/// </summary>
[Collection(ClusterCollection.Name)]
public class CrossNodePageCacheTests(ClusterFixture cluster)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task A_support_through_one_node_shows_on_the_cached_concern_page_of_every_other_node()
    {
        await cluster.EnsureAllRunningAsync();
        var nodes = cluster.Nodes;
        var residents = await ClusterApi.ResidentsAsync(nodes.Select(n => n.Http).ToList(), 2);
        var concern = await ClusterApi.RaiseConcernAsync(nodes[0].Http, residents[0]);
        var page = $"cities/york/concerns/{concern}";
        foreach (var node in nodes.Skip(1))
            Assert.Contains("Supports: 0", await CachedAsync(node, page));

        await ClusterApi.SupportAsync(nodes[0].Http, residents[1], concern);

        foreach (var node in nodes.Skip(1))
        {
            var clock = Stopwatch.StartNew();
            var html = "";
            while (clock.Elapsed < Patience)
            {
                using var response = await node.Http.GetAsync(page);
                html = await response.Content.ReadAsStringAsync();
                if (html.Contains("Supports: 1")) break;
                await Task.Delay(50);
            }
            Assert.True(html.Contains("Supports: 1"), $"node {node.Number} still served the page from before the support after {Patience.TotalSeconds} s");
        }
    }

    /// <summary>Asks the node until it serves the page from its cache (a node that cannot hear Redis yet keeps nothing).</summary>
    private static async Task<string> CachedAsync(ApiNode node, string page)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(20))
        {
            using var response = await node.Http.GetAsync(page);
            var html = await response.Content.ReadAsStringAsync();
            if (response.Headers.Age is not null) return html;
            await Task.Delay(100);
        }
        Assert.Fail($"node {node.Number} never served {page} from its page cache");
        return "";
    }
}
