using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Platform.Api.Cities;

namespace Platform.Api.Web;

/// <summary>
/// The base of every page under <c>/cities/{city}/...</c>: binds the route's city and loads it before any
/// handler runs (an unknown city never gets here: <see cref="KnownCityMiddleware"/> answers 404 first).
/// City role policies (<c>Policies.Resident</c> ...) read the same route value, so pages use them as endpoints do.
/// The city, like every other route value a page acts on (<c>{id}</c>, <c>{code}</c>), is read from the route only
/// (<see cref="RequestCity"/>): it is never model-bound, so a forged <c>city</c> or <c>id</c> form field or query
/// value changes nothing.
/// </summary>
public abstract class CityPageModel(CityDirectory directory) : PageModel
{
    /// <summary>The city of the page: its route's <c>{city}</c>, the value its role checks were made against.</summary>
    public string CitySlug => RequestCity.Of(HttpContext) ?? "";

    /// <summary>The page's route <c>{id}</c> (pages of one concern, proposal, commitment, consultation or town hall).</summary>
    protected Guid RouteId => RequestCity.RouteId(HttpContext);

    /// <summary>The page's route <c>{code}</c> (pages of one indicator).</summary>
    protected string RouteCode => RequestCity.RouteText(HttpContext, "code");

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
