using Platform.Api.GoodPractices;
using Platform.Domain.Reference;
using Platform.Projections.GoodPractices;

namespace Platform.Api.Pages.Network;

/// <summary>
/// The network's good-practice library, for anyone: filtered by right, by the publishing city and by words of the title,
/// with the API's checks of the filters (<c>GET /api/network/practices</c>).
/// </summary>
public sealed class PracticesModel(IDocumentStore store, GoodPracticeReader reader, CityDirectory cities, IStringLocalizer<Text> text) : PageModel
{
    public const int PageSize = 20;

    [BindProperty(Name = "right", SupportsGet = true)] public string? Right { get; set; }
    [BindProperty(Name = "city", SupportsGet = true)] public string? CityFilter { get; set; }
    [BindProperty(Name = "q", SupportsGet = true)] public string? Query { get; set; }
    [BindProperty(Name = "page", SupportsGet = true)] public int PageNumber { get; set; } = 1;

    public Paged<PracticeDetails>? Practices { get; private set; }
    /// <summary>The cities that publish practices, for the filter, and every city's name for the cards.</summary>
    public IReadOnlyList<City> Publishers { get; private set; } = [];
    public IReadOnlyList<Right> Rights { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellation)
    {
        var comparer = StringComparer.Create(CultureInfo.CurrentCulture, true);
        Rights = ReferenceCatalogue.Default.Rights.Values.OrderBy(r => text[r.Name].Value, comparer).ToList();
        await using var session = store.QuerySession();
        var slugs = await session.Query<GoodPracticeView>().Where(v => v.AnyTenant() && !v.Withdrawn).Select(v => v.City).Distinct().ToListAsync(cancellation);
        var found = new List<City>();
        foreach (var slug in slugs)
            if (await cities.FindAsync(slug, cancellation) is { } city) found.Add(city);
        Publishers = found.OrderBy(c => c.Name(), comparer).ToList();

        var errors = new List<DomainError>();
        var query = PracticeQuery.Parse(Blank(Right), Blank(CityFilter), Blank(Query), PageNumber, PageSize, errors);
        if (errors.Count > 0) Problems.Result(errors).Problem()!.AddTo(ModelState, text);
        else Practices = await reader.LibraryAsync(session, query, cancellation);
    }

    /// <summary>The name of a publishing city, in the page's language.</summary>
    public string NameOf(string slug) => Publishers.FirstOrDefault(c => c.Id == slug)?.Name() ?? slug;

    public string PageUrl(int number) => $"/network/practices?page={number}"
        + (Blank(Right) is { } right ? $"&right={Uri.EscapeDataString(right)}" : "")
        + (Blank(CityFilter) is { } city ? $"&city={Uri.EscapeDataString(city)}" : "")
        + (Blank(Query) is { } q ? $"&q={Uri.EscapeDataString(q)}" : "");

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
