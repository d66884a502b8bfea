using Marten;
using Platform.Api.Cities;
using Platform.Domain;
using Platform.Domain.Commitments;
using Platform.Domain.Concerns;
using Platform.Domain.Consultations;
using Platform.Domain.Proposals;
using Platform.Domain.TownHalls;
using Platform.Domain.Reference;
using Wolverine;

namespace Platform.Api.Commitments;

/// <summary>
/// Publishing a commitment, as one unit other features can reuse inside their own request (accepting a
/// proposal into a commitment, closing a town hall with commitments): decides, starts the stream, links
/// each concern it answers (<see cref="ConcernLinkedToCommitment"/> on the concern's stream) and schedules
/// the overdue check. The caller saves the session, so all of it commits together, or none of it.
/// </summary>
public static class CommitmentPublisher
{
    public static async Task<Decision> PublishAsync(PublishCommitment command, Guid commitmentId, string city, Guid officialId,
        IDocumentSession session, IMessageBus bus, CityDirectory cities, TimeProvider clock, CancellationToken cancellation)
    {
        var zone = CityTimeZone.Of(await cities.FindAsync(city, cancellation));
        var known = await KnownOriginsAsync(command.Origins, session, cancellation);
        var parent = command.ParentId is { } parentId && parentId != Guid.Empty ? await session.LoadAsync<Commitment>(parentId, cancellation) : null;
        var now = clock.GetUtcNow();
        var decision = CommitmentDecider.Decide(command, commitmentId, officialId, now, zone, ReferenceCatalogue.Default, parent, known);
        if (decision.IsRefused) return decision;

        session.Events.StartStream<Commitment>(commitmentId, decision.Events);
        var published = decision.Events.OfType<CommitmentPublished>().Single();
        foreach (var concern in published.Origins.Where(o => o.Kind == OriginKind.Concern))
            session.Events.Append(concern.Id, new ConcernLinkedToCommitment(concern.Id, commitmentId, now));
        // The session is enlisted in Wolverine's outbox: the scheduled check is stored in the same transaction.
        await CheckCommitmentDueHandler.ScheduleAsync(bus, new CheckCommitmentDue(city, commitmentId, published.DueDate), published.DueAt, now);
        return decision;
    }

    private static async Task<IReadOnlySet<CommitmentOrigin>> KnownOriginsAsync(IReadOnlyList<OriginInput?>? origins, IQuerySession session, CancellationToken cancellation)
    {
        var known = new HashSet<CommitmentOrigin>();
        if (origins is null || origins.Count > CommitmentRules.MaxOrigins) return known;
        Guid[] Ids(OriginKind kind) => origins.Where(o => o?.Kind == kind && o.Id is not null).Select(o => o!.Id!.Value).Distinct().ToArray();

        var concerns = Ids(OriginKind.Concern);
        if (concerns.Length > 0)
            foreach (var c in await session.LoadManyAsync<Concern>(cancellation, concerns))
                known.Add(new CommitmentOrigin(OriginKind.Concern, c.Id));
        var consultations = Ids(OriginKind.Consultation);
        if (consultations.Length > 0)
            foreach (var c in await session.LoadManyAsync<Consultation>(cancellation, consultations))
                known.Add(new CommitmentOrigin(OriginKind.Consultation, c.Id));
        var proposals = Ids(OriginKind.Proposal);
        if (proposals.Length > 0)
            foreach (var p in await session.LoadManyAsync<Proposal>(cancellation, proposals))
                known.Add(new CommitmentOrigin(OriginKind.Proposal, p.Id));
        var townHalls = Ids(OriginKind.TownHall);
        if (townHalls.Length > 0)
            foreach (var t in await session.LoadManyAsync<TownHall>(cancellation, townHalls))
                known.Add(new CommitmentOrigin(OriginKind.TownHall, t.Id));
        return known;
    }
}
