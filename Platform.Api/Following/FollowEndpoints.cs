using Platform.Domain;
using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Platform.Api.Accounts;
using Platform.Api.Concerns;
using Platform.Api.Infrastructure;
using Platform.Domain.Concerns;
using Platform.Projections.Commitments;
using Platform.Projections.Concerns;
using Wolverine.Http;

namespace Platform.Api.Following;

/// <summary>
/// Residents of a city follow its concerns and commitments, and stop following them. Both answer 200 with
/// the new state and are idempotent (a repeat changes nothing); an unknown item is a 404. Following
/// never touches the item's stream or view: it is the resident's own record.
/// </summary>
public static class FollowEndpoints
{
    [WolverinePut("/api/cities/{city}/concerns/{id}/follow", OperationId = "followConcern")]
    [Authorize(Policy = Policies.Resident)]
    public static Task<IResult> FollowConcern(Guid id, string city, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, CancellationToken cancellation) =>
        SetAsync(FollowedKind.Concern, id, city, true, user, session, clock, cancellation);

    [WolverineDelete("/api/cities/{city}/concerns/{id}/follow", OperationId = "unfollowConcern")]
    [Authorize(Policy = Policies.Resident)]
    public static Task<IResult> UnfollowConcern(Guid id, string city, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, CancellationToken cancellation) =>
        SetAsync(FollowedKind.Concern, id, city, false, user, session, clock, cancellation);

    [WolverinePut("/api/cities/{city}/commitments/{id}/follow", OperationId = "followCommitment")]
    [Authorize(Policy = Policies.Resident)]
    public static Task<IResult> FollowCommitment(Guid id, string city, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, CancellationToken cancellation) =>
        SetAsync(FollowedKind.Commitment, id, city, true, user, session, clock, cancellation);

    [WolverineDelete("/api/cities/{city}/commitments/{id}/follow", OperationId = "unfollowCommitment")]
    [Authorize(Policy = Policies.Resident)]
    public static Task<IResult> UnfollowCommitment(Guid id, string city, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, CancellationToken cancellation) =>
        SetAsync(FollowedKind.Commitment, id, city, false, user, session, clock, cancellation);

    private static async Task<IResult> SetAsync(FollowedKind kind, Guid id, string city, bool following, ClaimsPrincipal user,
        IDocumentSession session, TimeProvider clock, CancellationToken cancellation)
    {
        // A hidden concern is not there for the public (GET answers 404): it cannot be followed anew, only unfollowed.
        var exists = kind == FollowedKind.Concern
            ? await session.LoadAsync<ConcernView>(id, cancellation) is { } concern
              && (!following || !concern.Hidden || GetConcernEndpoints.MaySeeHidden(user, city))
            : await session.LoadAsync<CommitmentView>(id, cancellation) is not null;
        if (!exists) return Problems.NotFound(kind == FollowedKind.Concern ? "concern" : "commitment");

        var residentId = user.AccountId();
        var followId = PersonalStream.Id(id, residentId);
        var current = await session.LoadAsync<Follow>(followId, cancellation);
        if (current?.Following != following)
        {
            session.Store(new Follow
            {
                Id = followId, ResidentId = residentId, City = city, Kind = kind, ItemId = id, Following = following, ChangedAt = clock.GetUtcNow(),
            });
            await session.SaveChangesAsync(cancellation);
        }
        return Results.Ok(new FollowState(kind, id, following));
    }
}

/// <summary>Whether the caller now follows the item.</summary>
public sealed record FollowState(FollowedKind Kind, Guid Id, bool Following);
