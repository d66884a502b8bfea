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
    /// pushed. Turn it on when several nodes serve hub connections through a backplane, so that a view watched on
    /// another node is still pushed.
    /// </summary>
    public bool PushUnwatchedViews { get; set; }

    public TimeSpan PushInterval => TimeSpan.FromSeconds(1.0 / Math.Max(1, MaxPushesPerSecond));
}
