using Platform.Domain.Commitments;

namespace Platform.Api.Commitments;

/// <summary>
/// Publishing a commitment inside another feature's request (accepting a proposal into a new commitment, closing a
/// town hall with commitments): the <see cref="CommitmentHandler"/>'s publication without its commit. The caller
/// saves the session, so the commitment, the concerns it links and its scheduled overdue check commit together with
/// the caller's events, or none of it.
/// </summary>
public static class CommitmentPublisher
{
    public static Task<Decision> PublishAsync(CommitmentInput input, Guid commitmentId, string city, Guid officialId,
        IDocumentSession session, IMessageBus bus, CityDirectory cities, TimeProvider clock, CancellationToken cancellation) =>
        new CommitmentHandler(cities, clock).PublishWithinAsync(new PublishCommitment(commitmentId, officialId, input), session, bus, cancellation);
}
