using Microsoft.Extensions.Logging.Abstractions;
using Platform.Api.Live;
using Platform.Projections.Live;

namespace Platform.Tests.Live;

/// <summary>
/// The short way from a committed write to its watchers: a change is handed on only once no write that began
/// before it can still commit a lower sequence, so a push never promises an event it does not hold.
/// </summary>
public class LocalViewWritesTests
{
    private static readonly Guid TownHall = Guid.CreateVersion7();

    private sealed class RecordingNotifier : ILiveViewNotifier
    {
        public List<long> Sequences { get; } = [];

        public Task ViewsChangedAsync(IReadOnlyCollection<ViewChange> changes, IDocumentStore store, CancellationToken cancellation)
        {
            lock (Sequences) Sequences.AddRange(changes.Select(c => c.Sequence));
            return Task.CompletedTask;
        }
    }

    private static (LocalViewWrites Writes, RecordingNotifier Notifier) Create(bool severalNodes = false) =>
        Create(new LiveOptions { PushUnwatchedViews = severalNodes });

    private static (LocalViewWrites Writes, RecordingNotifier Notifier) Create(LiveOptions options)
    {
        var notifier = new RecordingNotifier();
        // The store only travels to the notifier; this one never connects.
        var store = DocumentStore.For("Host=127.0.0.1;Database=unused");
        return (new LocalViewWrites(notifier, store, options, NullLogger<LocalViewWrites>.Instance), notifier);
    }

    private static ViewChange Change(long sequence) => new("town-hall", "york", TownHall, sequence);

    [Fact]
    public void A_write_committed_while_an_earlier_one_is_in_flight_waits_for_it()
    {
        var (writes, notifier) = Create();
        var first = writes.Begin();   // got sequence 100, still committing
        var second = writes.Begin();  // got sequence 101, committed first

        second.Committed(Change(101));
        second.Dispose();
        Assert.Empty(notifier.Sequences); // 100 may still commit: pushing 101 now would promise it

        first.Committed(Change(100));
        first.Dispose();
        Assert.Equal([100, 101], notifier.Sequences.Order());
        Assert.Equal(0, writes.InFlight);
    }

    [Fact]
    public void A_write_that_failed_releases_the_ones_behind_it()
    {
        var (writes, notifier) = Create();
        var failed = writes.Begin();
        var committed = writes.Begin();
        committed.Committed(Change(7));
        committed.Dispose();

        failed.Dispose(); // refused (already voted, poll closed): nothing committed

        Assert.Equal([7], notifier.Sequences);
    }

    [Fact]
    public void A_write_begun_after_a_commit_does_not_hold_it_back()
    {
        var (writes, notifier) = Create();
        var committed = writes.Begin();
        committed.Committed(Change(5));
        committed.Dispose();
        using var later = writes.Begin(); // its sequence comes after 5's commit: higher

        Assert.Equal([5], notifier.Sequences);
        Assert.Equal(1, writes.InFlight);
    }

    [Fact]
    public void With_several_nodes_only_the_event_daemon_notifies()
    {
        var (writes, notifier) = Create(severalNodes: true);
        using (var write = writes.Begin())
            write.Committed(Change(3));

        Assert.Empty(notifier.Sequences); // other nodes' writes are not tracked here, so no version could be promised
        Assert.Equal(0, writes.InFlight);
    }

    [Fact]
    public void A_redis_backplane_alone_means_several_nodes()
    {
        var (writes, notifier) = Create(new LiveOptions { Redis = "127.0.0.1:6380" });
        using (var write = writes.Begin())
            write.Committed(Change(3));

        Assert.Empty(notifier.Sequences);
        Assert.Equal(0, writes.InFlight);
    }
}
