using Platform.Domain.Assessments;
using Platform.Domain.UnRecommendations;
using Platform.Projections.Commitments;

namespace Platform.Api.Demo;

/// <summary>
/// The demo's UN recommendations: a few per city about housing, discrimination and disability access (written for the demo,
/// with cycles and paragraphs in the usual form but not quoted from real reports), some answered, followed up and linked to
/// the city's demo commitments; and the demo's candidate city, Lviv, which declared its commitment and started its first
/// self-assessment (York has neither, Utrecht is recognised). Written through the deciders.
/// </summary>
public static class DemoUnRecommendations
{
    public const string CandidateCity = "lviv";
    public const string CandidateCycle = "2026";

    /// <summary>A demo recommendation, its answer (null: not answered), the title of the demo commitment it is linked to, and a follow-up.</summary>
    private sealed record Seeded(string Source, string Cycle, string Paragraph, string Text, string[] Rights, string[] Targets,
        string? Response = null, string? Note = null, string? Commitment = null, string? FollowUp = null);

    private static readonly Dictionary<string, Seeded[]> Recommendations = new()
    {
        ["york"] =
        [
            new("upr", "UPR 4th cycle 2022", "demo-43.1", "Step up efforts at every level of government to end homelessness and to provide adequate social housing for low-income families.",
                ["housing"], ["11.1"], "supported", "The council's housing plan answers it.", "Local action plan for the right to housing",
                "Audit of the municipal housing stock under way in three districts."),
            new("crpd", "CRPD concluding observations 2017", "demo-para 49", "Make public transport and public buildings accessible to persons with disabilities, with a time-bound plan in each local authority.",
                ["disability-inclusion", "mobility"], ["11.2"], "supported", null, "Step-free access at every bus stop of route 6"),
            new("cerd", "CERD concluding observations 2024", "demo-para 18", "Record hate incidents reported to local services, disaggregated by ethnic origin, and follow up every report.",
                ["non-discrimination"], ["16.b"], "noted", "Recording hate crime is the police's task; the council will publish what its own services receive."),
        ],
        ["utrecht"] =
        [
            new("upr", "UPR 4th cycle 2022", "demo-131.7", "Increase the supply of affordable rental housing and protect tenants against discriminatory selection.",
                ["housing", "non-discrimination"], ["11.1"], "supported", null, "Emergency housing for 50 families", "Fifteen families housed; two buildings being converted."),
            new("crpd", "CRPD concluding observations 2024", "demo-para 20", "Involve organisations of persons with disabilities in local decisions on accessibility.",
                ["disability-inclusion", "participation"], ["11.3"]),
        ],
        ["lviv"] =
        [
            new("cescr", "CESCR concluding observations 2020", "demo-para 39", "Ensure adequate housing for internally displaced persons, with priority for families with children and persons with disabilities.",
                ["housing", "migration-asylum"], ["11.1"], "supported", null, "Emergency housing for 50 families"),
            new("crpd", "CRPD concluding observations 2015", "demo-para 19", "Remove barriers to buildings, transport and information for persons with disabilities, including war veterans.",
                ["disability-inclusion", "mobility"], ["11.2"]),
        ],
    };

    public static async Task SeedAsync(IDocumentStore store, DateTimeOffset now, CancellationToken cancellation)
    {
        var officials = new Dictionary<string, Guid>();
        await using (var query = store.QuerySession())
            foreach (var city in DemoNetwork.Cities)
                officials[city.Id] = (await query.Query<Account>().FirstAsync(a => a.Email == $"official@{city.Id}.demo", cancellation)).Id;

        foreach (var city in DemoNetwork.Cities)
        {
            await using var session = store.LightweightSession(city.Id);
            var commitments = (await session.Query<CommitmentView>().ToListAsync(cancellation))
                .GroupBy(c => c.Title).ToDictionary(g => g.Key, g => g.First().Id);
            var events = Events(city.Id, officials[city.Id], commitments, now);
            session.Events.StartStream<UnRecommendationRegister>(UnRecommendationRules.RegisterOf(city.Id), events);
            if (city.Id == CandidateCity) Candidate(session, officials[city.Id], now);
            await session.SaveChangesAsync(cancellation);
        }
    }

    /// <summary>The city's register, decided step by step; throws if any step is refused (the demo test runs this).</summary>
    public static IReadOnlyList<object> Events(string city, Guid official, IReadOnlyDictionary<string, Guid> commitments, DateTimeOffset now)
    {
        var register = UnRecommendationRules.RegisterOf(city);
        var events = new List<object>();
        UnRecommendationRegister? state = null;
        void Take(Decision decision)
        {
            if (decision.IsRefused) throw new InvalidOperationException($"Demo UN recommendation refused: {decision.Errors[0].Message}");
            foreach (var e in decision.Events)
            {
                events.Add(e);
                state = Evolution<UnRecommendationRegister>.Then(state, e);
            }
        }

        var day = now.AddDays(-60);
        foreach (var (r, i) in Recommendations.GetValueOrDefault(city, []).Select((r, i) => (r, i)))
        {
            var id = Guid.CreateVersion7();
            Take(UnRecommendationDecider.Decide(new RecordUnRecommendation(register, city, id, official,
                new UnRecommendationInput(r.Source, r.Cycle, r.Paragraph, r.Text, r.Rights, r.Targets)), state, day.AddDays(i)));
            if (r.Response is null) continue;
            Take(UnRecommendationDecider.Decide(new AnswerUnRecommendation(register, id, official, r.Response, r.Note), state, day.AddDays(10 + i)));
            if (r.Commitment is { } title && commitments.TryGetValue(title, out var commitment))
                Take(UnRecommendationDecider.Decide(new LinkUnRecommendationToCommitment(register, id, official, commitment) { CommitmentOfCity = true },
                    state, day.AddDays(11 + i)));
            if (r.FollowUp is { } text)
                Take(UnRecommendationDecider.Decide(new ReportUnRecommendationFollowUp(register, id, official, text,
                    DateOnly.FromDateTime(now.AddDays(-5).UtcDateTime), "inProgress"), state, now.AddDays(-5)));
        }
        return events;
    }

    /// <summary>Lviv declares its commitment (a council decision of a month ago) and starts its first self-assessment: a candidate.</summary>
    private static void Candidate(IDocumentSession session, Guid official, DateTimeOffset now)
    {
        var declaration = RecognitionStages.Decide(new DeclareHumanRightsCommitment(AssessmentStream.Declaration(CandidateCity), CandidateCity, official,
            DateOnly.FromDateTime(now.AddDays(-30).UtcDateTime), "https://example.org/lviv/council/human-rights-city-decision"), null, now.AddDays(-28));
        var start = AssessmentDecider.Decide(new StartAssessment(AssessmentStream.Of(CandidateCity, CandidateCycle), CandidateCity, CandidateCycle,
            new AssessmentCaller(official, new HashSet<string> { CandidateCity })), null, now.AddDays(-20));
        if (declaration.IsRefused || start.IsRefused) throw new InvalidOperationException("Demo candidate refused.");
        session.Events.StartStream<CommitmentDeclaration>(AssessmentStream.Declaration(CandidateCity), declaration.Events);
        session.Events.StartStream<Assessment>(AssessmentStream.Of(CandidateCity, CandidateCycle), start.Events);
    }
}
