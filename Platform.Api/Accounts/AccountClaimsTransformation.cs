using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;

namespace Platform.Api.Accounts;

/// <summary>
/// Adds the account's current roles to an authenticated principal on every request, so that a role
/// granted or withdrawn takes effect without signing in again. Tokens and cookies carry only the id.
/// </summary>
public sealed class AccountClaimsTransformation(AccountDirectory accounts) : IClaimsTransformation
{
    public async Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
    {
        if (principal.HasClaim(c => c.Type == PlatformClaims.CityRoleClaim || c.Type == PlatformClaims.NetworkAdministratorClaim)) return principal;
        if (!Guid.TryParse(principal.FindFirstValue(PlatformClaims.AccountIdClaim), out var id)) return principal;

        var account = await accounts.FindAsync(id, CancellationToken.None);
        if (account is null) return new ClaimsPrincipal(new ClaimsIdentity()); // deleted account: anonymous

        var roles = new ClaimsIdentity("roles");
        foreach (var (city, cityRoles) in account.Roles)
            foreach (var role in cityRoles)
                roles.AddClaim(new Claim(PlatformClaims.CityRoleClaim, PlatformClaims.RoleValue(city, role)));
        if (account.IsNetworkAdministrator) roles.AddClaim(new Claim(PlatformClaims.NetworkAdministratorClaim, "true"));
        var result = new ClaimsPrincipal(principal.Identities);
        result.AddIdentity(roles);
        return result;
    }
}
