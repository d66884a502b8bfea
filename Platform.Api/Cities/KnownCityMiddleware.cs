using Platform.Api.Infrastructure;

namespace Platform.Api.Cities;

/// <summary>Answers 404 with problem details for any route whose <c>{city}</c> is not a city of the network.</summary>
public sealed class KnownCityMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, CityDirectory cities)
    {
        if (context.GetRouteValue("city") is string city && !await cities.ExistsAsync(city, context.RequestAborted))
        {
            await Problems.NotFound("city").ExecuteAsync(context);
            return;
        }
        await next(context);
    }
}
