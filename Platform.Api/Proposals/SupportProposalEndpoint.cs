using Platform.Api.Participation;
using Platform.Domain.Proposals;

namespace Platform.Api.Proposals;

/// <summary>
/// Residents support proposals, and take their support back, exactly as for concerns: each resident's
/// support of a proposal is its own tiny stream (<see cref="PersonalStream"/>), counted by the shared
/// support tally, so a popular proposal's stream is never a point of contention. The support that crosses
/// the threshold records it in its own transaction (<see cref="ProposalThreshold"/>); the writing is the
/// participation writer's (<see cref="ParticipationWriter"/>).
/// </summary>
public static class SupportProposalEndpoint
{
    /// <summary>
    /// Supports the proposal as the calling resident. Always 200: <c>changed</c> is false when the
    /// resident already supported it (also when two requests race), so retries are harmless.
    /// </summary>
    [WolverinePost("/api/cities/{city}/proposals/{id}/supports", OperationId = "supportProposal")]
    [Authorize(Policy = Policies.Resident)]
    public static async Task<IResult> Post(Guid id, string city, ClaimsPrincipal user, HttpContext http, ParticipationHandler handler, CancellationToken cancellation)
    {
        var command = new SupportProposal(id, user.ParticipantId()) { VerifiedResident = user.HoldsRole(city, CityRole.VerifiedResident), VerifiedEmail = user.HasVerifiedEmail() };
        var done = await handler.Handle(command, city, http.Features.Get<IdempotencyScope>(), cancellation);
        return done.IsRefused ? done.Problem : Results.Ok(new ProposalSupportState(id, Supported: true, done.Changed));
    }

    /// <summary>Withdraws the calling resident's support. Always 200; <c>changed</c> is false when there was none.</summary>
    [WolverineDelete("/api/cities/{city}/proposals/{id}/supports", OperationId = "withdrawProposalSupport")]
    [Authorize(Policy = Policies.Resident)]
    public static async Task<IResult> Delete(Guid id, string city, ClaimsPrincipal user, HttpContext http, ParticipationHandler handler, CancellationToken cancellation)
    {
        var done = await handler.Handle(new WithdrawProposalSupport(id, user.ParticipantId()), city, http.Features.Get<IdempotencyScope>(), cancellation);
        return done.IsRefused ? done.Problem : Results.Ok(new ProposalSupportState(id, Supported: false, done.Changed));
    }
}

/// <summary>The caller's support of a proposal after the request.</summary>
/// <param name="Changed">False when the request changed nothing (a repeat).</param>
public sealed record ProposalSupportState(Guid ProposalId, bool Supported, bool Changed);
