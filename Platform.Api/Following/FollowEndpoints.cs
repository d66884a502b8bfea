
namespace Platform.Api.Following;

/// <summary>
/// Residents of a city follow its concerns and commitments, and stop following them (<see cref="FollowHandler"/>). Both
/// answer 200 with the new state and are idempotent (a repeat changes nothing); an unknown item is a 404. Following
/// never touches the item's stream or view: it is the resident's own record.
/// </summary>
public static class FollowEndpoints
{
    [WolverinePut("/api/cities/{city}/concerns/{id}/follow", OperationId = "followConcern")]
    [Authorize(Policy = Policies.Resident)]
    public static Task<IResult> FollowConcern(Guid id, string city, ClaimsPrincipal user, IDocumentSession session, FollowHandler handler, CancellationToken cancellation) =>
        SetAsync(FollowedKind.Concern, id, city, true, user, session, handler, cancellation);

    [WolverineDelete("/api/cities/{city}/concerns/{id}/follow", OperationId = "unfollowConcern")]
    [Authorize(Policy = Policies.Resident)]
    public static Task<IResult> UnfollowConcern(Guid id, string city, ClaimsPrincipal user, IDocumentSession session, FollowHandler handler, CancellationToken cancellation) =>
        SetAsync(FollowedKind.Concern, id, city, false, user, session, handler, cancellation);

    [WolverinePut("/api/cities/{city}/commitments/{id}/follow", OperationId = "followCommitment")]
    [Authorize(Policy = Policies.Resident)]
    public static Task<IResult> FollowCommitment(Guid id, string city, ClaimsPrincipal user, IDocumentSession session, FollowHandler handler, CancellationToken cancellation) =>
        SetAsync(FollowedKind.Commitment, id, city, true, user, session, handler, cancellation);

    [WolverineDelete("/api/cities/{city}/commitments/{id}/follow", OperationId = "unfollowCommitment")]
    [Authorize(Policy = Policies.Resident)]
    public static Task<IResult> UnfollowCommitment(Guid id, string city, ClaimsPrincipal user, IDocumentSession session, FollowHandler handler, CancellationToken cancellation) =>
        SetAsync(FollowedKind.Commitment, id, city, false, user, session, handler, cancellation);

    private static async Task<IResult> SetAsync(FollowedKind kind, Guid id, string city, bool following, ClaimsPrincipal user,
        IDocumentSession session, FollowHandler handler, CancellationToken cancellation)
    {
        var written = await handler.Handle(SetFollow.By(user, city, kind, id, following), session, cancellation);
        return written.IsRefused ? written.Problem : Results.Ok(new FollowState(kind, id, following));
    }
}

/// <summary>Whether the caller now follows the item.</summary>
public sealed record FollowState(FollowedKind Kind, Guid Id, bool Following);
