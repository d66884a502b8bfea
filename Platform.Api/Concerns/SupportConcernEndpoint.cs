using Platform.Api.Participation;
using Platform.Domain.Concerns;

namespace Platform.Api.Concerns;

/// <summary>
/// Residents support concerns, and take their support back. Each resident's support of a concern is
/// its own tiny stream (see <see cref="PersonalStream"/>), so supports of one popular concern never
/// contend on the concern's stream, and a duplicate is stopped by the stream's primary key. The writing is the
/// participation writer's (<see cref="ParticipationWriter"/>: group commit, the gate, the read-and-decide path).
/// </summary>
public static class SupportConcernEndpoint
{
    /// <summary>
    /// Supports the concern as the calling resident. Always 200: <c>changed</c> is false when the
    /// resident already supported it (also when two requests race), so retries are harmless.
    /// </summary>
    [WolverinePost("/api/cities/{city}/concerns/{id}/supports", OperationId = "supportConcern")]
    [Authorize(Policy = Policies.Resident)]
    public static async Task<IResult> Post(Guid id, string city, ClaimsPrincipal user, HttpContext http, ParticipationHandler handler, CancellationToken cancellation)
    {
        var command = new SupportConcern(id, user.ParticipantId()) { VerifiedResident = user.HoldsRole(city, CityRole.VerifiedResident), VerifiedEmail = user.HasVerifiedEmail() };
        var done = await handler.Handle(command, city, http.Features.Get<IdempotencyScope>(), cancellation);
        return done.IsRefused ? done.Problem : Results.Ok(new SupportState(id, Supported: true, done.Changed, done.Sequence));
    }

    /// <summary>Withdraws the calling resident's support. Always 200; <c>changed</c> is false when there was none.</summary>
    [WolverineDelete("/api/cities/{city}/concerns/{id}/supports", OperationId = "withdrawConcernSupport")]
    [Authorize(Policy = Policies.Resident)]
    public static async Task<IResult> Delete(Guid id, string city, ClaimsPrincipal user, HttpContext http, ParticipationHandler handler, CancellationToken cancellation)
    {
        var done = await handler.Handle(new WithdrawConcernSupport(id, user.ParticipantId()), city, http.Features.Get<IdempotencyScope>(), cancellation);
        return done.IsRefused ? done.Problem : Results.Ok(new SupportState(id, Supported: false, done.Changed, done.Sequence));
    }
}

/// <summary>The caller's support of a concern after the request.</summary>
/// <param name="Changed">False when the request changed nothing (a repeat).</param>
/// <param name="Version">When changed: the event sequence that recorded it; a concern view with this version or higher includes it.</param>
public sealed record SupportState(Guid ConcernId, bool Supported, bool Changed, long? Version = null);
