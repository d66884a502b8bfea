using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Platform.Api.Infrastructure;
using Platform.Api.Live;
using Platform.Api.Participation;
using Platform.Domain.Concerns;
using Platform.Projections.Participation;

namespace Platform.Tests.Concerns;

/// <summary>
/// Repeats and refusals cost no more than first supports: a batch of the supports lane that holds repeats and supports
/// of a closed concern writes its first supports in one transaction and hands the others back, which are answered as
/// repeats and refusals; a crowd that supports twice at once is counted exactly, without an error in the log.
/// </summary>
[Collection(IntegrationCollection.Name)]
public class RepeatedSupportsTests(AppFixture app)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_batch_with_repeats_and_a_closed_concern_writes_its_first_supports_in_one_transaction_and_hands_the_others_back()
    {
        var open = await app.RaiseAsync();
        var hidden = await app.RaiseAsync();
        await app.ActAsync(hidden, "hiding", await app.AccountAsync("york", CityRole.Moderator), new { reason = "Personal data" });
        var supported = await app.AccountsAsync(5, "york");
        foreach (var resident in supported) await app.SupportAsync(open, resident);

        // A lane of its own, its one writer started only once everything is queued: it takes the whole queue as one batch.
        var name = $"supports-test-{Guid.NewGuid():N}";
        using var batches = new LaneMetrics(name);
        var lane = new ParticipationLane(name, new GroupCommitOptions { Writers = 1, MaxBatch = 256 }, repeatIsHarmless: true, app.Store, "platform",
            app.Host.Services.GetRequiredService<LocalViewWrites>(), app.Host.Services.GetRequiredService<ILogger<ParticipationLane>>());
        var firsts = Enumerable.Range(0, 40).Select(_ => lane.WriteAsync(Support(open, Guid.NewGuid()), CancellationToken.None)).ToList();
        var repeats = supported.Select(r => lane.WriteAsync(Support(open, app.Participant(r)), CancellationToken.None)).ToList();
        var closed = Enumerable.Range(0, 5).Select(_ => lane.WriteAsync(Support(hidden, Guid.NewGuid()), CancellationToken.None)).ToList();
        var twice = Guid.NewGuid();
        var once = lane.WriteAsync(Support(open, twice), CancellationToken.None);
        var again = lane.WriteAsync(Support(open, twice), CancellationToken.None);
        await lane.StartAsync(CancellationToken.None);

        var written = await Task.WhenAll(firsts.Append(once)).WaitAsync(Patience);
        Assert.All(written, s => Assert.NotNull(s));
        Assert.Equal(41, written.Distinct().Count());
        Assert.All(await Task.WhenAll(repeats.Concat(closed).Append(again)).WaitAsync(Patience), s => Assert.Null(s));
        await lane.StopAsync(CancellationToken.None);

        Assert.Equal([41], batches.Sizes); // one transaction, never split
        Assert.Equal(0, batches.Splits);
        Assert.Equal(46, (await app.GetConcernAsync(open)).GetProperty("supports").GetInt64());
        await using var session = app.Store.QuerySession("york");
        Assert.Single(await session.Events.FetchStreamAsync(PersonalStream.Id(open, twice)));
    }

    [Fact]
    public async Task Repeats_in_a_crowd_of_first_supports_are_answered_as_repeats_and_every_first_support_counts()
    {
        var id = await app.RaiseAsync();
        var supported = await app.AccountsAsync(30, "york");
        foreach (var resident in supported) await app.SupportAsync(id, resident);
        var fresh = await app.AccountsAsync(90, "york");
        var before = await app.EventCountAsync();

        var answers = new ConcurrentBag<(bool First, JsonElement Answer)>();
        await Parallel.ForEachAsync(fresh.Select(r => (r, first: true)).Concat(supported.Select(r => (r, first: false))).OrderBy(_ => Random.Shared.Next()),
            new ParallelOptions { MaxDegreeOfParallelism = 40 }, async (call, _) => answers.Add((call.first, await app.SupportAsync(id, call.r))));

        Assert.All(answers, a => Assert.True(a.Answer.GetProperty("supported").GetBoolean()));
        Assert.All(answers.Where(a => a.First), a => Assert.True(a.Answer.GetProperty("changed").GetBoolean()));
        Assert.All(answers.Where(a => !a.First), a => Assert.False(a.Answer.GetProperty("changed").GetBoolean()));
        Assert.Equal(120, (await app.GetConcernAsync(id)).GetProperty("supports").GetInt64());
        Assert.Equal(before + 90, await app.EventCountAsync());
    }

    [Fact]
    public async Task A_crowd_supporting_twice_at_once_counts_each_resident_once_and_logs_no_error()
    {
        var id = await app.RaiseAsync();
        var crowd = await app.AccountsAsync(150, "york");
        var before = await app.EventCountAsync();
        var since = DateTimeOffset.UtcNow;

        var answers = new ConcurrentBag<(Actor Resident, bool Changed)>();
        await Parallel.ForEachAsync(crowd.Concat(crowd), new ParallelOptions { MaxDegreeOfParallelism = 64 },
            async (resident, _) => answers.Add((resident, (await app.SupportAsync(id, resident)).GetProperty("changed").GetBoolean())));

        Assert.All(answers.GroupBy(a => a.Resident.Id), pair => Assert.Equal([false, true], pair.Select(a => a.Changed).Order()));
        Assert.Equal(150, (await app.GetConcernAsync(id)).GetProperty("supports").GetInt64());
        Assert.Equal(before + 150, await app.EventCountAsync());
        var logged = app.Log.Since(since);
        Assert.DoesNotContain(logged, e => e.Level >= LogLevel.Error);
        Assert.DoesNotContain(logged, e => e.Exception is not null);
    }

    private static ParticipationLane.Pending Support(Guid concern, Guid participant) =>
        new("york", PersonalStream.Id(concern, participant), typeof(ResidentSupport),
            [new ConcernSupported(concern, participant, DateTimeOffset.UtcNow)],
            new GateCheck(ParticipationGate.Table<Concern>(), concern, concern), null);

    /// <summary>The batch sizes and splits one lane records (by its name; other lanes in the process are not counted).</summary>
    private sealed class LaneMetrics : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly ConcurrentQueue<int> _sizes = new();
        private long _splits;

        public LaneMetrics(string writer)
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == PlatformMetrics.MeterName
                    && instrument.Name is "platform.group_commit.batch_size" or "platform.group_commit.splits")
                    listener.EnableMeasurementEvents(instrument);
            };
            _listener.SetMeasurementEventCallback<int>((instrument, value, tags, _) =>
            {
                if (Of(writer, tags)) _sizes.Enqueue(value);
            });
            _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
            {
                if (Of(writer, tags)) Interlocked.Add(ref _splits, value);
            });
            _listener.Start();
        }

        public IReadOnlyList<int> Sizes => [.. _sizes];
        public long Splits => Interlocked.Read(ref _splits);

        private static bool Of(string writer, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            foreach (var tag in tags)
                if (tag.Key == "writer" && Equals(tag.Value, writer)) return true;
            return false;
        }

        public void Dispose() => _listener.Dispose();
    }
}
