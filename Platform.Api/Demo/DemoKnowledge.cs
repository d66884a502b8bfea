using Platform.Domain.Commitments;
using Platform.Domain.Concerns;
using Platform.Domain.GoodPractices;

namespace Platform.Api.Demo;

/// <summary>
/// The network's knowledge in the demo: a good practice of York and one of Utrecht, published in the last full year
/// (York's revised once), Lviv adopting York's; and, in that year, a few concerns and a given-up commitment, so the
/// network report of the last full year (<c>/network/reports/{year}</c>) has practices, adoptions and challenges to
/// show. Made through the same deciders as real ones, at times in that year.
/// </summary>
public static class DemoKnowledge
{
    private static readonly Guid Official = new("00000000-0000-4000-9000-000000000001");
    private static readonly Guid Resident = new("00000000-0000-4000-8000-000000000001");

    public static async Task SeedAsync(IDocumentStore store, DateTimeOffset now, CancellationToken cancellation)
    {
        var year = new DateTimeOffset(now.Year - 1, 1, 1, 0, 0, 0, TimeSpan.Zero);

        var york = await PublishAsync(store, "york", new PracticeInput(
            "Winter warm rooms in every library",
            "Eleven libraries open as warm rooms on winter evenings, with hot drinks and advice on energy bills.",
            "The council kept eleven libraries open until 9 pm from November to March, staffed with energy advisers from the housing department and volunteers.",
            "3,400 visits in the first winter; 260 households got help with their heating bills, and overcrowding complaints about cold flats fell.",
            ["housing", "older-persons"], ["IND-013"], [], "housing@york.example"), new CityLinks(new HashSet<string> { "IND-013" }, new HashSet<Guid>()),
            year.AddMonths(1), revisedAt: year.AddMonths(4), cancellation);
        await PublishAsync(store, "utrecht", new PracticeInput(
            "Free drinking water points in every district",
            "Forty water points in parks and squares, mapped with residents who walk, cycle and sleep rough.",
            "Residents marked on a map where they miss water on hot days; the water company and the council placed forty taps there over one summer.",
            "The taps served about 1.2 million refills in the first summer; heat-related ambulance calls from parks dropped.",
            ["food-water", "health"], ["IND-078"], [], "water@utrecht.example"), new CityLinks(new HashSet<string> { "IND-078" }, new HashSet<Guid>()),
            year.AddMonths(5), revisedAt: null, cancellation);

        await using (var lviv = store.LightweightSession("lviv"))
        {
            var practice = await LoadAsync(store, "york", york, cancellation);
            var adopted = GoodPracticeDecider.Decide(new AdoptPractice(york, "lviv", Official,
                "Lviv opened six libraries as warm points during the winter power cuts.") { Practice = practice }, null, year.AddMonths(9));
            lviv.Events.StartStream<PracticeAdoptionState>(AdoptionStream.Id(york, "lviv"), Accepted(adopted));
            await lviv.SaveChangesAsync(cancellation);
        }

        // The year's concerns and a commitment given up: what the report's common challenges are computed from.
        foreach (var (city, title, rights, month) in new[]
        {
            ("york", "No water fountain in Rowntree Park", new[] { "food-water" }, 6),
            ("utrecht", "Drinking water point broken at the Griftpark", new[] { "food-water" }, 7),
            ("lviv", "Shelter without heating during power cuts", new[] { "housing", "liberty-security" }, 10),
            ("lviv", "No step-free entrance at the district library", new[] { "disability-inclusion" }, 3),
        })
        {
            await using var session = store.LightweightSession(city);
            var id = Guid.CreateVersion7();
            session.Events.StartStream<Concern>(id, Accepted(ConcernDecider.Decide(new RaiseConcern(id, Resident, title,
                $"{title}: a demo concern of {city}.", rights, [], null, false), null, year.AddMonths(month))));
            await session.SaveChangesAsync(cancellation);
        }
        await using (var york2 = store.LightweightSession("york"))
        {
            var id = Guid.CreateVersion7();
            var published = CommitmentDecider.Decide(new PublishCommitment(id, Official, new CommitmentInput("Heating repairs in 200 council flats",
                "Boilers replaced before the winter.", ["housing"], [], [], "Housing", DateOnly.FromDateTime(year.AddMonths(10).Date), null, [])) { Zone = TimeZoneInfo.Utc },
                null, year.AddMonths(2));
            var commitment = Evolution<Commitment>.Fold(Accepted(published))!;
            york2.Events.StartStream<Commitment>(id, [.. published.Events, .. Accepted(CommitmentDecider.Decide(
                new AbandonCommitment(id, Official, "Merged into the national retrofit programme"), commitment, year.AddMonths(8)))]);
            await york2.SaveChangesAsync(cancellation);
        }
    }

    private static async Task<Guid> PublishAsync(IDocumentStore store, string city, PracticeInput input, CityLinks links, DateTimeOffset at, DateTimeOffset? revisedAt,
        CancellationToken cancellation)
    {
        var id = Guid.CreateVersion7();
        await using var session = store.LightweightSession(city);
        var published = Accepted(GoodPracticeDecider.Decide(new PublishPractice(id, city, Official, input) { Links = links }, null, at));
        var events = published.ToList();
        if (revisedAt is { } revised)
            events.AddRange(Accepted(GoodPracticeDecider.Decide(new RevisePractice(id, Official, input with
            {
                Results = input.Results + " In the second winter, two more libraries joined.",
            }) { Links = links }, Evolution<GoodPractice>.Fold(published), revised)));
        session.Events.StartStream<GoodPractice>(id, events);
        await session.SaveChangesAsync(cancellation);
        return id;
    }

    private static async Task<GoodPractice?> LoadAsync(IDocumentStore store, string city, Guid id, CancellationToken cancellation)
    {
        await using var session = store.QuerySession(city);
        return await session.LoadAsync<GoodPractice>(id, cancellation);
    }

    private static IReadOnlyList<object> Accepted(Decision decision) =>
        decision.IsRefused ? throw new InvalidOperationException($"Demo knowledge refused: {decision.Errors[0].Message}") : decision.Events;
}
