using Marten;
using Microsoft.AspNetCore.SignalR;

using Platform.Api.Live;

namespace Platform.Bench.Module;

/// <summary>
/// The live benchmark's baseline: an in-memory counter, no database, broadcast to the watchers of the
/// "bench" view at the same rate live views are pushed (spaced by <see cref="LiveOptions.PushIntervalFor"/> the
/// watchers of York's bench view on this node, as the live views' pushes are). What remains of the latency is SignalR's own.
/// </summary>
public sealed class BenchBroadcast(IHubContext<LiveHub> hub, LiveOptions options, IWatchedViews watched, ILogger<BenchBroadcast> logger)
    : BackgroundService, ILiveViewSource
{
    public const string ViewName = "bench";
    private long _count;
    private long _pushed;

    public string View => ViewName;

    /// <summary>Counts one "vote" and returns the version a push must reach to include it.</summary>
    public long Count() => Interlocked.Increment(ref _count);

    public Task<LiveView?> LoadAsync(IDocumentStore store, string city, Guid id, CancellationToken cancellation) =>
        Task.FromResult<LiveView?>(Snapshot(city, id));

    private LiveView Snapshot(string city, Guid id)
    {
        var count = Interlocked.Read(ref _count);
        return new LiveView(ViewName, city, id, count, new { count });
    }

    protected override async Task ExecuteAsync(CancellationToken stopping)
    {
        using var timer = new PeriodicTimer(options.PushInterval);
        while (await timer.WaitForNextTickAsync(stopping))
        {
            timer.Period = options.PushIntervalFor(watched.WatchersOf(LiveGroups.Of(ViewName, "york", Guid.Empty)));
            var count = Interlocked.Read(ref _count);
            if (count == _pushed) continue;
            try
            {
                foreach (var city in BenchEndpoints.Cities)
                    await hub.Clients.Group(LiveGroups.Of(ViewName, city, Guid.Empty))
                        .SendAsync(LiveHub.ViewChanged, Snapshot(city, Guid.Empty) with { PreviousVersion = _pushed }, stopping);
                _pushed = count;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Bench broadcast failed");
            }
        }
    }
}
