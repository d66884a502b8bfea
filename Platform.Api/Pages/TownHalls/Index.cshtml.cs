using Platform.Api.TownHalls;

namespace Platform.Api.Pages.TownHalls;

/// <summary>A city's town halls, latest first, through the town halls' reader.</summary>
[CachedForVisitors]
public sealed class TownHallsIndexModel(CityDirectory directory, IDocumentStore store, TownHallReader reader, IStringLocalizer<Text> text) : CityPageModel(directory)
{
    public const int PageSize = 20;

    [BindProperty(Name = "page", SupportsGet = true)] public int PageNumber { get; set; } = 1;

    public Paged<TownHallSummary>? TownHalls { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellation)
    {
        await using var session = store.QuerySession(CitySlug);
        var (found, errors) = await reader.ListAsync(session, CitySlug, PageNumber, PageSize, cancellation);
        TownHalls = found;
        if (found is null) Problems.From(errors).AddTo(ModelState, text);
        return Page();
    }

    public string PageUrl(int number) => $"/cities/{CitySlug}/town-halls?page={number}";
}
