using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Platform.Api.Accounts;
using Platform.Api.Infrastructure;
using Platform.Domain.TownHalls;
using Wolverine.Http;

namespace Platform.Api.TownHalls;

/// <summary>An official schedules a town hall (title, description, start, place, district); it is public at once.</summary>
public static class ScheduleTownHallEndpoint
{
    [WolverinePost("/api/cities/{city}/town-halls", OperationId = "scheduleTownHall")]
    [Authorize(Policy = Policies.Official)]
    public static async Task<IResult> Post(ScheduleTownHall command, string city, ClaimsPrincipal user,
        IDocumentSession session, TimeProvider clock, CancellationToken cancellation)
    {
        var id = Guid.CreateVersion7();
        var decision = TownHallDecider.Decide(command, id, user.AccountId(), clock.GetUtcNow());
        if (decision.IsRefused) return Problems.Result(decision.Errors);

        session.Events.StartStream<TownHall>(id, decision.Events);
        await session.SaveChangesAsync(cancellation);
        return Results.Created($"/api/cities/{city}/town-halls/{id}", new ScheduledTownHall(id));
    }
}

/// <summary>The id of a town hall just scheduled.</summary>
public sealed record ScheduledTownHall(Guid Id);
