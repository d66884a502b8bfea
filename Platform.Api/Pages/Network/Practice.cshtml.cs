using Platform.Api.GoodPractices;
using Platform.Projections.Commitments;

namespace Platform.Api.Pages.Network;

/// <summary>
/// One practice of the library, for anyone (<c>GET /api/network/practices/{id}</c>): its current version, the rights,
/// indicators and commitments of its city it links to, the cities that adopted it, its earlier versions; and, for an
/// official of another city, the way to say their city adopted it.
/// </summary>
public sealed class PracticeModel(IDocumentStore store, GoodPracticeReader reader, CityDirectory cities) : PageModel
{
    public PracticeDetails Practice { get; private set; } = null!;
    public City Publisher { get; private set; } = null!;
    /// <summary>The titles of the commitments it links to, by id (those still found in its city).</summary>
    public IReadOnlyDictionary<Guid, string> CommitmentTitles { get; private set; } = new Dictionary<Guid, string>();
    /// <summary>The adopting cities (found in the directory), by slug.</summary>
    public IReadOnlyDictionary<string, City> Adopters { get; private set; } = new Dictionary<string, City>();
    /// <summary>The other cities where the visitor is an official: each may say it adopted the practice.</summary>
    public IReadOnlyList<City> MayAdoptFor { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellation)
    {
        await using var session = store.QuerySession();
        if (await reader.FindAsync(session, id, cancellation) is not { } practice) return NotFound();
        if (await cities.FindAsync(practice.City, cancellation) is not { } publisher) return NotFound();
        (Practice, Publisher) = (practice, publisher);
        if (practice.CommitmentIds.Length > 0)
        {
            await using var citySession = store.QuerySession(practice.City);
            CommitmentTitles = (await citySession.LoadManyAsync<CommitmentView>(cancellation, practice.CommitmentIds)).ToDictionary(c => c.Id, c => c.Title);
        }
        var adopters = new Dictionary<string, City>();
        foreach (var adoption in practice.Adoptions)
            if (await cities.FindAsync(adoption.City, cancellation) is { } city) adopters[city.Id] = city;
        Adopters = adopters;
        var mayAdopt = new List<City>();
        foreach (var slug in User.Claims.Where(c => c.Type == PlatformClaims.CityRoleClaim && c.Value.EndsWith($":{CityRole.Official}", StringComparison.Ordinal))
                     .Select(c => c.Value[..c.Value.LastIndexOf(':')]).Where(c => c != practice.City).Distinct().Order(StringComparer.Ordinal))
            if (await cities.FindAsync(slug, cancellation) is { } city) mayAdopt.Add(city);
        MayAdoptFor = mayAdopt;
        return Page();
    }
}
