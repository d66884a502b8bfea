using Platform.Api.UnRecommendations;
using Platform.Domain.UnRecommendations;

namespace Platform.Api.Pages.UnRecommendations;

/// <summary>
/// The city's UN recommendations, filtered by source, right and response, through <see cref="UnRecommendationReader"/> with
/// the API's checks of the filters (a plain GET form). Officials find the links to record one and to import a file here.
/// </summary>
public sealed class IndexModel(CityDirectory directory, IDocumentStore store, UnRecommendationReader reader, IStringLocalizer<Text> text) : CityPageModel(directory)
{
    [BindProperty(Name = "source", SupportsGet = true)] public string? Source { get; set; }
    [BindProperty(Name = "right", SupportsGet = true)] public string? Right { get; set; }
    [BindProperty(Name = "response", SupportsGet = true)] public string? Answer { get; set; }
    [BindProperty(Name = "page", SupportsGet = true)] public int PageNumber { get; set; } = 1;

    public Paged<UnRecommendationDetails>? Recommendations { get; private set; }

    public static IEnumerable<string> Sources => UnRecommendationRules.Sources.Keys;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellation)
    {
        var query = UnRecommendationReader.Query(Blank(Source), Blank(Right), Blank(Answer), PageNumber, UnRecommendationReader.DefaultPageSize, out var errors);
        if (errors.Count > 0)
        {
            Problems.Result(errors).Problem()!.AddTo(ModelState, text);
            return Page();
        }
        await using var session = store.QuerySession(CitySlug);
        Recommendations = await reader.ListAsync(session, CitySlug, query, cancellation);
        return Page();
    }

    public string PageUrl(int number) => $"/cities/{CitySlug}/un-recommendations?page={number}"
        + string.Concat(new[] { ("source", Source), ("right", Right), ("response", Answer) }
            .Where(f => !string.IsNullOrEmpty(f.Item2)).Select(f => $"&{f.Item1}={Uri.EscapeDataString(f.Item2!)}"));

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
