using Platform.Api.Concerns;
using Platform.Projections.Commitments;
using Platform.Projections.Concerns;
using Wolverine.Attributes;

namespace Platform.Api.Following;

/// <summary>
/// A resident follows an item of the session's city (its tenant), or stops following it (<paramref name="Following"/>
/// false). <paramref name="MaySeeHidden"/>: the resident is one of the city's officials or moderators, who may follow a
/// hidden concern anew.
/// </summary>
public sealed record SetFollow(FollowedKind Kind, Guid ItemId, Guid ResidentId, bool Following, bool MaySeeHidden = false)
{
    /// <summary>The command of the signed-in <paramref name="user"/> of <paramref name="city"/>, as both faces send it.</summary>
    public static SetFollow By(ClaimsPrincipal user, string city, FollowedKind kind, Guid itemId, bool following) =>
        new(kind, itemId, user.AccountId(), following, ConcernQuery.MaySeeHidden(user, city));
}

/// <summary>
/// The follow writes, for both faces: the resident's own <see cref="Follow"/> document of the item, never the item's
/// stream or view. Idempotent: a repeat changes nothing. An unknown item is refused as not found.
/// </summary>
[WolverineIgnore] // called directly by the faces, not a message handler
public sealed class FollowHandler(TimeProvider clock)
{
    public async Task<Written> Handle(SetFollow command, IDocumentSession session, CancellationToken cancellation)
    {
        // A hidden concern is not there for the public (GET answers 404): it cannot be followed anew, only unfollowed.
        var exists = command.Kind == FollowedKind.Concern
            ? await session.LoadAsync<ConcernView>(command.ItemId, cancellation) is { } concern
              && (!command.Following || !concern.Hidden || command.MaySeeHidden)
            : await session.LoadAsync<CommitmentView>(command.ItemId, cancellation) is not null;
        if (!exists) return new Written([DomainError.NotFound(command.Kind == FollowedKind.Concern ? "concern" : "commitment")], null);

        var followId = PersonalStream.Id(command.ItemId, command.ResidentId);
        var current = await session.LoadAsync<Follow>(followId, cancellation);
        if (current?.Following == command.Following) return Written.Nothing;
        session.Store(new Follow
        {
            Id = followId, ResidentId = command.ResidentId, City = session.TenantId, Kind = command.Kind, ItemId = command.ItemId,
            Following = command.Following, ChangedAt = clock.GetUtcNow(),
        });
        await session.SaveChangesAsync(cancellation);
        return Written.Nothing;
    }
}
