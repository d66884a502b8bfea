namespace Platform.Api.Live;

/// <summary>Settings under <c>Platform:Live</c>.</summary>
public sealed class LiveOptions
{
    /// <summary>
    /// At most this many pushes per second per view. Changes in between are coalesced: the next push
    /// carries the latest state, and a push always follows the last change, so the final state is exact.
    /// </summary>
    public int MaxPushesPerSecond { get; set; } = 10;

    /// <summary>How often the event daemon looks for new events while events keep arriving (milliseconds); bounds push latency.</summary>
    public int PollingMilliseconds { get; set; } = 20;

    /// <summary>
    /// Push every changed view, watched or not. Off (default): only views with a watcher on this node are loaded and
    /// pushed. Implied by <see cref="Redis"/>: with several nodes the node that runs the live-view subscription is
    /// seldom the one the watchers are connected to.
    /// </summary>
    public bool PushUnwatchedViews { get; set; }

    /// <summary>
    /// The Redis server of the SignalR backplane (a StackExchange.Redis configuration string such as
    /// <c>127.0.0.1:6380</c>; environment <c>Platform__Live__Redis</c>). Set it on every node when several API nodes
    /// serve hub connections: a push sent by any node then reaches watchers connected to every node. Empty (default):
    /// one node, no backplane.
    /// </summary>
    public string? Redis { get; set; }

    /// <summary>
    /// Prefix of the backplane's Redis channels, so that several deployments (a test run beside a demo) can share one
    /// Redis without hearing each other's pushes.
    /// </summary>
    public string RedisChannelPrefix { get; set; } = "platform";

    /// <summary>
    /// Whether this node is one of several (a backplane is configured, or <see cref="PushUnwatchedViews"/> says so).
    /// Short-cuts that only see this node's own watchers or writes are off then.
    /// </summary>
    public bool SeveralNodes => PushUnwatchedViews || !string.IsNullOrWhiteSpace(Redis);

    /// <summary>
    /// At most this many messages a second to the watchers of one view on this node (default 20,000): a view with
    /// many watchers is pushed less often than <see cref="MaxPushesPerSecond"/>, so that delivering its pushes leaves
    /// the node time to take the writes that change it. With the defaults a view is pushed 10 times a second up to
    /// 2,000 watchers, and twice a second at 10,000. Each push still carries the latest state.
    /// </summary>
    public int MaxDeliveriesPerSecond { get; set; } = 20_000;

    public TimeSpan PushInterval => TimeSpan.FromSeconds(1.0 / Math.Max(1, MaxPushesPerSecond));

    /// <summary>The time between two pushes of a view that <paramref name="watchers"/> connections of this node watch.</summary>
    public TimeSpan PushIntervalFor(int watchers)
    {
        var spread = TimeSpan.FromSeconds((double)watchers / Math.Max(1, MaxDeliveriesPerSecond));
        return spread > PushInterval ? spread : PushInterval;
    }
}
