using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Platform.Api.Cities;
using Platform.Api.Scorecards;
using Platform.Api.Web;

namespace Platform.Api.Pages.Network;

/// <summary>The network's cities side by side: the API's network overview, one column per city.</summary>
public sealed class NetworkModel(IDocumentStore store, AccountabilityReader reader) : PageModel
{
    public NetworkOverviewResponse Overview { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellation)
    {
        await using var session = store.QuerySession();
        Overview = (await AccountabilityEndpoints.Network(session, reader, cancellation)).Value<NetworkOverviewResponse>()!;
        return Page();
    }

    /// <summary>A city's name in the page's language, else English, else its slug (as <see cref="Display.Name"/> does for a City).</summary>
    public static string Name(NetworkCityResponse city) =>
        city.Names.TryGetValue(Display.Language, out var name) ? name : city.Names.TryGetValue("en", out var english) ? english : city.City;
}
