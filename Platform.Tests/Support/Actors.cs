using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.Extensions.Options;
using Platform.Api.Accounts;

namespace Platform.Tests.Support;

/// <summary>Someone acting through the API with a real bearer token of a real account.</summary>
public sealed record Actor(Guid Id, string Token);

public static class Actors
{
    /// <summary>
    /// Creates an account holding <paramref name="roles"/> in <paramref name="city"/> and a bearer token for it,
    /// minted by the API's own token protector (so tests skip password hashing, not authentication).
    /// </summary>
    public static async Task<Actor> AccountAsync(this AppFixture app, string city, params CityRole[] roles)
    {
        var actors = await app.AccountsAsync(1, city, roles);
        return actors[0];
    }

    public static async Task<Actor> NetworkAdministratorAsync(this AppFixture app)
    {
        var account = NewAccount();
        account.IsNetworkAdministrator = true;
        await using var session = app.Store.LightweightSession();
        session.Store(account);
        await session.SaveChangesAsync();
        return new Actor(account.Id, Mint(app, account));
    }

    public static async Task<IReadOnlyList<Actor>> AccountsAsync(this AppFixture app, int count, string city, params CityRole[] roles)
    {
        if (roles.Length == 0) roles = [CityRole.Resident];
        var accounts = Enumerable.Range(0, count).Select(_ => NewAccount()).ToList();
        foreach (var account in accounts)
            foreach (var role in roles)
                account.Grant(city, role);
        await using var session = app.Store.LightweightSession();
        session.Store(accounts.ToArray());
        await session.SaveChangesAsync();
        return accounts.Select(a => new Actor(a.Id, Mint(app, a))).ToList();
    }

    public static Task<Actor> ResidentAsync(this AppFixture app, string city = "york") => app.AccountAsync(city, CityRole.Resident);

    /// <summary>
    /// One account per entry, each holding the given roles in the given cities (and the network administrator's role
    /// when asked), stored in one session, with a bearer token each: for tests that need many differently placed people.
    /// </summary>
    public static async Task<IReadOnlyList<Actor>> AccountsAsync(this AppFixture app,
        IReadOnlyList<(IReadOnlyList<(string City, CityRole Role)> Roles, bool Administrator)> accounts)
    {
        var stored = accounts.Select(wanted =>
        {
            var account = NewAccount();
            account.IsNetworkAdministrator = wanted.Administrator;
            foreach (var (city, role) in wanted.Roles) account.Grant(city, role);
            return account;
        }).ToArray();
        await using var session = app.Store.LightweightSession();
        session.Store(stored);
        await session.SaveChangesAsync();
        return stored.Select(a => new Actor(a.Id, Mint(app, a))).ToList();
    }

    public static void As(this Scenario scenario, Actor actor) =>
        scenario.WithRequestHeader("Authorization", $"Bearer {actor.Token}");

    private static Account NewAccount()
    {
        var id = Guid.CreateVersion7();
        return new Account { Id = id, Email = $"{id:N}@test.invalid", DisplayName = "Test person", CreatedAt = DateTimeOffset.UtcNow };
    }

    private static string Mint(AppFixture app, Account account)
    {
        var options = app.Host.Services.GetRequiredService<IOptionsMonitor<BearerTokenOptions>>().Get(AccountsSetup.BearerScheme);
        // On the platform's clock, which tests may move (see ShiftedClock), so a token minted then is valid then.
        var properties = new AuthenticationProperties { ExpiresUtc = app.Clock.GetUtcNow().Add(AccountsSetup.TokenLifetime) };
        var ticket = new AuthenticationTicket(AccountEndpoints.Principal(account, AccountsSetup.BearerScheme, app.Clock.GetUtcNow()), properties, AccountsSetup.BearerScheme);
        return options.BearerTokenProtector.Protect(ticket);
    }
}
