using Platform.Domain.Assessments;
using Platform.Domain.Reference;

namespace Platform.Api.Demo;

/// <summary>
/// The demo assessment: Utrecht's 2025 cycle against the FRA framework, peer-reviewed by York, with its
/// recommendations answered and followed up, and the "recognised" level awarded. Written through the decider.
/// Evidence links point at example.org: demo data, not Utrecht's real documents.
/// </summary>
public static class DemoAssessments
{
    public const string City = "utrecht";
    public const string ReviewerCity = "york";
    public const string Cycle = "2025";

    private static readonly Dictionary<string, AssessmentLevel> Levels = new()
    {
        ["A1"] = AssessmentLevel.InPlaceAndEvaluated, ["A2"] = AssessmentLevel.InPlaceAndEvaluated, ["A3"] = AssessmentLevel.InPlaceAndEvaluated,
        ["A4"] = AssessmentLevel.InPlace, ["A5"] = AssessmentLevel.InPlace,
        ["B1"] = AssessmentLevel.InPlace, ["B2"] = AssessmentLevel.InPlace, ["B3"] = AssessmentLevel.InPlace, ["B4"] = AssessmentLevel.InPlace,
        ["B5"] = AssessmentLevel.InPlaceAndEvaluated, ["B6"] = AssessmentLevel.Planned, ["B7"] = AssessmentLevel.InPlace,
        ["C1"] = AssessmentLevel.Planned, ["C2"] = AssessmentLevel.InPlace, ["C3"] = AssessmentLevel.InPlaceAndEvaluated, ["C4"] = AssessmentLevel.InPlace,
        ["C5"] = AssessmentLevel.Planned, ["C6"] = AssessmentLevel.NotStarted, ["C7"] = AssessmentLevel.InPlace, ["C8"] = AssessmentLevel.InPlace,
        ["C9"] = AssessmentLevel.InPlace, ["C10"] = AssessmentLevel.InPlaceAndEvaluated,
    };

    public static async Task SeedAsync(IDocumentStore store, DateTimeOffset now, CancellationToken cancellation)
    {
        Guid official, reviewer, administrator;
        await using (var query = store.QuerySession())
        {
            official = (await query.Query<Account>().FirstAsync(a => a.Email == $"official@{City}.demo", cancellation)).Id;
            reviewer = (await query.Query<Account>().FirstAsync(a => a.Email == $"official@{ReviewerCity}.demo", cancellation)).Id;
            administrator = (await query.Query<Account>().FirstAsync(a => a.Email == "admin@network.demo", cancellation)).Id;
        }
        var (id, events) = Events(official, reviewer, administrator, now);
        await using var session = store.LightweightSession(City);
        session.Events.StartStream<Assessment>(id, events);
        await session.SaveChangesAsync(cancellation);
    }

    /// <summary>The demo cycle's events, decided step by step; throws if any step is refused (the demo test runs this).</summary>
    public static (Guid Id, IReadOnlyList<object> Events) Events(Guid official, Guid reviewer, Guid administrator, DateTimeOffset now)
    {
        var cityOfficial = new AssessmentCaller(official, new HashSet<string> { City });
        var reviewingOfficial = new AssessmentCaller(reviewer, new HashSet<string> { ReviewerCity });
        var admin = new AssessmentCaller(administrator, new HashSet<string>());
        var framework = FrameworkCatalogue.Default;
        var id = AssessmentStream.Of(City, Cycle);

        var events = new List<object>();
        Assessment? state = null;
        void Take(Decision decision)
        {
            if (decision.IsRefused) throw new InvalidOperationException($"Demo assessment refused: {decision.Errors[0].Message}");
            foreach (var e in decision.Events)
            {
                events.Add(e);
                state = Evolution<Assessment>.Then(state, e);
            }
        }

        var day = now.AddDays(-200);
        Take(AssessmentDecider.Decide(new StartAssessment(id, City, Cycle, cityOfficial), state, day));
        foreach (var item in framework.Items)
        {
            var level = Levels[item.Code];
            string[] evidence = level is AssessmentLevel.NotStarted ? [] : [$"https://example.org/utrecht/human-rights/{item.Code.ToLowerInvariant()}"];
            Take(AssessmentDecider.Decide(new AssessElement(id, cityOfficial, item.Code, level.ToString(), evidence, null), state, day.AddDays(10)));
        }
        Take(AssessmentDecider.Decide(new SubmitAssessment(id, cityOfficial), state, day.AddDays(30)));
        Take(AssessmentDecider.Decide(new AssignPeerReviewer(id, admin, ReviewerCity) { ReviewerCityExists = true }, state, day.AddDays(35)));
        Take(AssessmentDecider.Decide(new RecordFinding(id, reviewingOfficial, "B4", "The human rights council meets four times a year and publishes its advice."),
            state, day.AddDays(60)));
        Take(AssessmentDecider.Decide(new RecordFinding(id, reviewingOfficial, "C6", "Procurement rules do not yet mention human rights criteria."),
            state, day.AddDays(60)));
        Guid participation = Guid.CreateVersion7(), procurement = Guid.CreateVersion7();
        Take(AssessmentDecider.Decide(new DraftRecommendation(id, participation, reviewingOfficial, "Involve residents of Overvecht and Zuilen in the council's yearly rights report.", "C9",
            ["participation"]), state, day.AddDays(61)));
        Take(AssessmentDecider.Decide(new DraftRecommendation(id, procurement, reviewingOfficial, "Add human rights criteria to the city's procurement rules.", "C6", []),
            state, day.AddDays(61)));
        Take(AssessmentDecider.Decide(new SubmitPeerReview(id, reviewingOfficial), state, day.AddDays(62)));
        Take(AssessmentDecider.Decide(new AnswerRecommendation(id, participation, cityOfficial, "supported", "The 2026 report will be written with the district councils."),
            state, day.AddDays(80)));
        Take(AssessmentDecider.Decide(new AnswerRecommendation(id, procurement, cityOfficial, "noted", "Procurement follows the regional framework until it is renewed in 2027."),
            state, day.AddDays(80)));
        Take(AssessmentDecider.Decide(new ReportFollowUp(id, participation, cityOfficial, "Two district evenings on the draft report were held.", DateOnly.FromDateTime(day.AddDays(150).UtcDateTime),
            "inProgress"), state, day.AddDays(150)));
        Take(AssessmentDecider.Decide(new AwardRecognition(id, admin, "recognised"), state, day.AddDays(160)));
        return (state!.Id, events);
    }
}
