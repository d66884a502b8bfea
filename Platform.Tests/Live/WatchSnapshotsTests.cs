using Platform.Api.Live;

namespace Platform.Tests.Live;

/// <summary>
/// Watchers joining one view at once share one snapshot read, but only a read that began after they joined: a read
/// that began before may lack a change committed between its start and their join, which no push would bring them.
/// </summary>
public class WatchSnapshotsTests
{
    private const string Group = "town-hall:york:0193b8a2c1f47c6e9d1a2b3c4d5e6f70";
    private static readonly Guid Id = Guid.Parse("0193b8a2-c1f4-7c6e-9d1a-2b3c4d5e6f70");

    [Fact]
    public async Task A_thousand_watchers_who_joined_before_a_read_began_share_it()
    {
        var source = new GatedTownHall();
        var snapshots = new WatchSnapshots(new LiveViews([source]));
        var joined = Enumerable.Range(0, 1000).Select(_ => snapshots.Joined()).ToArray();

        var loads = joined.Select(j => snapshots.LoadAsync(null!, Group, "town-hall", "york", Id, j, CancellationToken.None)).ToArray();
        source.Open(version: 42);
        var answers = await Task.WhenAll(loads);

        Assert.Equal(1, source.Reads);
        Assert.All(answers, a => Assert.Equal(42, a!.Version));
        Assert.Equal(0, snapshots.Pending);
    }

    [Fact]
    public async Task A_watcher_who_joined_after_a_read_began_waits_for_a_read_of_its_own()
    {
        var source = new GatedTownHall();
        var snapshots = new WatchSnapshots(new LiveViews([source]));
        var early = snapshots.LoadAsync(null!, Group, "town-hall", "york", Id, snapshots.Joined(), CancellationToken.None);
        // A change commits now, after the first read began: the late watcher must not get the snapshot without it.
        var late = snapshots.LoadAsync(null!, Group, "town-hall", "york", Id, snapshots.Joined(), CancellationToken.None);

        source.Open(version: 7);
        Assert.Equal([7L, 8L], (await Task.WhenAll(early, late)).Select(a => a!.Version));
        Assert.Equal(2, source.Reads);
    }

    [Fact]
    public async Task Watchers_who_join_while_a_read_is_under_way_share_the_one_read_that_follows_it()
    {
        var source = new GatedTownHall();
        var snapshots = new WatchSnapshots(new LiveViews([source]));
        var first = snapshots.LoadAsync(null!, Group, "town-hall", "york", Id, snapshots.Joined(), CancellationToken.None);
        var late = Enumerable.Range(0, 500)
            .Select(_ => snapshots.LoadAsync(null!, Group, "town-hall", "york", Id, snapshots.Joined(), CancellationToken.None)).ToArray();
        Assert.Equal(1, source.Reads); // the second read waits for the first to end

        source.Open(version: 20);
        Assert.Equal(20, (await first)!.Version);
        Assert.All(await Task.WhenAll(late), a => Assert.Equal(21, a!.Version));
        Assert.Equal(2, source.Reads);
        Assert.Equal(0, snapshots.Pending);
    }

    [Fact]
    public async Task A_watcher_that_leaves_does_not_cancel_the_read_of_the_others_and_a_failed_read_is_not_kept()
    {
        var source = new GatedTownHall();
        var snapshots = new WatchSnapshots(new LiveViews([source]));
        using var leaving = new CancellationTokenSource();
        var joined = snapshots.Joined();
        var gone = snapshots.LoadAsync(null!, Group, "town-hall", "york", Id, joined, leaving.Token);
        var staying = snapshots.LoadAsync(null!, Group, "town-hall", "york", Id, joined, CancellationToken.None);
        await leaving.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => gone);
        source.Open(version: 3);
        Assert.Equal(3, (await staying)!.Version);

        source.FailNext();
        await Assert.ThrowsAsync<InvalidOperationException>(() => snapshots.LoadAsync(null!, Group, "town-hall", "york", Id, snapshots.Joined(), CancellationToken.None));
        var after = await snapshots.LoadAsync(null!, Group, "town-hall", "york", Id, snapshots.Joined(), CancellationToken.None);
        Assert.Equal(5, after!.Version);
        Assert.Equal(3, source.Reads);
    }

    /// <summary>
    /// A town-hall view whose reads wait until <see cref="Open"/> (or answer at once after it); each read answers the
    /// version the gate opened with plus the reads begun before it, so two reads never answer the same version.
    /// </summary>
    private sealed class GatedTownHall : ILiveViewSource
    {
        private readonly TaskCompletionSource<long> _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _reads;
        private bool _fail;

        public string View => "town-hall";
        public int Reads => Volatile.Read(ref _reads);

        public void Open(long version) => _gate.TrySetResult(version);
        public void FailNext() => _fail = true;

        public async Task<LiveView?> LoadAsync(IDocumentStore store, string city, Guid id, CancellationToken cancellation)
        {
            var order = Interlocked.Increment(ref _reads) - 1;
            var version = await _gate.Task;
            if (_fail)
            {
                _fail = false;
                throw new InvalidOperationException("The database is away.");
            }
            return new LiveView(View, city, id, version + order, new { });
        }
    }
}
