using Platform.Domain.Concerns;
using Platform.Domain.EqualParticipation;

namespace Platform.Api.Demo;

/// <summary>
/// Equal participation in the demo network (docs/participation.md): profiles for thirty of the forty demo supporters
/// (so that some groups show numbers and others "fewer than 10"), each city's population shares with a source (demo
/// figures, labelled so), a few concerns tagged with the groups they affect, and one concern York's official recorded
/// on behalf of a resident met offline. Written through the same rules as the API.
/// </summary>
public static class DemoParticipation
{
    /// <summary>Each city's population shares: groups and percentages (demo figures), the districts its demo concerns name.</summary>
    private static readonly Dictionary<string, (PopulationSourceInput Source, (string Dimension, string Group, double Percent)[] Shares)> Population = new()
    {
        ["york"] = (new("Census 2021 (demo figures)", 2021, null),
        [
            ("gender", "woman", 51.3), ("gender", "man", 48.5), ("gender", "another", 0.2),
            ("ageBand", "under-25", 30.8), ("ageBand", "25-44", 26.1), ("ageBand", "45-64", 23.6), ("ageBand", "65-plus", 19.5),
            ("disability", "yes", 17.9), ("migrantBackground", "yes", 11.2),
            ("district", "Tang Hall", 7.8), ("district", "Clifton", 6.4), ("district", "Foxwood", 5.1),
        ]),
        ["utrecht"] = (new("Population register 2024 (demo figures)", 2024, null),
        [
            ("gender", "woman", 50.7), ("gender", "man", 49.1),
            ("ageBand", "under-25", 33.4), ("ageBand", "25-44", 33.9), ("ageBand", "45-64", 21.5), ("ageBand", "65-plus", 11.2),
            ("disability", "yes", 14.0), ("migrantBackground", "yes", 36.5),
            ("district", "Overvecht", 10.2), ("district", "Zuilen", 7.9),
        ]),
        ["lviv"] = (new("City population register 2023 (demo figures)", 2023, null),
        [
            ("gender", "woman", 54.2), ("gender", "man", 45.8),
            ("ageBand", "under-25", 24.6), ("ageBand", "25-44", 30.3), ("ageBand", "45-64", 26.0), ("ageBand", "65-plus", 19.1),
            ("disability", "yes", 8.3), ("migrantBackground", "yes", 14.9),
            ("district", "Sykhiv", 19.7), ("district", "Frankivskyi", 18.5),
        ]),
    };

    /// <summary>The groups an official tagged on demo concerns, by the concern's title.</summary>
    private static readonly (string City, string Title, string[] Groups)[] Tags =
    [
        ("york", "Bus stops without step-free access in Tang Hall", [Groups.Disability, Groups.OlderPeople]),
        ("york", "No interpreting at the council's housing desk", [Groups.Migrants, Groups.EthnicMinorities]),
        ("utrecht", "Too little shade and green space in Overvecht", [Groups.OlderPeople]),
        ("lviv", "Shelters not accessible for people with disabilities", [Groups.Disability]),
        ("lviv", "Displaced families need school places", [Groups.Children, Groups.Migrants]),
    ];

    public static async Task SeedAsync(IDocumentStore store, Pseudonyms pseudonyms, Guid[] residents, DateTimeOffset now, CancellationToken cancellation)
    {
        await using (var network = store.LightweightSession())
        {
            foreach (var (resident, i) in residents.Take(30).Select((r, i) => (r, i)))
                network.Store(Decided(ProfileDecider.Decide(Profile(pseudonyms.Of(resident), i), now.AddDays(-30))));
            await network.SaveChangesAsync(cancellation);
        }

        foreach (var (city, (source, shares)) in Population)
        {
            Guid official;
            await using (var query = store.QuerySession())
                official = (await query.Query<Account>().FirstAsync(a => a.Email == $"official@{city}.demo", cancellation)).Id;
            await using var session = store.LightweightSession(city);
            session.Store(Decided(PopulationDecider.Decide(new SetPopulationShares(city, official,
                [.. shares.Select(s => (PopulationShareInput?)new PopulationShareInput(s.Dimension, s.Group, s.Percent))], source), now)));
            foreach (var (_, title, groups) in Tags.Where(t => t.City == city))
            {
                var view = await session.Query<Platform.Projections.Concerns.ConcernView>().FirstAsync(c => c.Title == title, cancellation);
                var tagged = ConcernGroupTagging.Decide(new TagConcernGroups(view.Id, official, groups), await session.LoadAsync<Concern>(view.Id, cancellation), now.AddDays(-2));
                if (tagged.IsRefused) throw new InvalidOperationException($"Demo tagging refused: {tagged.Errors[0].Message}");
                session.Events.Append(view.Id, tagged.Events.ToArray());
            }
            if (city == "york") AssistedConcern(session, official, now);
            await session.SaveChangesAsync(cancellation);
        }
    }

    /// <summary>A concern York's official recorded at a library's help desk for a resident without an account.</summary>
    private static void AssistedConcern(IDocumentSession session, Guid official, DateTimeOffset now)
    {
        var at = now.AddDays(-3);
        var (resident, _) = AssistanceDecider.Offline(Guid.CreateVersion7(), "M. K.", official, at);
        var id = Guid.CreateVersion7();
        var raise = new RaiseConcern(id, resident!.Id, "No bench or shelter at the Foxwood Lane bus stop",
            "I am 81 and cannot stand for twenty minutes in the rain; the stop has neither a bench nor a shelter.", ["mobility", "older-persons"], ["11.2"],
            "Foxwood") { Groups = [Groups.OlderPeople] };
        var assist = new AssistParticipation(id, AssistanceRules.Concern, resident.Id, official, AssistanceRules.Official,
            $"Consent given orally at Acomb Explore Library, {at:d MMMM yyyy}");
        var decision = AssistanceDecider.Decide(assist, ConcernDecider.Decide(raise, null, at), at);
        if (decision.IsRefused) throw new InvalidOperationException($"Demo assisted concern refused: {decision.Errors[0].Message}");
        session.Store(resident);
        session.Events.StartStream<Concern>(id, decision.Events);
    }

    /// <summary>The profile of the <paramref name="i"/>-th demo supporter: a spread of answers, some left out.</summary>
    private static SaveProfile Profile(Guid participant, int i) => new(participant, true,
        AgeBand: (i % 4) switch { 0 or 2 => "25-44", 1 => "45-64", _ => i % 8 == 3 ? "under-25" : "65-plus" },
        Gender: (i % 5) switch { 0 or 1 or 2 => "woman", 3 => "man", _ => null },
        Disability: i % 6 == 0,
        MigrantBackground: i % 7 == 0 ? true : i % 7 == 1 ? null : false,
        District: (i % 3) switch { 0 => "Tang Hall", 1 => "Clifton", _ => "Foxwood" });

    private static T Decided<T>((T? Value, IReadOnlyList<DomainError> Errors) decided) where T : class =>
        decided.Value ?? throw new InvalidOperationException($"Demo participation refused: {decided.Errors[0].Message}");
}
