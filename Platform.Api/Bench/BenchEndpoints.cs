using Marten;
using Weasel.Core;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.Extensions.Options;
using Platform.Api.Accounts;
using Platform.Domain.Accounts;

namespace Platform.Api.Bench;

/// <summary>Load-test support, mapped only when <see cref="BenchOptions.Enabled"/> and not in Production.</summary>
public static class BenchEndpoints
{
    public const int MaxResidents = 200_000;

    public static void MapBenchEndpoints(this WebApplication app)
    {
        var options = app.Configuration.GetSection("Platform:Bench").Get<BenchOptions>() ?? new BenchOptions();
        if (!options.Enabled || app.Environment.IsProduction()) return;

        app.MapPost("/api/bench/residents", async (string city, int count, IDocumentStore store,
            IOptionsMonitor<BearerTokenOptions> bearer, TimeProvider clock, CancellationToken cancellation) =>
        {
            if (count is < 1 or > MaxResidents) return Results.Problem(statusCode: 400, title: $"count is 1 to {MaxResidents}.");
            var now = clock.GetUtcNow();
            var accounts = Enumerable.Range(0, count).Select(_ =>
            {
                var account = new Account { Id = Guid.CreateVersion7(), DisplayName = "Bench resident", CreatedAt = now };
                account.Email = $"{account.Id:N}@bench.invalid";
                account.Grant(city, CityRole.Resident);
                return account;
            }).ToList();
            await store.BulkInsertDocumentsAsync(accounts, BulkInsertMode.InsertsOnly, batchSize: 5000, cancellation);

            var protector = bearer.Get(AccountsSetup.BearerScheme).BearerTokenProtector;
            var expires = now.Add(AccountsSetup.TokenLifetime);
            var tokens = accounts.Select(a => protector.Protect(new AuthenticationTicket(
                AccountEndpoints.Principal(a, AccountsSetup.BearerScheme), new AuthenticationProperties { ExpiresUtc = expires }, AccountsSetup.BearerScheme)));
            return Results.Ok(tokens);
        }).ExcludeFromDescription();
    }
}
