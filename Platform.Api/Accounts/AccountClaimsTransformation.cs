using Microsoft.AspNetCore.Authentication;

namespace Platform.Api.Accounts;

/// <summary>
/// Gives every authenticated request the account's current roles. A ticket (bearer token or cookie) carries the
/// roles read when it was issued; they are used as they are while <see cref="RoleChangeLog"/> knows of no change
/// since, and replaced by the account's current roles otherwise. So a role granted or withdrawn takes effect
/// without signing in again, and most requests need no account read. It also adds the caller's participant pseudonym
/// (<see cref="PlatformClaims.ParticipantId"/>), a keyed hash computed per request and never written into a ticket.
/// </summary>
public sealed class AccountClaimsTransformation(AccountDirectory accounts, RoleChangeLog roleChanges, Pseudonyms pseudonyms) : IClaimsTransformation
{
    /// <summary>The authentication type of the identity that marks a principal as checked.</summary>
    public const string CheckedRoles = "roles";

    public async Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
    {
        if (principal.Identities.Any(i => i.AuthenticationType == CheckedRoles)) return principal;
        if (principal.Identity is not ClaimsIdentity signedIn || !Guid.TryParse(principal.FindFirstValue(PlatformClaims.AccountIdClaim), out var id))
            return principal;

        if (RolesAsOf(principal) is { } asOf && roleChanges.StillCurrent(id, asOf))
        {
            var trusted = new ClaimsPrincipal(principal.Identities);
            trusted.AddIdentity(new ClaimsIdentity([Participant(id)], CheckedRoles));
            return trusted;
        }

        var account = await accounts.FindAsync(id, CancellationToken.None);
        if (account is null) return new ClaimsPrincipal(new ClaimsIdentity()); // deleted account: anonymous
        // Signed out everywhere (or the password changed) after this ticket was issued: anonymous.
        if ((RolesAsOf(principal) ?? DateTimeOffset.MinValue) < account.SignInsValidFrom) return new ClaimsPrincipal(new ClaimsIdentity());

        // The ticket's own role claims may be out of date: keep only who it is, and add the roles the account holds now.
        var current = new ClaimsIdentity([new Claim(PlatformClaims.AccountIdClaim, id.ToString())], signedIn.AuthenticationType);
        var roles = new ClaimsIdentity(PlatformClaims.RoleClaims(account).Append(Participant(id)), CheckedRoles);
        return new ClaimsPrincipal([current, roles]);
    }

    private Claim Participant(Guid accountId) => new(PlatformClaims.ParticipantClaim, pseudonyms.Of(accountId).ToString());

    private static DateTimeOffset? RolesAsOf(ClaimsPrincipal principal) =>
        long.TryParse(principal.FindFirstValue(PlatformClaims.RolesAsOfClaim), NumberStyles.None, CultureInfo.InvariantCulture, out var ms)
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
            : null;
}
