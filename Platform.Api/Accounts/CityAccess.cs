
namespace Platform.Api.Accounts;

/// <summary>City rules about who may take part, beyond the route policies.</summary>
public static class CityAccess
{
    /// <summary>
    /// Supports and votes: when the city requires verified residency, a resident who is not verified
    /// gets 403 with a problem saying so. Null when the caller may go on.
    /// </summary>
    public static async Task<IResult?> SupportRefusalAsync(ClaimsPrincipal user, string city, CityDirectory cities, CancellationToken cancellation)
    {
        var found = await cities.FindAsync(city, cancellation);
        if (found is null) return Problems.NotFound("city");
        if (found.Settings.SupportsRequireVerifiedResidency && !user.HoldsRole(city, CityRole.VerifiedResident))
            return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Only verified residents can support or vote in this city.",
                type: "https://human-rights-cities.org/problems/verified-residency-required",
                extensions: new Dictionary<string, object?> { ["code"] = "verified-residency-required" });
        return null;
    }
}
