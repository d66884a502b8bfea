using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.SignalR;

namespace Platform.Api.Live;

/// <summary>
/// Pushes changed views to the SignalR group that watches each, at most <see cref="LiveOptions.MaxPushesPerSecond"/>
/// times a second per view, and less often for a view so widely watched that its pushes would exceed
/// <see cref="LiveOptions.MaxDeliveriesPerSecond"/> messages a second (<see cref="LiveOptions.PushIntervalFor"/>). A change that arrives inside the interval schedules one push at its end, which
/// loads the snapshot then: every push carries the latest state, and the last change is always followed by
/// a push, so watchers end on the exact final state however bursty the writes were.
/// </summary>
public sealed class CoalescingLiveViewNotifier : ILiveViewNotifier, IDisposable
{
    private static readonly TimeSpan IdleFor = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(1);

    private readonly IHubContext<LiveHub> _hub;
    private readonly LiveViews _views;
    private readonly IWatchedViews _watched;
    private readonly ILogger<CoalescingLiveViewNotifier> _logger;
    private readonly LiveOptions _options;
    private readonly ConcurrentDictionary<ViewKey, ViewPushes> _pushes = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly ITimer _sweep;

    public CoalescingLiveViewNotifier(IHubContext<LiveHub> hub, LiveViews views, IWatchedViews watched, LiveOptions options, ILogger<CoalescingLiveViewNotifier> logger)
    {
        _hub = hub;
        _views = views;
        _watched = watched;
        _logger = logger;
        _options = options;
        // Intervals are measured on the monotonic clock, not the (adjustable) wall clock of TimeProvider.
        _sweep = TimeProvider.System.CreateTimer(_ => ForgetIdleViews(), null, IdleFor, IdleFor);
    }

    private static TimeSpan Now => Stopwatch.GetElapsedTime(0);

    public Task ViewsChangedAsync(IReadOnlyCollection<ViewChange> changes, Marten.IDocumentStore store, CancellationToken cancellation)
    {
        foreach (var change in changes) Changed(new ViewKey(change.View, change.City, change.Id), change.Sequence, store);
        return Task.CompletedTask;
    }

    private void Changed(ViewKey key, long sequence, Marten.IDocumentStore store)
    {
        // Nobody watches it: nothing to push. A watcher who arrives later reads its snapshot after joining,
        // and that snapshot already holds this change (it committed before it was notified).
        var group = LiveGroups.Of(key.View, key.City, key.Id);
        if (!_watched.IsWatched(group)) return;
        while (true)
        {
            var pushes = _pushes.GetOrAdd(key, _ => new ViewPushes());
            lock (pushes)
            {
                if (pushes.Forgotten) continue; // swept away meanwhile: start afresh
                pushes.NotifiedSequence = Math.Max(pushes.NotifiedSequence, sequence);
                if (pushes.Scheduled) return;   // the scheduled push will carry this change too
                pushes.Scheduled = true;
                var wait = pushes.LastPushAt + _options.PushIntervalFor(_watched.WatchersOf(group)) - Now;
                _ = PushAsync(key, pushes, wait > TimeSpan.Zero ? wait : TimeSpan.Zero, store);
                return;
            }
        }
    }

    private async Task PushAsync(ViewKey key, ViewPushes pushes, TimeSpan wait, Marten.IDocumentStore store)
    {
        long claimed = 0;
        long? previous = null;
        try
        {
            if (wait > TimeSpan.Zero) await Task.Delay(wait, _stopping.Token);
            long version;
            lock (pushes)
            {
                // From here on, a new change schedules another push: nothing that commits after this snapshot is missed.
                pushes.Scheduled = false;
                pushes.LastPushAt = Now;
                version = pushes.NotifiedSequence;
                if (version <= pushes.LastVersion) return; // a push loaded after this change went out already
            }

            // Every event up to the notified sequence is committed (the daemon reads in sequence order), so the
            // snapshot read now holds all of them, and perhaps later ones: the push carries the notified sequence
            // as its version, never the view's own highest sequence, which can run ahead of an event still
            // committing below it. Versions of pushes thus only grow, and a push never claims more than it holds.
            var snapshot = await _views.LoadAsync(store, key.View, key.City, key.Id, _stopping.Token);
            if (snapshot is null) return;
            lock (pushes)
            {
                if (version <= pushes.LastVersion) return;
                previous = pushes.LastVersion == 0 ? null : pushes.LastVersion;
                pushes.LastVersion = version;
                claimed = version;
            }
            await _hub.Clients.Group(LiveGroups.Of(key.View, key.City, key.Id))
                .SendAsync(LiveHub.ViewChanged, snapshot with { Version = version, PreviousVersion = previous }, _stopping.Token);
            Infrastructure.PlatformMetrics.LivePushes.Add(1, new KeyValuePair<string, object?>("view", key.View));
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            // A failed push must not stop the subscription, nor leave watchers on a stale state: try again later.
            _logger.LogWarning(e, "Could not push {View} {City}/{Id}; retrying", key.View, key.City, key.Id);
            // A push that could not be sent (the backplane away) was not seen: give its version back, so the retry
            // sends it, and names as previous the last push watchers did get.
            if (claimed > 0)
                lock (pushes)
                    if (pushes.LastVersion == claimed) pushes.LastVersion = previous ?? 0;
            await RetryLaterAsync(key, store);
        }
    }

    private async Task RetryLaterAsync(ViewKey key, Marten.IDocumentStore store)
    {
        try
        {
            await Task.Delay(RetryAfter, _stopping.Token);
            Changed(key, 0, store);
        }
        catch (OperationCanceledException)
        {
        }
    }

    private void ForgetIdleViews()
    {
        var cutoff = Now - IdleFor;
        foreach (var (key, pushes) in _pushes)
        {
            lock (pushes)
            {
                if (pushes.Scheduled || pushes.LastPushAt > cutoff) continue;
                pushes.Forgotten = true;
                _pushes.TryRemove(KeyValuePair.Create(key, pushes));
            }
        }
    }

    public void Dispose()
    {
        _stopping.Cancel();
        _sweep.Dispose();
        _stopping.Dispose();
    }

    private readonly record struct ViewKey(string View, string City, Guid Id);

    /// <summary>Push bookkeeping of one view on this node; guarded by locking the instance.</summary>
    private sealed class ViewPushes
    {
        public bool Scheduled;
        public bool Forgotten;
        public TimeSpan LastPushAt = TimeSpan.MinValue / 2; // long ago: the first push goes out at once
        /// <summary>The highest event sequence notified for this view.</summary>
        public long NotifiedSequence;
        /// <summary>The version of the last push sent.</summary>
        public long LastVersion;
    }
}
