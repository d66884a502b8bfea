using Platform.Api.Open311;
using Platform.Domain.Concerns;
using Platform.Domain.Open311;

namespace Platform.Api.Demo;

/// <summary>
/// York's demo Open311 client app, "York street app (demo)", with the published demo key <see cref="Key"/> (the demo runs in
/// Development only, as its published password does), and two concerns it sent with their locations, so that
/// <c>/open311/v2/york/requests.json</c> and the officials' page show something. Written through the deciders.
/// </summary>
public static class DemoOpen311
{
    public const string City = "york";

    /// <summary>The demo app's key: published in docs/open311.md, like the demo accounts' password.</summary>
    public const string Key = Open311Keys.Prefix + "demo-york-street-app";

    public static async Task SeedAsync(IDocumentStore store, Pseudonyms pseudonyms, DateTimeOffset now, CancellationToken cancellation)
    {
        Guid official;
        await using (var query = store.QuerySession())
            official = (await query.Query<Account>().FirstAsync(a => a.Email == $"official@{City}.demo", cancellation)).Id;

        var client = Guid.CreateVersion7();
        var hash = new Open311Keys(pseudonyms, new RateLimitOptions()).Hash(Key);
        await using var session = store.LightweightSession(City);
        session.Events.StartStream<Open311Client>(client,
            Accepted(Open311ClientDecider.Decide(new IssueOpen311Key(client, official, "York street app (demo)", hash), null, now.AddDays(-20))).Events);

        (string Service, string Description, string? Address, double? Lat, double? Long)[] requests =
        [
            ("mobility", "Dropped kerb missing at the Walmgate bus stop\nWheelchair users have to go into the road to reach the bus.", null, 53.9565, -1.0760),
            ("environment", "Overflowing bins behind Clifton Green every weekend\nFoxes spread the rubbish across the path to the school.", "Clifton Green, York YO30 6LH", null, null),
        ];
        for (var i = 0; i < requests.Length; i++)
        {
            var (service, description, address, lat, lon) = requests[i];
            var id = Guid.CreateVersion7();
            var at = now.AddDays(-6 + i * 2);
            var raise = new RaiseConcern(id, client, Open311Rules.TitleFrom(description), description, [service], null, null, Anonymous: true)
                { AuthorId = pseudonyms.AuthorOf(client, true) };
            session.Events.StartStream<Concern>(id, Accepted(ConcernDecider.Decide(raise, null, at)).Events);
            session.Events.StartStream<Open311Request>(Open311Request.StreamOf(id, client), new Open311RequestReceived(id, client, address, lat, lon, at));
        }
        await session.SaveChangesAsync(cancellation);
    }

    private static Decision Accepted(Decision decision) =>
        decision.IsRefused ? throw new InvalidOperationException($"Demo Open311 data refused: {decision.Errors[0].Message}") : decision;
}
