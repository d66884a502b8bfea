using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Platform.Api.Cities;

namespace Platform.Api.Web;

/// <summary>
/// The base of every page under <c>/cities/{city}/...</c>: binds the route's city and loads it before any
/// handler runs (an unknown city never gets here: <see cref="KnownCityMiddleware"/> answers 404 first).
/// City role policies (<c>Policies.Resident</c> ...) read the same route value, so pages use them as endpoints do.
/// </summary>
public abstract class CityPageModel(CityDirectory directory) : PageModel
{
    [BindProperty(Name = "city", SupportsGet = true)] public string CitySlug { get; set; } = "";

    /// <summary>The ViewData entry that tells the layout which city the page belongs to.</summary>
    public const string CityKey = "city";

    public City City { get; private set; } = null!;

    /// <summary>The city directory, for handlers that call endpoint methods needing it.</summary>
    protected CityDirectory Cities => directory;

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var city = await directory.FindAsync(CitySlug, HttpContext.RequestAborted);
        if (city is null)
        {
            context.Result = NotFound();
            return;
        }
        City = city;
        ViewData[CityKey] = city; // the layout shows the city's sections
        await next();
    }
}
