using Marten;
using Weasel.Core;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.Extensions.Options;
using Platform.Api.Accounts;
using Platform.Api.Infrastructure;
using Platform.Api.Live;
using Platform.Domain.Accounts;

namespace Platform.Bench.Module;

/// <summary>
/// Load-test support, a development module (<see cref="IDevelopmentModule"/>): the API loads it only when
/// <c>Platform:DevelopmentModules</c> names this assembly, in the Development environment, and answers it only to
/// callers on the machine itself (loopback): it mints tokens for any role without a password.
/// </summary>
public sealed class BenchEndpoints : IDevelopmentModule
{
    public const int MaxResidents = 200_000;

    /// <summary>The cities the baseline broadcast goes to (the demo network's).</summary>
    public static readonly string[] Cities = ["york", "utrecht", "lviv"];

    /// <summary>The baseline broadcast of the live benchmark.</summary>
    public void AddServices(WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<BenchBroadcast>();
        builder.Services.AddSingleton<ILiveViewSource>(s => s.GetRequiredService<BenchBroadcast>());
        builder.Services.AddHostedService(s => s.GetRequiredService<BenchBroadcast>());
    }

    public void Map(WebApplication app)
    {
        var bench = app.MapGroup("/api/bench").ExcludeFromDescription().AddEndpointFilter(async (context, next) =>
            context.HttpContext.Connection.RemoteIpAddress is { } caller && System.Net.IPAddress.IsLoopback(caller)
                ? await next(context)
                : Results.NotFound());

        // Managed heap after a full collection, and the process working set: the live benchmark's memory per connection.
        bench.MapGet("/memory", () => Results.Ok(new
        {
            managedBytes = GC.GetTotalMemory(forceFullCollection: true),
            workingSetBytes = Environment.WorkingSet,
        })).ExcludeFromDescription();

        // The API's processor time so far: benchmarks divide its growth by the operations of a phase; and the time its
        // JIT spent compiling so far (the supports benchmark warms up until it stays still). With several
        // nodes, also which node this is to Wolverine (its rows in wolverine_nodes and wolverine_node_assignments) and
        // the agents (projections, the live-view subscription) it runs: the cluster benchmark kills the right one.
        bench.MapGet("/process", (Wolverine.Runtime.IWolverineRuntime wolverine) => Results.Ok(new
        {
            processorMilliseconds = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds,
            jitMilliseconds = System.Runtime.JitInfo.GetCompilationTime(currentThread: false).TotalMilliseconds,
            processId = Environment.ProcessId,
            wolverineNodeId = wolverine.Options.UniqueNodeId,
            wolverineNodeNumber = wolverine.DurabilitySettings.AssignedNodeNumber,
            agents = wolverine.Agents.AllRunningAgentUris().Select(u => u.ToString()),
        })).ExcludeFromDescription();

        bench.MapPost("/broadcast", (BenchBroadcast broadcast) => Results.Ok(new { version = broadcast.Count() })).ExcludeFromDescription();

        bench.MapPost("/residents", async (string city, int count, string? role, IDocumentStore store,
            IOptionsMonitor<BearerTokenOptions> bearer, TimeProvider clock, CancellationToken cancellation) =>
        {
            if (count is < 1 or > MaxResidents) return Results.Problem(statusCode: 400, title: $"count is 1 to {MaxResidents}.");
            var cityRole = CityRole.Resident;
            if (role is not null && !Enum.TryParse(role, ignoreCase: true, out cityRole))
                return Results.Problem(statusCode: 400, title: "role is a city role, such as resident or official.");
            var now = clock.GetUtcNow();
            var accounts = Enumerable.Range(0, count).Select(_ =>
            {
                var account = new Account { Id = Guid.CreateVersion7(), DisplayName = "Bench resident", CreatedAt = now };
                account.Email = $"{account.Id:N}@bench.invalid";
                account.Grant(city, cityRole);
                return account;
            }).ToList();
            await store.BulkInsertDocumentsAsync(accounts, BulkInsertMode.InsertsOnly, batchSize: 5000, cancellation);

            var protector = bearer.Get(AccountsSetup.BearerScheme).BearerTokenProtector;
            var expires = now.Add(AccountsSetup.TokenLifetime);
            var tokens = accounts.Select(a => protector.Protect(new AuthenticationTicket(
                AccountEndpoints.Principal(a, AccountsSetup.BearerScheme, now), new AuthenticationProperties { ExpiresUtc = expires }, AccountsSetup.BearerScheme)));
            return Results.Ok(tokens);
        }).ExcludeFromDescription();

        // The search benchmark's items: count concerns raised in the city through the event store, in batches of 1,000
        // streams a transaction, so every inline projection (views, state, the search index) writes them as it would.
        bench.MapPost("/concerns", async (string city, int count, IDocumentStore store, TimeProvider clock, CancellationToken cancellation) =>
        {
            if (count is < 1 or > MaxConcerns) return Results.Problem(statusCode: 400, title: $"count is 1 to {MaxConcerns}.");
            var random = new Random(count);
            var now = clock.GetUtcNow();
            for (var done = 0; done < count; done += 1000)
            {
                await using var session = store.LightweightSession(city);
                for (var i = done; i < Math.Min(count, done + 1000); i++)
                {
                    var (title, description) = BenchTexts.Concern(random);
                    var id = Guid.CreateVersion7();
                    session.Events.StartStream<Platform.Domain.Concerns.Concern>(id, new Platform.Domain.Concerns.ConcernRaised(id, title, description,
                        [BenchTexts.Rights[random.Next(BenchTexts.Rights.Length)]], [], null, Guid.NewGuid(), false, now.AddMinutes(-random.Next(500_000))));
                }
                await session.SaveChangesAsync(cancellation);
            }
            return Results.Ok(new { raised = count });
        }).ExcludeFromDescription();

        BenchHistory.Map(bench); // the rebuild benchmark's history and rebuild
    }

    public const int MaxConcerns = 1_000_000;
}
