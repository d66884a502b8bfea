using Platform.Api.Cities;

namespace Platform.Tests.Trust.Fuzz;

/// <summary>
/// What one fuzzing worker acts on: two fresh cities of its own (its actors belong to the first; the second
/// is "another city", whose items' ids it slips into the first city's routes), a resident and an official
/// (also moderator) of the first city, and the ids of real items of both cities, by the route segment that
/// names their kind ("concerns", "polls", ...). Each worker's writes can only land in its own cities' tenants
/// (a write goes to the tenant of its route's city), so counting the events of those tenants after each of its
/// requests tells exactly what that request stored, while other workers run.
/// </summary>
public sealed class FuzzWorld
{
    /// <summary>Marten's tenant of network-wide streams (the indicator catalogue): no fuzzing actor may write there.</summary>
    public const string DefaultTenant = "*DEFAULT*";

    private readonly Dictionary<string, Dictionary<string, List<string>>> _ids = [];
    private readonly Lock _gate = new();

    private readonly IReadOnlyList<Actor> _residents;
    private readonly IReadOnlyList<Actor> _officials;
    private int _nextResident, _nextOfficial;

    private FuzzWorld(string city, string otherCity, IReadOnlyList<Actor> residents, IReadOnlyList<Actor> officials)
    {
        City = city;
        OtherCity = otherCity;
        _residents = residents;
        _officials = officials;
        _ids[city] = [];
        _ids[otherCity] = [];
    }

    public string City { get; }
    public string OtherCity { get; }
    /// <summary>
    /// A resident of the city, in turn from a pool: writes are rate-limited per account (300 a minute), and the fuzzer's
    /// requests should reach the endpoints' own checks, not only the limiter.
    /// </summary>
    public Actor Resident => _residents[(Interlocked.Increment(ref _nextResident) & int.MaxValue) % _residents.Count];

    /// <summary>An official and moderator of the city, in turn from a pool (see <see cref="Resident"/>).</summary>
    public Actor Official => _officials[(Interlocked.Increment(ref _nextOfficial) & int.MaxValue) % _officials.Count];

    /// <summary>The tenants this world's requests may write to: its two cities, and the network's.</summary>
    public string[] Tenants => [City, OtherCity, DefaultTenant];

    public IReadOnlyList<string> AccountIds => [_residents[0].Id.ToString(), _officials[0].Id.ToString()];

    /// <summary>Known ids of <paramref name="kind"/> items in <paramref name="city"/> (empty for a city this world does not own).</summary>
    public IReadOnlyList<string> Ids(string city, string kind)
    {
        lock (_gate)
            return _ids.TryGetValue(city, out var kinds) && kinds.TryGetValue(kind, out var ids) ? ids.ToList() : [];
    }

    /// <summary>Every known id of any kind in <paramref name="city"/>.</summary>
    public IReadOnlyList<string> AnyIds(string city)
    {
        lock (_gate)
            return _ids.TryGetValue(city, out var kinds) ? kinds.Values.SelectMany(v => v).ToList() : [];
    }

    public void Remember(string city, string kind, string id)
    {
        lock (_gate)
        {
            if (!_ids.TryGetValue(city, out var kinds)) return;
            if (!kinds.TryGetValue(kind, out var ids)) kinds[kind] = ids = [];
            if (ids.Count < 200 && !ids.Contains(id)) ids.Add(id);
        }
    }

    /// <summary>Registers two cities and fills them with one item of each kind, through the API as their own officials.</summary>
    public static async Task<FuzzWorld> CreateAsync(AppFixture app, string prefix)
    {
        var city = prefix + "a";
        var other = prefix + "b";
        await using (var session = app.Store.LightweightSession())
        {
            foreach (var slug in new[] { city, other })
                session.Store(new City
                {
                    Id = slug,
                    Names = new() { ["en"] = "Fuzzville" },
                    Languages = ["en"],
                    TimeZone = "Europe/Paris",
                    // A low threshold lets supports carry proposals to a decision within the run.
                    Settings = new CitySettings { ProposalSupportThreshold = 2 },
                    RegisteredAt = DateTimeOffset.UtcNow,
                });
            await session.SaveChangesAsync();
        }

        var residents = await app.AccountsAsync(16, city, CityRole.Resident);
        var officials = await app.AccountsAsync(16, city, CityRole.Official, CityRole.Moderator, CityRole.Resident, CityRole.VerifiedResident);
        var world = new FuzzWorld(city, other, residents, officials);
        await world.FillAsync(app, city, residents[0], officials[0]);
        var otherResident = await app.AccountAsync(other, CityRole.Resident);
        var otherOfficial = await app.AccountAsync(other, CityRole.Official, CityRole.Moderator);
        await world.FillAsync(app, other, otherResident, otherOfficial);
        return world;
    }

    private async Task FillAsync(AppFixture app, string city, Actor resident, Actor official)
    {
        Remember(city, "concerns", (await app.RaiseAsync(city, author: resident)).ToString());
        Remember(city, "proposals", (await app.SubmitAsync(city, author: resident)).ToString());
        Remember(city, "consultations", (await app.DraftConsultationAsync(official, city)).ToString());
        Remember(city, "consultations", (await app.OpenConsultationAsync(official, city)).ToString());
        Remember(city, "town-halls", (await app.ScheduleTownHallAsync(official, city)).ToString());
        var townHall = await app.OpenTownHallAsync(official, city);
        Remember(city, "town-halls", townHall.ToString());
        Remember(city, "polls", (await app.OpenPollAsync(townHall, official, city: city)).ToString());
        Remember(city, "commitments", (await app.PublishCommitmentAsync(official, city: city)).ToString());
        await app.AdoptAsync(city, official);
        await app.StartAssessmentAsync(city, official);
        var (organisation, member) = await app.VerifiedOrganisationAsync(city);
        Remember(city, "organisations", organisation.ToString());
        Remember(city, "shadow", (await app.PublishShadowReportAsync(city, organisation, member, DateTimeOffset.UtcNow.Year - 1)).ToString());
    }

    /// <summary>Remembers the id a successful create answered with, under the kind its route names.</summary>
    public void LearnFrom(string city, string kind, string responseBody)
    {
        if (responseBody.Length is 0 or > 100_000 || responseBody[0] != '{') return;
        try
        {
            using var json = JsonDocument.Parse(responseBody);
            if (json.RootElement.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String && Guid.TryParse(id.GetString(), out _))
                Remember(city, kind, id.GetString()!);
        }
        catch (JsonException)
        {
            // Not JSON after all: nothing to learn.
        }
    }
}
