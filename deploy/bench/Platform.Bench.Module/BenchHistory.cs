using System.Diagnostics;
using JasperFx.Events;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Marten.Events;
using Platform.Api.Infrastructure;
using Platform.Domain;
using Platform.Domain.Commitments;
using Platform.Domain.Concerns;
using Platform.Domain.Monitoring;
using Platform.Domain.Reference;
using Platform.Domain.TownHalls;

namespace Platform.Bench.Module;

/// <summary>
/// The rebuild benchmark's support: a history of the platform's own events over the demo cities, written with
/// Marten's bulk event insert (binary COPY, no inline projection runs: the rebuild makes every view from nothing),
/// then every projection that keeps a view (inline and async; not the live ones, which keep nothing) rebuilt as the
/// platform rebuilds them (<c>ProjectionRebuilds.RebuildAllAsync</c>: those that read the most events first; the tallies,
/// the search index and the board by one statement, the others through a projection daemon of the store).
/// </summary>
public static class BenchHistory
{
    public const int MaxEvents = 20_000_000;

    /// <summary>Events kept in memory per city before they are copied in.</summary>
    private const int FlushEvents = 25_000;

    public static void Map(RouteGroupBuilder bench)
    {
        bench.MapPost("/history", async (int events, IDocumentStore store, TimeProvider clock, CancellationToken cancellation) =>
        {
            if (events is < 1 or > MaxEvents) return Results.Problem(statusCode: 400, title: $"events is 1 to {MaxEvents}.");
            var watch = Stopwatch.StartNew();
            var written = await WriteAsync((DocumentStore)store, events, clock.GetUtcNow(), cancellation);
            return Results.Ok(new { events = written, seconds = watch.Elapsed.TotalSeconds });
        }).ExcludeFromDescription();

        // The async views (run by the node's own daemon) catch up with the history first: not part of the rebuild.
        bench.MapPost("/settle", async (IDocumentStore store) =>
        {
            var watch = Stopwatch.StartNew();
            await store.WaitForNonStaleProjectionDataAsync(TimeSpan.FromMinutes(20));
            return Results.Ok(new { seconds = watch.Elapsed.TotalSeconds });
        }).ExcludeFromDescription();

        bench.MapPost("/rebuild", async (int? parallel, IDocumentStore store, CancellationToken cancellation) =>
        {
            var watch = Stopwatch.StartNew();
            var seconds = await store.RebuildAllAsync(parallel ?? 2, cancellation);
            return Results.Ok(new { seconds = watch.Elapsed.TotalSeconds, projections = seconds.OrderByDescending(p => p.Value).ToDictionary(p => p.Key, p => Math.Round(p.Value, 2)) });
        }).ExcludeFromDescription();
    }

    /// <summary>
    /// Blocks of about a thousand events, each in one city, in turn: twenty concerns (raised; most acknowledged, half
    /// answered) with their residents' supports (10 to 50 each, every one a stream of its own), a town hall with two
    /// polls of a hundred votes, ten commitments with their progress reports, and an indicator series with sixty
    /// measurements. Returns how many events were written.
    /// </summary>
    private static async Task<long> WriteAsync(DocumentStore store, int target, DateTimeOffset now, CancellationToken cancellation)
    {
        var random = new Random(target);
        var indicators = IndicatorReference.Indicators.Values.OrderBy(i => i.Code, StringComparer.Ordinal).ToArray();
        var pending = BenchEndpoints.Cities.ToDictionary(c => c, _ => (Streams: new List<StreamAction>(), Events: 0));
        long written = 0;
        for (var block = 0; written + pending.Values.Sum(p => p.Events) < target; block++)
        {
            var city = BenchEndpoints.Cities[block % BenchEndpoints.Cities.Length];
            var streams = new List<StreamAction>();
            var official = Guid.CreateVersion7();
            var at = now.AddDays(-random.Next(3 * 365));
            void Start<TState>(Guid id, params object[] events)
            {
                var action = StreamAction.Start(store.Events, id, events);
                action.AggregateType = typeof(TState);
                action.TenantId = city;
                streams.Add(action);
            }

            for (var c = 0; c < 20; c++)
            {
                var id = Guid.CreateVersion7();
                var (title, description) = BenchTexts.Concern(random);
                var concern = new List<object> { new ConcernRaised(id, title, description, [BenchTexts.Rights[random.Next(BenchTexts.Rights.Length)]], [], null, Guid.NewGuid(), false, at) };
                if (random.Next(10) < 7) concern.Add(new ConcernAcknowledged(id, official, "Housing", at.AddDays(30), at.AddDays(2)));
                if (concern.Count == 2 && random.Next(10) < 7) concern.Add(new ConcernAnswered(id, official, "We have planned the work for next spring.", at.AddDays(12)));
                Start<Concern>(id, [.. concern]);
                for (var s = 10 + random.Next(41); s > 0; s--)
                {
                    var resident = Guid.NewGuid();
                    Start<ResidentSupport>(PersonalStream.Id(id, resident), new ConcernSupported(id, resident, at.AddHours(random.Next(240))));
                }
            }

            var townHall = Guid.CreateVersion7();
            var polls = new[] { Guid.CreateVersion7(), Guid.CreateVersion7() };
            Start<TownHall>(townHall,
                new TownHallScheduled(townHall, "Getting around the city", at.AddDays(7), "Town hall", official, at, "Buses, crossings and step-free access."),
                new TownHallOpened(townHall, official, at.AddDays(7)),
                new TownHallPollOpened(townHall, polls[0], "Which should the council fix first?", ["Night buses", "Safe crossings", "Step-free access"], official, at.AddDays(7)),
                new TownHallPollClosed(townHall, polls[0], official, at.AddDays(7).AddMinutes(20)),
                new TownHallPollOpened(townHall, polls[1], "Should we meet again in spring?", ["Yes", "No"], official, at.AddDays(7).AddMinutes(30)),
                new TownHallPollClosed(townHall, polls[1], official, at.AddDays(7).AddMinutes(45)),
                new TownHallClosed(townHall, "Night buses come first; we meet again in spring.", [], official, at.AddDays(7).AddHours(2)));
            foreach (var (poll, options) in polls.Zip(new[] { 3, 2 }))
                for (var v = 0; v < 100; v++)
                {
                    var resident = Guid.NewGuid();
                    Start<ResidentVote>(PersonalStream.Id(poll, resident), new TownHallVoteCast(townHall, poll, resident, random.Next(options), at.AddDays(7).AddMinutes(v % 15)));
                }

            for (var c = 0; c < 10; c++)
            {
                var id = Guid.CreateVersion7();
                var due = DateOnly.FromDateTime(at.AddDays(180).UtcDateTime);
                var commitment = new List<object>
                {
                    new CommitmentPublished(id, "Step-free access at every tram stop", "Ramps and tactile paving at the stops residents named.",
                        [BenchTexts.Rights[random.Next(BenchTexts.Rights.Length)]], [], [], "Mobility", due, at.AddDays(181), 250_000m, [], null, 1m, official, at),
                };
                for (var p = 1; p <= 5; p++)
                    commitment.Add(new CommitmentProgressReported(id, p * 15, "Works continue as planned.", null, official, at.AddDays(p * 30)));
                if (random.Next(10) < 3) commitment.Add(new CommitmentFulfilled(id, "https://example.org/evidence", null, official, at.AddDays(175)));
                Start<Commitment>(id, [.. commitment]);
            }

            var definition = indicators[block % indicators.Length];
            var series = Guid.CreateVersion7();
            var measures = new List<object>
            {
                new IndicatorAdopted(series, definition.Code, definition, false, "1999", 50, null, null, "Statistics", null, official, at),
            };
            string[][] groups = [[], ["female"], ["male"]];
            for (var year = 2000; year < 2020; year++)
                foreach (var group in groups)
                {
                    IReadOnlyDictionary<string, string> disaggregation = group.Length == 0 ? new Dictionary<string, string>() : new Dictionary<string, string> { ["sex"] = group[0] };
                    measures.Add(new MeasurementRecorded(series,
                        new Measurement(year.ToString(), disaggregation, 40 + random.Next(40), null, definition.Source, null, null), definition.Version, official, at));
                }
            Start<IndicatorSeries>(series, [.. measures]);

            var (list, count) = pending[city];
            list.AddRange(streams);
            count += streams.Sum(s => s.Events.Count);
            pending[city] = (list, count);
            if (count >= FlushEvents)
            {
                await store.BulkInsertEventsAsync(city, list, 10_000, cancellation);
                written += count;
                pending[city] = (new List<StreamAction>(), 0);
            }
        }
        foreach (var (city, (list, count)) in pending)
        {
            if (count == 0) continue;
            await store.BulkInsertEventsAsync(city, list, 10_000, cancellation);
            written += count;
        }
        return written;
    }
}
