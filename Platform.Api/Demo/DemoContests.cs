using Platform.Domain.Concerns;

namespace Platform.Api.Demo;

/// <summary>
/// York's contested concerns: one its author contested and the council reopened (a new answer due), and one answered
/// late twice, contested twice, escalated to the city's independent body and given its finding. Written through the
/// decider, like every demo event; contests under the author's pseudonym, as the platform records them.
/// </summary>
public static class DemoContests
{
    public const string City = "york";
    public const string BodyEmail = "ombudsperson@york.demo";

    public static async Task SeedAsync(IDocumentStore store, Pseudonyms pseudonyms, Guid[] authors, DateTimeOffset now, CancellationToken cancellation)
    {
        Guid official, body;
        int days;
        await using (var query = store.QuerySession())
        {
            official = (await query.Query<Account>().FirstAsync(a => a.Email == $"official@{City}.demo", cancellation)).Id;
            body = (await query.Query<Account>().FirstAsync(a => a.Email == BodyEmail, cancellation)).Id;
            days = (await query.LoadAsync<City>(City, cancellation))?.Settings.ConcernResponseDays ?? new CitySettings().ConcernResponseDays;
        }

        await using var session = store.LightweightSession(City);
        foreach (var (id, events) in Stories(official, body, [.. authors.Take(2).Select(a => (a, pseudonyms.Of(a)))], days, now))
            session.Events.StartStream<Concern>(id, events);
        await session.SaveChangesAsync(cancellation);
    }

    /// <summary>
    /// The two concerns' events, decided step by step (a refused step throws): <paramref name="authors"/> are two residents'
    /// accounts with their pseudonyms, <paramref name="days"/> the city's response days.
    /// </summary>
    public static IReadOnlyList<(Guid Id, IReadOnlyList<object> Events)> Stories(Guid official, Guid body, (Guid Account, Guid Pseudonym)[] authors,
        int days, DateTimeOffset now)
    {
        var reopened = new Story(Guid.CreateVersion7(), authors[0].Account, authors[0].Pseudonym, days);
        reopened.Take(c => ConcernDecider.Decide(new RaiseConcern(reopened.Id, reopened.Author, "Broken lift at Foxwood library",
            "The lift to the first floor has been out of order since spring, so the children's section is out of reach for wheelchair users.",
            ["disability-inclusion", "culture"], ["11.7"], "Foxwood"), c, now.AddDays(-50)));
        reopened.Take(c => ConcernDecider.Decide(new AcknowledgeConcern(reopened.Id, official, "Libraries") { ResponseDays = days }, c, now.AddDays(-48)));
        reopened.Take(c => ConcernDecider.Decide(new AnswerConcern(reopened.Id, official, "The lift was repaired on the 3rd."), c, now.AddDays(-20)));
        reopened.Take(c => ConcernDecider.Decide(reopened.Contest("The lift broke again a week later and is still out of order."), c, now.AddDays(-5)));

        var escalated = new Story(Guid.CreateVersion7(), authors[1].Account, authors[1].Pseudonym, days);
        escalated.Take(c => ConcernDecider.Decide(new RaiseConcern(escalated.Id, escalated.Author, "Damp and mould in council flats on Kingsway",
            "Tenants of Kingsway North have reported black mould for two winters; children in three flats have asthma.",
            ["housing", "health"], ["11.1"], "Clifton"), c, now.AddDays(-120)));
        escalated.Take(c => ConcernDecider.Decide(new AcknowledgeConcern(escalated.Id, official, "Housing") { ResponseDays = days }, c, now.AddDays(-118)));
        escalated.Take(c => ConcernDecider.Decide(new AnswerConcern(escalated.Id, official, "An inspection is planned."), c, now.AddDays(-118 + days + 8)));
        escalated.Take(c => ConcernDecider.Decide(escalated.Contest("No inspector came; the mould is spreading."), c, now.AddDays(-118 + days + 12)));
        escalated.Take(c => ConcernDecider.Decide(new AnswerConcern(escalated.Id, official, "Dehumidifiers will be offered to tenants."), c, now.AddDays(-118 + 2 * days + 16)));
        escalated.Take(c => ConcernDecider.Decide(escalated.Contest("Dehumidifiers do not fix a leaking roof."), c, now.AddDays(-118 + 2 * days + 18)));
        escalated.Take(c => ConcernDecider.Decide(new EscalateConcern(escalated.Id, escalated.Author,
            "Two late answers and two reopenings: the council does not deal with the cause.") { Pseudonym = escalated.Pseudonym }, c, now.AddDays(-20)));
        escalated.Take(c => ConcernDecider.Decide(new RecordEscalationFinding(escalated.Id, body,
            "The council answered late twice and did not inspect the roof. It should repair the roof of Kingsway North before winter and report to the tenants monthly.",
            "upheld"), c, now.AddDays(-5)));
        return [(reopened.Id, reopened.Events), (escalated.Id, escalated.Events)];
    }

    /// <summary>One demo concern's events and state, built step by step through the decider.</summary>
    private sealed class Story(Guid id, Guid author, Guid pseudonym, int responseDays)
    {
        public Guid Id => id;
        public Guid Author => author;
        public Guid Pseudonym => pseudonym;
        public List<object> Events { get; } = [];
        private Concern? _state;

        public ContestConcern Contest(string reason) => new(id, author, reason) { Pseudonym = pseudonym, ResponseDays = responseDays };

        public void Take(Func<Concern?, Decision> decide)
        {
            var decision = decide(_state);
            if (decision.IsRefused) throw new InvalidOperationException($"Demo contest refused: {decision.Errors[0].Message}");
            foreach (var e in decision.Events)
            {
                Events.Add(e);
                _state = Evolution<Concern>.Then(_state, e);
            }
        }
    }
}
