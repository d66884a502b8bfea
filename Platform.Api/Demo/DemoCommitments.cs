using Platform.Domain.Commitments;
using Platform.Domain.Reference;

namespace Platform.Api.Demo;

/// <summary>
/// Demo commitments in every status (on track, at risk, overdue, fulfilled, abandoned) and a parent with
/// weighted sub-commitments, made through the same decider as real ones, at times in the past. Demo
/// commitments get no scheduled overdue check: the overdue one carries its event, the others are judged
/// by the clock like any commitment.
/// </summary>
public static class DemoCommitments
{
    private static readonly Guid Official = new("00000000-0000-4000-9000-000000000001");

    public static async Task<int> SeedAsync(IDocumentStore store, City city, DateTimeOffset now, CancellationToken cancellation)
    {
        var zone = CityTimeZone.Of(city);
        var today = DueDates.Today(now, zone);
        await using var session = store.LightweightSession(city.Id);
        var count = 0;

        Commitment Publish(string title, string[] rights, string department, DateTimeOffset at, DateOnly due, Commitment? parent = null, decimal? weight = null)
        {
            var id = Guid.CreateVersion7();
            var command = new PublishCommitment(id, Official, new CommitmentInput(title, $"{title} — a demo commitment of {city.Id}.", rights, ["11.2"], ["IND-002"],
                department, due, 50_000m, [], parent?.Id, weight)) { Zone = zone, Parent = parent };
            var decision = CommitmentDecider.Decide(command, null, at);
            session.Events.StartStream<Commitment>(id, Accepted(decision));
            count++;
            return Evolution<Commitment>.Fold(decision.Events)!;
        }
        Commitment Then(Commitment state, Decision decision)
        {
            session.Events.Append(state.Id, Accepted(decision));
            return decision.Events.Aggregate(state, (s, e) => Evolution<Commitment>.Then(s, e)!);
        }
        Decision Progress(Commitment c, int percent, string note, DateTimeOffset at) =>
            CommitmentDecider.Decide(new ReportProgress(c.Id, Official, percent, note, "https://example.org/evidence"), c, at);

        // On track: a fifth done, a quarter of the time gone; its deadline was moved once.
        var onTrack = Publish("Step-free access at every bus stop of route 6", ["disability-inclusion"], "Transport", now.AddDays(-40), today.AddDays(100));
        onTrack = Then(onTrack, CommitmentDecider.Decide(new PlanMilestone(onTrack.Id, Guid.CreateVersion7(), Official, "Contract signed", today.AddDays(20)), onTrack, now.AddDays(-39)));
        onTrack = Then(onTrack, Progress(onTrack, 30, "Kerbs raised at 4 of 14 stops", now.AddDays(-10)));
        onTrack = Then(onTrack, CommitmentDecider.Decide(new ChangeDeadline(onTrack.Id, Official, today.AddDays(120), "The supplier of shelters delivers later") { Zone = zone }, onTrack, now.AddDays(-5)));

        // At risk: most of the time gone, little progress.
        var atRisk = Publish("Emergency housing for 50 families", ["housing"], "Housing", now.AddDays(-80), today.AddDays(20));
        Then(atRisk, Progress(atRisk, 15, "Two buildings identified", now.AddDays(-30)));

        // Overdue: the due date ended unfulfilled.
        var overdue = Publish("Reply to every concern within 30 days", ["participation"], "Citizen services", now.AddDays(-120), today.AddDays(-10));
        overdue = Then(overdue, Progress(overdue, 60, "Backlog halved", now.AddDays(-20)));
        Then(overdue, CommitmentDecider.Decide(new MarkCommitmentOverdue(overdue.Id, overdue.DueDate), overdue, overdue.DueAt));

        // Fulfilled.
        var fulfilled = Publish("Free school meals in every primary school", ["education"], "Education", now.AddDays(-200), today.AddDays(-30));
        fulfilled = Then(fulfilled, Progress(fulfilled, 70, "28 of 40 schools", now.AddDays(-90)));
        Then(fulfilled, CommitmentDecider.Decide(new FulfilCommitment(fulfilled.Id, Official, "https://example.org/school-meals-report", "All 40 schools serve free meals"), fulfilled, now.AddDays(-45)));

        // Abandoned.
        var abandoned = Publish("A night bus to the hospital", ["health"], "Transport", now.AddDays(-90), today.AddDays(60));
        Then(abandoned, CommitmentDecider.Decide(new AbandonCommitment(abandoned.Id, Official, "Replaced by the on-demand night taxi"), abandoned, now.AddDays(-20)));

        // A parent whose progress rolls up from two weighted sub-commitments: (40×2 + 100×1) / 3 = 60.
        var plan = Publish("Local action plan for the right to housing", ["housing"], "Housing", now.AddDays(-60), today.AddDays(300));
        var audit = Publish("Audit of municipal housing stock", ["housing"], "Housing", now.AddDays(-59), today.AddDays(100), plan, 2);
        Then(audit, Progress(audit, 40, "3 of 8 districts audited", now.AddDays(-15)));
        var register = Publish("Public register of vacant flats", ["housing"], "Housing", now.AddDays(-59), today.AddDays(30), plan, 1);
        Then(register, CommitmentDecider.Decide(new FulfilCommitment(register.Id, Official, "https://example.org/vacant-flats", null), register, now.AddDays(-7)));

        await session.SaveChangesAsync(cancellation);
        return count;
    }

    private static IReadOnlyList<object> Accepted(Decision decision) =>
        decision.IsRefused ? throw new InvalidOperationException($"Demo commitment refused: {decision.Errors[0].Message}") : decision.Events;
}
