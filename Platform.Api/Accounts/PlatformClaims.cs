
namespace Platform.Api.Accounts;

/// <summary>
/// The one seam between "who is calling" and the endpoints. Endpoints read the caller from the
/// <see cref="ClaimsPrincipal"/>; cookies, bearer tokens and role look-ups are none of their business.
/// </summary>
public static class PlatformClaims
{
    public const string AccountIdClaim = "account_id";
    /// <summary>One claim per role held, valued "city:role" (york:official).</summary>
    public const string CityRoleClaim = "city_role";
    public const string NetworkAdministratorClaim = "network_admin";
    /// <summary>When the roles a ticket carries were read (Unix milliseconds); see <see cref="RoleChangeLog"/>.</summary>
    public const string RolesAsOfClaim = "roles_as_of";
    /// <summary>The caller's participant pseudonym; computed on each request, never part of a ticket.</summary>
    public const string ParticipantClaim = "participant";
    /// <summary>Present ("true") when the account's email address is verified; read with the roles (<see cref="RoleClaims"/>).</summary>
    public const string EmailVerifiedClaim = "email_verified";

    /// <summary>The claims of the roles an account holds: one per city role, and the network administrator's.</summary>
    public static IEnumerable<Claim> RoleClaims(Account account)
    {
        foreach (var (city, roles) in account.Roles)
            foreach (var role in roles)
                yield return new Claim(CityRoleClaim, RoleValue(city, role));
        if (account.IsNetworkAdministrator) yield return new Claim(NetworkAdministratorClaim, "true");
        if (account.EmailVerifiedAt is not null) yield return new Claim(EmailVerifiedClaim, "true");
    }

    /// <summary>The caller's account id. Only call it behind an authorization requirement.</summary>
    public static Guid AccountId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(AccountIdClaim), out var id)
            ? id
            : throw new InvalidOperationException("The endpoint was reached without an authenticated account.");

    /// <summary>
    /// The caller as a participant: their pseudonym (<see cref="Pseudonyms"/>), added to every signed-in principal by
    /// <see cref="AccountClaimsTransformation"/>. Supports, votes and consultation answers are stored under it, so one
    /// person still has one voice and can read their own, while the database alone does not say whose they are.
    /// Only call it behind an authorization requirement.
    /// </summary>
    public static Guid ParticipantId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ParticipantClaim), out var id)
            ? id
            : throw new InvalidOperationException("The endpoint was reached without an authenticated account.");

    public static bool IsSignedIn(this ClaimsPrincipal user) => user.HasClaim(c => c.Type == AccountIdClaim);

    public static string RoleValue(string city, CityRole role) => $"{city}:{role}";

    public static bool HoldsRole(this ClaimsPrincipal user, string city, CityRole role) =>
        user.HasClaim(CityRoleClaim, RoleValue(city, role));

    public static bool IsMemberOf(this ClaimsPrincipal user, string city) =>
        user.Claims.Any(c => c.Type == CityRoleClaim && c.Value.StartsWith(city + ":", StringComparison.Ordinal));

    /// <summary>Whether the caller's email address is verified (docs/accounts.md).</summary>
    public static bool HasVerifiedEmail(this ClaimsPrincipal user) => user.HasClaim(EmailVerifiedClaim, "true");

    public static bool IsNetworkAdministrator(this ClaimsPrincipal user) => user.HasClaim(NetworkAdministratorClaim, "true");
}
