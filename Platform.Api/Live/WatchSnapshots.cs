using System.Collections.Concurrent;

namespace Platform.Api.Live;

/// <summary>
/// The snapshots <see cref="LiveHub.Watch"/> answers, read once for all the watchers joining one view at the same time:
/// ten thousand screens reconnecting after a restart ask for one town hall within seconds, and each would read it from
/// the database. A watcher takes only a read that begins after it joined the view's group (the hub's rule: join first,
/// then read), so whatever committed before it joined is in its snapshot, and what commits later comes as a push.
/// <para>
/// Per view, at most one read is under way and one waits: a watcher takes the waiting read (it begins later), or the
/// read under way if that began after the watcher joined; otherwise it makes the waiting read, which begins when the
/// one under way ends. However many watchers arrive, a view is read at most twice per read's duration. Order is told by
/// one counter, ticked when a watcher has joined and when a read begins.
/// </para>
/// </summary>
public sealed class WatchSnapshots(LiveViews views)
{
    private readonly ConcurrentDictionary<string, Reads> _views = new(StringComparer.Ordinal);
    private long _ticks;

    /// <summary>Call once the connection has joined its group; pass the result to <see cref="LoadAsync"/>.</summary>
    public long Joined() => Interlocked.Increment(ref _ticks);

    /// <summary>A snapshot of the view read after <paramref name="joined"/>; stops waiting (the read goes on for others) when <paramref name="cancellation"/> fires.</summary>
    public Task<LiveView?> LoadAsync(IDocumentStore store, string group, string view, string city, Guid id, long joined, CancellationToken cancellation)
    {
        while (true)
        {
            var reads = _views.GetOrAdd(group, _ => new Reads());
            Read taken;
            Read? start = null;
            lock (reads)
            {
                if (reads.Forgotten) continue; // ended and removed meanwhile: start afresh
                if (reads.Waiting is { } waiting) taken = waiting;
                else if (reads.Current is { } current && current.Began > joined) taken = current;
                else if (reads.Current is not null) taken = reads.Waiting = new Read();
                else taken = start = reads.Current = new Read();
                if (start is not null) start.Began = Interlocked.Increment(ref _ticks);
            }
            if (start is not null) _ = RunAsync(reads, start, store, group, view, city, id);
            return taken.Result.WaitAsync(cancellation);
        }
    }

    /// <summary>Views with a read under way or waiting (for tests).</summary>
    public int Pending => _views.Count;

    private async Task RunAsync(Reads reads, Read read, IDocumentStore store, string group, string view, string city, Guid id)
    {
        while (true)
        {
            LiveView? snapshot = null;
            Exception? failure = null;
            try
            {
                // Not cancelled when a watcher leaves: the others still wait for it.
                snapshot = await views.LoadAsync(store, view, city, id, CancellationToken.None);
            }
            catch (Exception e)
            {
                failure = e;
            }

            Read? next;
            lock (reads)
            {
                next = reads.Waiting;
                reads.Waiting = null;
                reads.Current = next;
                if (next is not null) next.Began = Interlocked.Increment(ref _ticks);
                else
                {
                    reads.Forgotten = true;
                    _views.TryRemove(KeyValuePair.Create(group, reads));
                }
            }
            if (failure is null) read.Done(snapshot);
            else read.Failed(failure);
            if (next is null) return;
            read = next;
        }
    }

    /// <summary>The reads of one view; guarded by locking the instance.</summary>
    private sealed class Reads
    {
        public Read? Current;
        public Read? Waiting;
        public bool Forgotten;
    }

    /// <summary>One read: when it began (0 while it waits), and its result for every watcher who takes it.</summary>
    private sealed class Read
    {
        private readonly TaskCompletionSource<LiveView?> _result = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public long Began;
        public Task<LiveView?> Result => _result.Task;
        public void Done(LiveView? snapshot) => _result.SetResult(snapshot);
        public void Failed(Exception failure) => _result.SetException(failure);
    }
}
