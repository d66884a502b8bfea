using Platform.Domain.TownHalls;

namespace Platform.Api.TownHalls;

/// <summary>An official schedules a town hall (title, description, start, place, district); it is public at once.</summary>
public static class ScheduleTownHallEndpoint
{
    [WolverinePost("/api/cities/{city}/town-halls", OperationId = "scheduleTownHall")]
    [Authorize(Policy = Policies.Official)]
    public static async Task<IResult> Post(ScheduleTownHallRequest body, string city, ClaimsPrincipal user, TownHallHandler handler,
        IDocumentSession session, CancellationToken cancellation)
    {
        var command = body.Command(Guid.CreateVersion7(), user.AccountId());
        var written = await handler.Handle(command, session, cancellation);
        return written.IsRefused ? written.Problem
            : Results.Created($"/api/cities/{city}/town-halls/{command.TownHallId}", new ScheduledTownHall(command.TownHallId));
    }
}

/// <summary>A town hall to schedule, as a caller sends it.</summary>
public sealed record ScheduleTownHallRequest(string? Title, string? Description, DateTimeOffset? StartsAt, string? Location, string? District)
{
    public ScheduleTownHall Command(Guid townHallId, Guid officialId) => new(townHallId, officialId, Title, Description, StartsAt, Location, District);
}

/// <summary>The id of a town hall just scheduled.</summary>
public sealed record ScheduledTownHall(Guid Id);
