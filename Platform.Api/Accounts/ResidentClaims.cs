using System.Security.Claims;

namespace Platform.Api.Accounts;

/// <summary>
/// The one seam between "who is calling" and the endpoints. Endpoints read the resident from the
/// <see cref="ClaimsPrincipal"/>; which authentication scheme produced it (the development header
/// today, accounts tomorrow) is none of their business.
/// </summary>
public static class ResidentClaims
{
    public const string ResidentIdClaim = "resident_id";

    /// <summary>The calling resident's id. Only call it behind an authorization requirement.</summary>
    public static Guid ResidentId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ResidentIdClaim), out var id)
            ? id
            : throw new InvalidOperationException("The endpoint was reached without an authenticated resident.");
}
