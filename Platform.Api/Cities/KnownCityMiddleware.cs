
namespace Platform.Api.Cities;

/// <summary>Answers 404 with problem details for any route whose <c>{city}</c> is not a city of the network.</summary>
public sealed class KnownCityMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, CityDirectory cities)
    {
        if (RequestCity.Of(context) is { } city && !await cities.ExistsAsync(city, context.RequestAborted))
        {
            // Open311 answers its specification's error list, in the format of the path.
            if (context.Request.Path.StartsWithSegments("/open311")) await Open311.GeoReportAnswer.UnknownCity(context).ExecuteAsync(context);
            // Pages answer an empty 404, which their status page renders in the visitor's language.
            else if (!context.Request.Path.StartsWithSegments("/api")) context.Response.StatusCode = StatusCodes.Status404NotFound;
            else await Problems.NotFound("city").ExecuteAsync(context);
            return;
        }
        await next(context);
    }
}
