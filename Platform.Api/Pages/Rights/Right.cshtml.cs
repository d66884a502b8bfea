using Platform.Api.KnowYourRights;

namespace Platform.Api.Pages.Rights;

/// <summary>
/// One right in the city, for anyone: what it is (a plain-language explanation in the page's language), the UDHR and EU
/// Charter articles it rests on, the city's concerns, commitments and indicators about it, and how to raise a concern
/// about it. Read through <see cref="CityRightReader"/>, as the API's <c>GET /api/cities/{city}/rights/{code}</c>.
/// </summary>
public sealed class RightModel(CityDirectory directory, IDocumentStore store, CityRightReader reader) : CityPageModel(directory)
{
    public CityRightDetails Right { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellation)
    {
        await using var session = store.QuerySession(CitySlug);
        if (await reader.ReadAsync(session, CitySlug, RouteCode, cancellation) is not { } right) return NotFound();
        Right = right;
        return Page();
    }
}
