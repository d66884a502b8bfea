namespace Platform.Api.Cities;

/// <summary>
/// The one rule for which city a request acts in: the <c>{city}</c> of its route. Never a form field, a query
/// value or a body: those are the caller's to forge. Authorization checks the caller's roles against this
/// value, and every write and read of the request uses the same value (pages through
/// <see cref="Web.CityPageModel"/>, API endpoints through their route argument and Marten's tenant).
/// </summary>
public static class RequestCity
{
    /// <summary>The name of the route value that carries the city's slug.</summary>
    public const string RouteValue = "city";

    /// <summary>The city of the request's route, or null when its route has no city.</summary>
    public static string? Of(HttpContext context) => context.GetRouteValue(RouteValue) as string;

    /// <summary>A route value of the request as text (a page's <c>{id}</c> or <c>{code}</c>), or empty when absent.</summary>
    public static string RouteText(HttpContext context, string name) => context.GetRouteValue(name) as string ?? "";

    /// <summary>A route value of the request as an id, or <see cref="Guid.Empty"/> when absent or not an id.</summary>
    public static Guid RouteId(HttpContext context, string name = "id") =>
        Guid.TryParse(RouteText(context, name), out var id) ? id : Guid.Empty;
}
