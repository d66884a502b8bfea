using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Platform.Api.Infrastructure;
using Platform.Domain;
using Platform.Domain.Accounts;
using Wolverine.Http;

namespace Platform.Api.Accounts;

/// <summary>Grant a role in a city to an account.</summary>
public sealed record GrantRole(Guid AccountId, CityRole Role);

/// <summary>Joining cities, verifying residents, and granting council roles.</summary>
public static class RoleEndpoints
{
    /// <summary>A signed-in person becomes a resident of another city of the network.</summary>
    [WolverinePost("/api/cities/{city}/members", OperationId = "joinCity")]
    [Authorize(Policy = Policies.SignedIn)]
    public static Task<IResult> Join(string city, ClaimsPrincipal user, IDocumentSession session, AccountDirectory accounts, CancellationToken cancellation) =>
        ChangeAsync(user.AccountId(), session, accounts, cancellation, account => { account.Grant(city, CityRole.Resident); return null; });

    /// <summary>An official of the city confirms that a member lives there (Decidim-style verification).</summary>
    [WolverinePost("/api/cities/{city}/residents/{accountId}/verification", OperationId = "verifyResident")]
    [Authorize(Policy = Policies.Official)]
    public static Task<IResult> Verify(string city, Guid accountId, IDocumentSession session, AccountDirectory accounts, CancellationToken cancellation) =>
        ChangeAsync(accountId, session, accounts, cancellation, account =>
        {
            if (!account.Holds(city, CityRole.Resident))
                return DomainError.Rule("not-a-resident", "Only a resident of the city can be verified; ask them to join the city first.");
            account.Grant(city, CityRole.VerifiedResident);
            return null;
        });

    /// <summary>A network administrator grants a role (official, moderator, ...) in a city.</summary>
    [WolverinePost("/api/cities/{city}/roles", OperationId = "grantCityRole")]
    [Authorize(Policy = Policies.NetworkAdministrator)]
    public static Task<IResult> Grant(string city, GrantRole command, IDocumentSession session, AccountDirectory accounts, CancellationToken cancellation) =>
        ChangeAsync(command.AccountId, session, accounts, cancellation, account =>
        {
            if (!Enum.IsDefined(command.Role)) return DomainError.Invalid("role", "Unknown role.");
            account.Grant(city, command.Role);
            return null;
        });

    [WolverineDelete("/api/cities/{city}/roles/{accountId}/{role}", OperationId = "revokeCityRole")]
    [Authorize(Policy = Policies.NetworkAdministrator)]
    public static Task<IResult> Revoke(string city, Guid accountId, string role, IDocumentSession session, AccountDirectory accounts, CancellationToken cancellation) =>
        ChangeAsync(accountId, session, accounts, cancellation, account =>
        {
            if (!Enum.TryParse<CityRole>(role, ignoreCase: true, out var parsed)) return DomainError.Invalid("role", $"'{role}' is not a role.");
            account.Revoke(city, parsed);
            return null;
        });

    private static async Task<IResult> ChangeAsync(Guid accountId, IDocumentSession session, AccountDirectory accounts,
        CancellationToken cancellation, Func<Account, DomainError?> change)
    {
        var account = await session.LoadAsync<Account>(accountId, cancellation);
        if (account is null) return Problems.NotFound("account");
        if (change(account) is { } error) return Problems.Result([error]);
        session.Store(account);
        await session.SaveChangesAsync(cancellation);
        accounts.Forget(accountId);
        return Results.Ok(AccountEndpoints.ToResponse(account));
    }
}
