using Platform.Domain.Concerns;
using Platform.Domain.TownHalls;

namespace Platform.Api.Demo;

/// <summary>
/// The demo town hall: York's, open, with one poll closed (its final tally) and one open (a running tally),
/// so the live view has something to show. Written through the decider, like every demo event.
/// </summary>
public static class DemoTownHall
{
    public const string City = "york";

    public static async Task SeedAsync(IDocumentStore store, Guid[] participants, DateTimeOffset now, CancellationToken cancellation)
    {
        Guid official;
        await using (var query = store.QuerySession())
            official = (await query.Query<Account>().FirstAsync(a => a.Email == $"official@{City}.demo", cancellation)).Id;

        var id = Guid.CreateVersion7();
        var events = new List<object>();
        var state = (TownHall?)null;
        void Take(Decision decision)
        {
            if (decision.IsRefused) throw new InvalidOperationException($"Demo town hall refused: {decision.Errors[0].Message}");
            foreach (var e in decision.Events)
            {
                events.Add(e);
                state = Evolution<TownHall>.Then(state, e);
            }
        }

        Take(TownHallDecider.Decide(new ScheduleTownHall(id, official, "Getting around Tang Hall",
            "Councillors answer residents on buses, crossings and step-free access, and residents vote on what comes first.",
            now.AddMinutes(-45), "Tang Hall community centre", "Tang Hall"), state, now.AddDays(-7)));
        Take(TownHallDecider.Decide(new OpenTownHall(id, official), state, now.AddMinutes(-50)));
        var first = Guid.CreateVersion7();
        Take(TownHallDecider.Decide(new OpenPoll(id, first, official, "Which should the council fix first?", ["Night buses", "Safe crossings on Fifth Avenue", "Step-free access at the library"]),
            state, now.AddMinutes(-40)));
        var votes = new List<(Guid Stream, object Vote)>();
        foreach (var (resident, i) in participants.Take(30).Select((r, i) => (r, i)))
            votes.Add((PersonalStream.Id(first, resident), TownHallDecider.Decide(new CastVote(id, first, resident, i % 5 == 0 ? 0 : i % 2 + 1), new(state, null), now.AddMinutes(-35)).Events[0]));
        Take(TownHallDecider.Decide(new ClosePoll(id, first, official), state, now.AddMinutes(-30)));
        var second = Guid.CreateVersion7();
        Take(TownHallDecider.Decide(new OpenPoll(id, second, official, "Should we meet again in spring?", ["Yes", "No"]), state, now.AddMinutes(-10)));
        foreach (var (resident, i) in participants.Take(12).Select((r, i) => (r, i)))
            votes.Add((PersonalStream.Id(second, resident), TownHallDecider.Decide(new CastVote(id, second, resident, i % 4 == 0 ? 1 : 0), new(state, null), now.AddMinutes(-5)).Events[0]));

        await using var session = store.LightweightSession(City);
        session.Events.StartStream<TownHall>(id, events);
        foreach (var (stream, vote) in votes) session.Events.StartStream<ResidentVote>(stream, vote);
        await session.SaveChangesAsync(cancellation);
    }
}
