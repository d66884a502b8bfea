using System.Text.Json;

namespace Platform.Api.Accounts;

/// <summary>Grant a role in a city to an account. Both are required (nullable so that a missing one is refused, not defaulted).</summary>
public sealed record GrantRole(Guid? AccountId, CityRole? Role);

/// <summary>Joining cities, verifying residents, and granting council roles.</summary>
public static class RoleEndpoints
{
    private static readonly DomainError AccountChanged =
        DomainError.Conflict("account-changed", "The account kept changing while this role change was on its way; try again.");

    /// <summary>A signed-in person becomes a resident of another city of the network.</summary>
    [WolverinePost("/api/cities/{city}/members", OperationId = "joinCity")]
    [Authorize(Policy = Policies.SignedIn)]
    public static Task<IResult> Join(string city, ClaimsPrincipal user, IDocumentStore store, AccountDirectory accounts, CancellationToken cancellation) =>
        ChangeAsync(user.AccountId(), store, accounts, cancellation, account => { account.Grant(city, CityRole.Resident); return null; });

    /// <summary>An official of the city confirms that a member lives there (Decidim-style verification).</summary>
    [WolverinePost("/api/cities/{city}/residents/{accountId}/verification", OperationId = "verifyResident")]
    [Authorize(Policy = Policies.Official)]
    public static Task<IResult> Verify(string city, Guid accountId, IDocumentStore store, AccountDirectory accounts, CancellationToken cancellation) =>
        ChangeAsync(accountId, store, accounts, cancellation, account =>
        {
            if (!account.Holds(city, CityRole.Resident))
                return DomainError.Rule("not-a-resident", "Only a resident of the city can be verified; ask them to join the city first.");
            account.Grant(city, CityRole.VerifiedResident);
            return null;
        });

    /// <summary>A network administrator grants a role (official, moderator, ...) in a city.</summary>
    [WolverinePost("/api/cities/{city}/roles", OperationId = "grantCityRole")]
    [Authorize(Policy = Policies.NetworkAdministrator)]
    public static Task<IResult> Grant(string city, GrantRole command, IDocumentStore store, AccountDirectory accounts, CancellationToken cancellation)
    {
        var errors = new List<DomainError>();
        if (command.AccountId is null) errors.Add(DomainError.Invalid("accountId", "Name the account (its id)."));
        if (command.Role is not { } role || !Enum.IsDefined(role))
            errors.Add(DomainError.Invalid("role", $"Name a role: {string.Join(", ", Enum.GetNames<CityRole>().Select(JsonNamingPolicy.CamelCase.ConvertName))}."));
        if (errors.Count > 0) return Task.FromResult(Problems.Result(errors));
        return ChangeAsync(command.AccountId!.Value, store, accounts, cancellation, account =>
        {
            account.Grant(city, command.Role!.Value);
            return null;
        });
    }

    [WolverineDelete("/api/cities/{city}/roles/{accountId}/{role}", OperationId = "revokeCityRole")]
    [Authorize(Policy = Policies.NetworkAdministrator)]
    public static Task<IResult> Revoke(string city, Guid accountId, string role, IDocumentStore store, AccountDirectory accounts, CancellationToken cancellation) =>
        ChangeAsync(accountId, store, accounts, cancellation, account =>
        {
            // Enum.TryParse also takes numbers ("99"): only a role's name counts.
            if (int.TryParse(role, out _) || !Enum.TryParse<CityRole>(role, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
                return DomainError.Invalid("role", $"'{role}' is not a role.");
            account.Revoke(city, parsed);
            return null;
        });

    /// <summary>
    /// Grants (<paramref name="held"/>) or withdraws one role of an account in a city, as the endpoints above do (the
    /// account's role stamp, every node told through <see cref="RoleChangeLog"/>): for roles that follow from something
    /// else, such as <see cref="CityRole.Organisation"/> from a verified organisation's membership. Answers the account
    /// (200) or 404 when it no longer exists.
    /// </summary>
    public static Task<IResult> SetRoleAsync(Guid accountId, string city, CityRole role, bool held, IDocumentStore store, AccountDirectory accounts,
        CancellationToken cancellation) =>
        ChangeAsync(accountId, store, accounts, cancellation, account =>
        {
            if (held) account.Grant(city, role);
            else account.Revoke(city, role);
            return null;
        });

    /// <summary>
    /// Loads the account, applies the change and stores it under optimistic concurrency: when another change of the
    /// same account committed in between (a grant beside a revoke), the change is applied again to the account as it
    /// is now, so neither is lost.
    /// </summary>
    private static async Task<IResult> ChangeAsync(Guid accountId, IDocumentStore store, AccountDirectory accounts,
        CancellationToken cancellation, Func<Account, DomainError?> change)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var fresh = store.LightweightSession();
            var account = await fresh.LoadAsync<Account>(accountId, cancellation);
            if (account is null) return Problems.NotFound("account");
            if (change(account) is { } error) return Problems.Result([error]);
            accounts.StampRoleChange(account);
            fresh.Store(account);
            if (await StreamWrite.CommitAsync(fresh, AccountChanged, cancellation) is { } lost)
            {
                if (attempt < 20) continue; // another change of the account came first: apply this one to it
                return lost.Problem;
            }
            accounts.RolesChanged(account);
            return Results.Ok(AccountHandler.ToResponse(account));
        }
    }
}
