using Microsoft.AspNetCore.Identity;
using Platform.Api.Concerns;
using Platform.Domain.Concerns;
using Platform.Domain.Reference;

namespace Platform.Api.Demo;

/// <summary>
/// Seeds a small demo network (York, Utrecht, Lviv) with concerns and supports when the database has
/// no city yet. Writes go through the same deciders as the API, so demo data is valid data.
/// </summary>
public sealed class DemoNetwork(IDocumentStore store, IPasswordHasher<Account> hasher, Pseudonyms pseudonyms, TimeProvider clock, ILogger<DemoNetwork> logger)
{
    public static readonly City[] Cities =
    [
        new() { Id = "york", Names = new() { ["en"] = "York", ["fr"] = "York" }, Languages = ["en"], TimeZone = "Europe/London", Population = 202_800 },
        new() { Id = "utrecht", Names = new() { ["en"] = "Utrecht", ["nl"] = "Utrecht", ["fr"] = "Utrecht" }, Languages = ["nl", "en"], TimeZone = "Europe/Amsterdam", Population = 374_200 },
        new() { Id = "lviv", Names = new() { ["en"] = "Lviv", ["uk"] = "Львів", ["fr"] = "Lviv" }, Languages = ["uk", "en"], TimeZone = "Europe/Kyiv", Population = 717_300 },
    ];

    /// <summary>The password of every demo account (README lists the accounts). Demo data only.</summary>
    public const string DemoPassword = "human-rights-2026";

    /// <summary>Demo accounts: one per role per city (role@city.demo), and the network administrator (admin@network.demo).</summary>
    public static IEnumerable<(string Email, string Name, string? City, CityRole[] Roles, bool Administrator)> DemoAccounts()
    {
        foreach (var city in Cities)
        {
            yield return ($"resident@{city.Id}.demo", $"Resident of {city.Names["en"]}", city.Id, [CityRole.Resident], false);
            yield return ($"verified@{city.Id}.demo", $"Verified resident of {city.Names["en"]}", city.Id, [CityRole.Resident, CityRole.VerifiedResident], false);
            yield return ($"official@{city.Id}.demo", $"Official of {city.Names["en"]}", city.Id, [CityRole.Official], false);
            yield return ($"moderator@{city.Id}.demo", $"Moderator of {city.Names["en"]}", city.Id, [CityRole.Moderator], false);
        }
        yield return ("admin@network.demo", "Network administrator", null, [], true);
        yield return (DemoContests.BodyEmail, "Ombudsperson of York", DemoContests.City, [CityRole.IndependentBody], false);
    }

    private static readonly Dictionary<string, RaiseConcernRequest[]> Concerns = new()
    {
        ["york"] =
        [
            new("Bus stops without step-free access in Tang Hall", "Several stops on route 6 have no raised kerb, so wheelchair users cannot board.", ["mobility", "disability-inclusion"], ["11.2"], "Tang Hall"),
            new("Waiting lists for social housing keep growing", "Families wait more than two years for a council home.", ["housing"], ["11.1"], "Clifton"),
            new("No interpreting at the council's housing desk", "Residents who speak little English cannot follow their own housing case.", ["good-administration", "non-discrimination"], ["16.7"], null),
        ],
        ["utrecht"] =
        [
            new("Too little shade and green space in Overvecht", "Summer heat makes the flats unbearable for older residents.", ["environment", "older-persons"], ["11.7"], "Overvecht"),
            new("Neighbourhood budget decided without residents", "The district budget was set before any consultation took place.", ["participation"], ["16.7"], "Zuilen"),
        ],
        ["lviv"] =
        [
            new("Shelters not accessible for people with disabilities", "Many air-raid shelters have only stairs.", ["disability-inclusion", "liberty-security"], ["11.7"], "Sykhiv"),
            new("Displaced families need school places", "Children of internally displaced families wait for places in local schools.", ["education", "migration-asylum"], ["16.7"], "Frankivskyi"),
        ],
    };

    public async Task SeedIfEmptyAsync(CancellationToken cancellation)
    {
        await using (var query = store.QuerySession())
        {
            if (await query.Query<City>().AnyAsync(cancellation))
            {
                logger.LogInformation("Demo network: the database already has cities; nothing seeded.");
                return;
            }
        }

        var now = clock.GetUtcNow();
        await using (var network = store.LightweightSession())
        {
            foreach (var city in Cities) city.RegisteredAt = now;
            network.Store(Cities);
            foreach (var (email, name, city, roles, administrator) in DemoAccounts())
            {
                var account = new Account { Id = Guid.CreateVersion7(), Email = email, DisplayName = name, IsNetworkAdministrator = administrator, CreatedAt = now };
                account.PasswordHash = hasher.HashPassword(account, DemoPassword);
                account.EmailVerifiedAt = now; // demo addresses are seeded as verified (docs/accounts.md)
                foreach (var role in roles) account.Grant(city!, role);
                network.Store(account);
            }
            await network.SaveChangesAsync(cancellation);
        }

        await DemoNotifications.OptInAsync(store, cancellation);

        // Supporters are accounts without a password (they cannot sign in): numbers, not people.
        var residents = Enumerable.Range(1, 40).Select(i => new Guid($"00000000-0000-4000-8000-{i:D12}")).ToArray();
        await using (var network = store.LightweightSession())
        {
            foreach (var (resident, i) in residents.Select((r, i) => (r, i)))
            {
                var account = new Account { Id = resident, Email = $"supporter{i + 1}@demo.invalid", DisplayName = $"Supporter {i + 1}", CreatedAt = now };
                foreach (var city in Cities) account.Grant(city.Id, CityRole.Resident);
                account.EmailVerifiedAt = now;
                network.Store(account);
            }
            await network.SaveChangesAsync(cancellation);
        }
        // Supports and votes are stored under the residents' pseudonyms, as the platform stores every resident's.
        var participants = residents.Select(pseudonyms.Of).ToArray();
        var concerns = 0;
        foreach (var (city, raised) in Concerns)
        {
            await using var session = store.LightweightSession(city);
            for (var i = 0; i < raised.Length; i++)
            {
                var id = Guid.CreateVersion7();
                var author = residents[i];
                var r = raised[i];
                var decision = ConcernDecider.Decide(new RaiseConcern(id, author, r.Title, r.Description, r.Rights, r.SdgTargets, r.District, r.Anonymous),
                    null, now.AddDays(-10 + i));
                if (decision.IsRefused) throw new InvalidOperationException($"Demo concern refused: {decision.Errors[0].Message}");
                session.Events.StartStream<Concern>(id, decision.Events);
                concerns++;

                var concern = Evolution<Concern>.Fold(decision.Events)!;
                foreach (var resident in participants.Take(5 + 7 * (raised.Length - i)))
                {
                    var support = ConcernDecider.Decide(new SupportConcern(id, resident), new(concern, null), now.AddDays(-9 + i));
                    session.Events.StartStream<ResidentSupport>(PersonalStream.Id(id, resident), support.Events);
                }
            }
            await session.SaveChangesAsync(cancellation);
        }
        await DemoTownHall.SeedAsync(store, participants, now, cancellation);
        await DemoAssessments.SeedAsync(store, now, cancellation);
        logger.LogInformation("Demo network seeded: {Cities} cities, {Concerns} concerns.", Cities.Length, concerns);
        var commitments = 0;
        foreach (var city in Cities) commitments += await DemoCommitments.SeedAsync(store, city, now, cancellation);
        logger.LogInformation("Demo commitments seeded: {Commitments}, in every status.", commitments);
        foreach (var city in Cities) await DemoProposals.SeedAsync(store, pseudonyms, city, now, cancellation);
        foreach (var city in Cities) await DemoMonitoring.SeedAsync(store, city, now, cancellation);
        await DemoIndicatorProposals.SeedAsync(store, pseudonyms, residents, DemoIndicatorProposals.City, now, cancellation);
        await DemoContests.SeedAsync(store, pseudonyms, residents, now, cancellation);
        await DemoOpen311.SeedAsync(store, pseudonyms, now, cancellation);
        await DemoNotifications.ChooseEmailSettingsAsync(store, cancellation);
        await DemoParticipation.SeedAsync(store, pseudonyms, residents, now, cancellation);
        await DemoOrganisations.SeedAsync(store, now, cancellation);
        await DemoUnRecommendations.SeedAsync(store, now, cancellation);
        await DemoKnowledge.SeedAsync(store, now, cancellation);
    }
}
