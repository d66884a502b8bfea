using Microsoft.Extensions.Logging.Abstractions;
using Platform.Api.Infrastructure;

namespace Platform.Tests.Infrastructure;

/// <summary>
/// The rules of group commit on their own (supports and votes run them against PostgreSQL in their own tests): a
/// refused write costs the others nothing, a write handed back before its batch stays out of it, a stream written twice
/// in one batch is written once, and nothing queued
/// is dropped when the service stops.
/// </summary>
public class GroupCommitTests
{
    /// <summary>A group commit whose "transaction" refuses the streams it is told to, and records every batch it tried.</summary>
    private sealed class Recording(params Guid[] refused) : GroupCommit<Recording.Item>(new GroupCommitOptions { Writers = 1, MaxBatch = 64 }, NullLogger.Instance)
    {
        /// <summary>Streams whose writes the "transaction" knows to be refused before it writes: it hands them back.</summary>
        public HashSet<Guid> Known { get; } = [];

        private long _sequence;
        public List<int> Batches { get; } = [];
        public List<Guid> Written { get; } = [];

        /// <summary>Holds the writer until released, so that several writes are queued into one batch.</summary>
        public TaskCompletionSource Gate { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task<long?> SubmitAsync(Guid stream, string tenant = "york") => SubmitAsync(new Item(tenant, stream), CancellationToken.None);

        protected override async Task<IReadOnlyList<long>> WriteBatchAsync(string tenant, IReadOnlyList<Item> batch)
        {
            await Gate.Task;
            lock (Batches) Batches.Add(batch.Count);
            foreach (var item in batch.Where(i => Known.Contains(i.StreamId))) HandBack(item);
            batch = [.. batch.Where(i => !i.Outcome.Task.IsCompleted)];
            if (batch.Any(i => refused.Contains(i.StreamId))) throw new RefusedException();
            lock (Written) Written.AddRange(batch.Select(i => i.StreamId));
            return batch.Select(_ => Interlocked.Increment(ref _sequence)).ToList();
        }

        protected override bool SplitsOn(Exception exception) => exception is RefusedException;

        public sealed class Item(string tenant, Guid stream) : Write(tenant, stream);
    }

    private sealed class RefusedException : Exception;

    /// <summary>A hang fails the test instead of the run.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private static async Task WaitUntilQueuedAsync(Recording commit, int count)
    {
        for (var i = 0; i < 500 && commit.Queued + commit.Writing < count; i++) await Task.Delay(10);
        Assert.Equal(count, commit.Queued + commit.Writing);
    }

    [Fact]
    public async Task A_refused_write_is_answered_null_and_every_other_write_of_its_batch_is_written()
    {
        var refused = Guid.NewGuid();
        var commit = new Recording(refused);
        var streams = Enumerable.Range(0, 16).Select(_ => Guid.NewGuid()).ToList();
        streams.Insert(5, refused);

        // Queued before the writer starts, so that it takes them all in one batch.
        var outcomes = streams.Select(s => commit.SubmitAsync(s)).ToList();
        commit.Gate.SetResult();
        await commit.StartAsync(CancellationToken.None);
        var answers = await Task.WhenAll(outcomes).WaitAsync(Patience);

        Assert.Null(answers[5]);
        Assert.All(answers.Where((_, i) => i != 5), a => Assert.NotNull(a));
        Assert.Equal(16, answers.Where(a => a is not null).Distinct().Count());
        Assert.Equal(streams.Where(s => s != refused).Order(), commit.Written.Order());
        Assert.Equal(17, commit.Batches[0]);
        await commit.StopAsync(CancellationToken.None).WaitAsync(Patience);
    }

    [Fact]
    public async Task Writes_handed_back_before_the_batch_are_answered_null_and_left_out_of_its_halves_when_a_race_splits_it()
    {
        var refused = Guid.NewGuid();
        var commit = new Recording(refused);
        var streams = Enumerable.Range(0, 16).Select(_ => Guid.NewGuid()).ToList();
        var known = streams.Where((_, i) => i % 4 == 0).ToList(); // 4 of them
        commit.Known.UnionWith(known);
        streams.Insert(9, refused);

        var outcomes = streams.Select(s => commit.SubmitAsync(s)).ToList();
        commit.Gate.SetResult();
        await commit.StartAsync(CancellationToken.None);
        var answers = await Task.WhenAll(outcomes).WaitAsync(Patience);

        Assert.All(answers.Where((_, i) => known.Contains(streams[i]) || streams[i] == refused), a => Assert.Null(a));
        Assert.Equal(12, answers.Count(a => a is not null));
        Assert.Equal(streams.Where(s => s != refused && !known.Contains(s)).Order(), commit.Written.Order());
        Assert.Equal(17, commit.Batches[0]);
        Assert.Equal(13, commit.Batches[1] + commit.Batches[2]); // the halves hold the 13 writes left, not the 4 handed back
        await commit.StopAsync(CancellationToken.None).WaitAsync(Patience);
    }

    [Fact]
    public async Task A_second_write_of_a_stream_in_one_batch_waits_for_the_first_and_is_answered_null()
    {
        var commit = new Recording();
        var stream = Guid.NewGuid();
        var first = commit.SubmitAsync(stream);
        var second = commit.SubmitAsync(stream);
        await commit.StartAsync(CancellationToken.None);
        for (var i = 0; i < 500 && commit.Writing == 0; i++) await Task.Delay(10);
        Assert.Equal(1, commit.Writing); // the first is being written, held by the gate; the second waits for it
        Assert.False(second.IsCompleted);
        commit.Gate.SetResult();

        Assert.NotNull(await first.WaitAsync(Patience));
        Assert.Null(await second.WaitAsync(Patience));
        Assert.Equal([stream], commit.Written);
        await commit.StopAsync(CancellationToken.None).WaitAsync(Patience);
    }

    [Fact]
    public async Task Stopping_writes_what_is_queued_and_hands_later_writes_back_to_the_caller()
    {
        var commit = new Recording();
        await commit.StartAsync(CancellationToken.None);
        var queued = Enumerable.Range(0, 5).Select(_ => commit.SubmitAsync(Guid.NewGuid())).ToList();
        await WaitUntilQueuedAsync(commit, 5);

        var stopping = commit.StopAsync(CancellationToken.None);
        var late = await commit.SubmitAsync(Guid.NewGuid()).WaitAsync(Patience);
        commit.Gate.SetResult();
        await stopping.WaitAsync(Patience);

        Assert.Null(late);
        Assert.All(await Task.WhenAll(queued).WaitAsync(Patience), a => Assert.NotNull(a));
        Assert.Equal(5, commit.Written.Count);
    }

    [Fact]
    public async Task A_stop_at_once_after_the_start_still_writes_what_was_queued()
    {
        var commit = new Recording();
        var queued = Enumerable.Range(0, 3).Select(_ => commit.SubmitAsync(Guid.NewGuid())).ToList();
        commit.Gate.SetResult();

        await commit.StartAsync(CancellationToken.None);
        await commit.StopAsync(CancellationToken.None).WaitAsync(Patience);

        Assert.All(await Task.WhenAll(queued).WaitAsync(Patience), a => Assert.NotNull(a));
        Assert.Equal(3, commit.Written.Count);
    }
}
