using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Platform.Api.Infrastructure;
using Platform.Api.Live;
using Platform.Api.Participation;
using Platform.Domain.Concerns;
using Platform.Domain.TownHalls;
using Platform.Projections.Participation;

namespace Platform.Tests.Participation;

/// <summary>
/// Repeats and refusals cost no more than first participations: a batch of a group-commit lane that holds repeats,
/// a stream twice and participations in a closed item writes its first participations in one transaction, never split,
/// and hands the others back (answered null). A repeat is handed back with the version its stream was found at (the
/// writer then answers it on that state without reading); anything else without (the writer reads and decides).
/// </summary>
[Collection(IntegrationCollection.Name)]
public class ParticipationLaneTests(AppFixture app)
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

        var name = $"supports-test-{Guid.NewGuid():N}";
        using var batches = new LaneMetrics(name);
        var lane = Lane(name, repeatIsHarmless: true);
        var firsts = Enumerable.Range(0, 40).Select(_ => lane.WriteAsync(Support(open, Guid.NewGuid()), CancellationToken.None)).ToList();
        var repeated = supported.Select(r => Support(open, app.Participant(r))).ToList();
        var repeats = repeated.Select(p => lane.WriteAsync(p, CancellationToken.None)).ToList();
        var shut = Enumerable.Range(0, 5).Select(_ => Support(hidden, Guid.NewGuid())).ToList();
        var closed = shut.Select(p => lane.WriteAsync(p, CancellationToken.None)).ToList();
        var twice = Guid.NewGuid();
        var once = lane.WriteAsync(Support(open, twice), CancellationToken.None);
        var second = Support(open, twice);
        var again = lane.WriteAsync(second, CancellationToken.None);
        await lane.StartAsync(CancellationToken.None);

        var written = await Task.WhenAll(firsts.Append(once)).WaitAsync(Patience);
        Assert.All(written, s => Assert.NotNull(s));
        Assert.Equal(41, written.Distinct().Count());
        Assert.All(await Task.WhenAll(repeats.Concat(closed).Append(again)).WaitAsync(Patience), s => Assert.Null(s));
        await lane.StopAsync(CancellationToken.None);
        Assert.All(repeated.Append(second), p => Assert.Equal(1, p.FoundAt)); // standing supports: one event each
        Assert.All(shut, p => Assert.Null(p.FoundAt));

        Assert.Equal([41], batches.Sizes); // one transaction, never split
        Assert.Equal(0, batches.Splits);
        Assert.Equal(46, (await app.GetConcernAsync(open)).GetProperty("supports").GetInt64());
        await using var session = app.Store.QuerySession("york");
        Assert.Single(await session.Events.FetchStreamAsync(PersonalStream.Id(open, twice)));
    }

    [Fact]
    public async Task A_batch_of_votes_with_repeats_and_a_closed_poll_writes_its_first_votes_in_one_transaction_and_hands_the_others_back()
    {
        var official = await app.OfficialAsync();
        var open = await app.OpenTownHallAsync(official);
        var poll = await app.OpenPollAsync(open, official);
        var other = await app.OpenTownHallAsync(official);
        var closedPoll = await app.OpenPollAsync(other, official);
        await app.ClosePollAsync(other, closedPoll, official);
        var voted = await app.AccountsAsync(4, "york");
        foreach (var resident in voted) await app.VoteAsync(open, poll, resident, 0);

        var name = $"votes-test-{Guid.NewGuid():N}";
        using var batches = new LaneMetrics(name);
        var lane = Lane(name, repeatIsHarmless: false);
        var firsts = Enumerable.Range(0, 30).Select(i => lane.WriteAsync(Vote(open, poll, Guid.NewGuid(), i % 3), CancellationToken.None)).ToList();
        var repeated = voted.Select(r => Vote(open, poll, app.Participant(r), 1)).ToList();
        var repeats = repeated.Select(p => lane.WriteAsync(p, CancellationToken.None)).ToList();
        var shut = Enumerable.Range(0, 3).Select(_ => Vote(other, closedPoll, Guid.NewGuid(), 0)).ToList();
        var closed = shut.Select(p => lane.WriteAsync(p, CancellationToken.None)).ToList();
        await lane.StartAsync(CancellationToken.None);

        var written = await Task.WhenAll(firsts).WaitAsync(Patience);
        Assert.All(written, s => Assert.NotNull(s));
        Assert.Equal(30, written.Distinct().Count());
        Assert.All(await Task.WhenAll(repeats.Concat(closed)).WaitAsync(Patience), s => Assert.Null(s));
        await lane.StopAsync(CancellationToken.None);
        Assert.All(repeated, p => Assert.Equal(1, p.FoundAt));
        Assert.All(shut, p => Assert.Null(p.FoundAt));

        Assert.Equal([30], batches.Sizes);
        Assert.Equal(0, batches.Splits);
        Assert.Equal(new long[] { 14, 10, 10 }, (await app.GetTownHallAsync(open)).GetProperty("currentPoll").Votes());
    }

    /// <summary>A lane of its own, its one writer started only once everything is queued: it takes the whole queue as one batch.</summary>
    private ParticipationLane Lane(string name, bool repeatIsHarmless) =>
        new(name, new GroupCommitOptions { Writers = 1, MaxBatch = 256 }, repeatIsHarmless, app.Store, "platform",
            app.Host.Services.GetRequiredService<LocalViewWrites>(), app.Host.Services.GetRequiredService<ILogger<ParticipationLane>>());

    private static ParticipationLane.Pending Support(Guid concern, Guid participant) =>
        new("york", PersonalStream.Id(concern, participant), typeof(ResidentSupport),
            [new ConcernSupported(concern, participant, DateTimeOffset.UtcNow)],
            new GateCheck(ParticipationGate.Table<Concern>(), concern, concern), null);

    private static ParticipationLane.Pending Vote(Guid townHall, Guid poll, Guid participant, int option) =>
        new("york", PersonalStream.Id(poll, participant), typeof(ResidentVote),
            [new TownHallVoteCast(townHall, poll, participant, option, DateTimeOffset.UtcNow)],
            new GateCheck(ParticipationGate.Table<TownHall>(), townHall, poll), null);

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
