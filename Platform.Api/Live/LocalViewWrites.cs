
namespace Platform.Api.Live;

/// <summary>
/// The short way to the screen for this node's own writes of a live view (a vote, a poll opened or closed): as soon
/// as a write committed and it is safe to, its view is handed to the <see cref="ILiveViewNotifier"/>, without
/// waiting for the event daemon to find the event (tens of milliseconds under load). The daemon still notifies every
/// change too; the notifier pushes whichever arrives first and never goes back in version.
/// <para>
/// Safe means: a push carries a version (an event sequence) and promises every event of the view up to it. Sequences
/// are handed out before transactions commit, so a write committed with sequence 101 may still have a write with
/// sequence 100 in flight. A committed write is therefore held until every tracked write that began before it
/// committed has finished (committed or not); then no tracked write can still commit a lower sequence. Every write
/// of the views tracked here goes through <see cref="Begin"/>, so nothing of theirs is missed. With several nodes
/// (<see cref="LiveOptions.SeveralNodes"/>: a Redis backplane, or <see cref="LiveOptions.PushUnwatchedViews"/>), other
/// nodes' writes are not tracked here, so a lower sequence may still be committing elsewhere: the short way is off
/// and the daemon alone notifies.
/// </para>
/// </summary>
public sealed class LocalViewWrites(ILiveViewNotifier notifier, IDocumentStore store, LiveOptions options, ILogger<LocalViewWrites> logger)
{
    private readonly Lock _gate = new();
    private readonly SortedSet<long> _inFlight = [];
    private readonly List<(long BegunUpTo, ViewChange Change)> _held = [];
    private long _begun;

    /// <summary>Starts tracking a write; call it before the write's transaction hands out any sequence, and dispose the result when done.</summary>
    public ViewWrite Begin()
    {
        if (options.SeveralNodes) return new ViewWrite(this, 0);
        lock (_gate)
        {
            var number = ++_begun;
            _inFlight.Add(number);
            return new ViewWrite(this, number);
        }
    }

    /// <summary>Writes still in flight (for tests and diagnostics).</summary>
    public int InFlight
    {
        get { lock (_gate) return _inFlight.Count; }
    }

    internal void Finish(long number, List<ViewChange>? committed)
    {
        if (number == 0) return;
        List<ViewChange> ready;
        lock (_gate)
        {
            _inFlight.Remove(number);
            // Every write begun so far may hold a lower sequence than this one: wait for all of them.
            if (committed is not null)
                foreach (var change in committed) _held.Add((_begun, change));
            var oldest = _inFlight.Count == 0 ? long.MaxValue : _inFlight.Min;
            ready = [];
            _held.RemoveAll(h =>
            {
                if (h.BegunUpTo >= oldest) return false;
                ready.Add(h.Change);
                return true;
            });
        }
        if (ready.Count > 0) _ = NotifyAsync(ready);
    }

    private async Task NotifyAsync(List<ViewChange> changes)
    {
        try
        {
            await notifier.ViewsChangedAsync(changes, store, CancellationToken.None);
        }
        catch (Exception e)
        {
            // The daemon notifies the same changes a moment later.
            logger.LogWarning(e, "Could not notify {Count} local view changes", changes.Count);
        }
    }
}

/// <summary>One tracked write: say what it changed once it committed (each view it changed); dispose it in every case.</summary>
public sealed class ViewWrite(LocalViewWrites writes, long number) : IDisposable
{
    private List<ViewChange>? _committed;
    private bool _finished;

    public void Committed(ViewChange change) => (_committed ??= []).Add(change);

    public void Dispose()
    {
        if (_finished) return;
        _finished = true;
        writes.Finish(number, _committed);
    }
}
