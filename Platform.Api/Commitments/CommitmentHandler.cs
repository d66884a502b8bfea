using Platform.Domain.Commitments;
using Platform.Domain.Concerns;
using Platform.Domain.Consultations;
using Platform.Domain.Proposals;
using Platform.Domain.TownHalls;
using Wolverine.Attributes;

namespace Platform.Api.Commitments;

/// <summary>
/// The commitments' command handler: one method per command, load → decide → append → commit through
/// <see cref="StreamWrite"/>, and the side work of the write: the city's time zone and what a publication names
/// are looked up before deciding, the overdue check is scheduled when a due date is set. The city is the session's
/// tenant. Commands that schedule take the caller's <see cref="IMessageBus"/>: an HTTP request's bus is enlisted in
/// the outbox with the request's session, so the scheduled check commits with the events.
/// </summary>
[WolverineIgnore] // called by the faces, not a Wolverine message handler
public sealed class CommitmentHandler(CityDirectory cities, TimeProvider clock)
{
    private static readonly DomainError CommitmentChanged =
        DomainError.Conflict("commitment-changed", "The commitment changed while this request was on its way; load it and try again.");

    /// <summary>Publishes a new commitment: starts its stream, links the concerns it answers, schedules its overdue check.</summary>
    public async Task<Written> Handle(PublishCommitment command, IDocumentSession session, IMessageBus bus, CancellationToken cancellation)
    {
        var ready = await PrepareAsync(command, session, cancellation);
        var now = clock.GetUtcNow();
        return await StreamWrite.DecideAsync<Commitment>(session, command.CommitmentId, state => CommitmentDecider.Decide(ready, state, now),
            CommitmentChanged, cancellation, events => AfterPublishAsync(session, bus, events, now));
    }

    /// <summary>
    /// Publishing as a step of another feature's write (accepting a proposal into a new commitment): decides and appends
    /// into <paramref name="session"/> as <see cref="Handle(PublishCommitment, IDocumentSession, IMessageBus, CancellationToken)"/>
    /// does, without committing; the caller commits it with its own events, so all of it happens, or none of it.
    /// </summary>
    public async Task<Decision> PublishWithinAsync(PublishCommitment command, IDocumentSession session, IMessageBus bus, CancellationToken cancellation)
    {
        var ready = await PrepareAsync(command, session, cancellation);
        var now = clock.GetUtcNow();
        var stream = await session.Events.FetchForWriting<Commitment>(command.CommitmentId, cancellation);
        var decision = CommitmentDecider.Decide(ready, stream.Aggregate, now);
        if (decision.IsRefused) return decision;
        stream.AppendMany(decision.Events);
        await AfterPublishAsync(session, bus, decision.Events, now);
        return decision;
    }

    public Task<Written> Handle(PlanMilestone command, IDocumentSession session, CancellationToken cancellation) =>
        DecideAsync(session, command.CommitmentId, (state, now) => CommitmentDecider.Decide(command, state, now), cancellation);

    public Task<Written> Handle(ReportProgress command, IDocumentSession session, CancellationToken cancellation) =>
        DecideAsync(session, command.CommitmentId, (state, now) => CommitmentDecider.Decide(command, state, now), cancellation);

    /// <summary>Moves the due date and schedules the overdue check for the new date; the old check goes stale.</summary>
    public async Task<Written> Handle(ChangeDeadline command, IDocumentSession session, IMessageBus bus, CancellationToken cancellation)
    {
        var zoned = command with { Zone = await ZoneAsync(session, cancellation) };
        var now = clock.GetUtcNow();
        return await StreamWrite.DecideAsync<Commitment>(session, command.CommitmentId, state => CommitmentDecider.Decide(zoned, state, now),
            CommitmentChanged, cancellation,
            async events =>
            {
                var changed = events.OfType<CommitmentDeadlineChanged>().Single();
                await ScheduleCheckAsync(bus, new CheckCommitmentDue(session.TenantId, command.CommitmentId, changed.NewDueDate), changed.NewDueAt, now);
            });
    }

    public Task<Written> Handle(FulfilCommitment command, IDocumentSession session, CancellationToken cancellation) =>
        DecideAsync(session, command.CommitmentId, (state, now) => CommitmentDecider.Decide(command, state, now), cancellation);

    public Task<Written> Handle(AbandonCommitment command, IDocumentSession session, CancellationToken cancellation) =>
        DecideAsync(session, command.CommitmentId, (state, now) => CommitmentDecider.Decide(command, state, now), cancellation);

    public Task<Written> Handle(LinkCommitmentOrigin command, IDocumentSession session, CancellationToken cancellation) =>
        DecideAsync(session, command.CommitmentId, (state, now) => CommitmentDecider.Decide(command, state, now), cancellation);

    /// <summary>
    /// The scheduled overdue check. One that arrives before the due date ended is scheduled again for the end of the
    /// due date (the refusal <c>commitment-not-yet-due</c> still comes back, for the caller to log or not).
    /// </summary>
    public async Task<Written> Handle(MarkCommitmentOverdue command, IDocumentSession session, IMessageBus bus, CancellationToken cancellation)
    {
        var now = clock.GetUtcNow();
        Commitment? seen = null;
        var written = await StreamWrite.DecideAsync<Commitment>(session, command.CommitmentId, state =>
        {
            seen = state;
            return CommitmentDecider.Decide(command, state, now);
        }, CommitmentChanged, cancellation);
        if (seen is { } commitment && written.Errors is [{ Code: "commitment-not-yet-due" }])
            await ScheduleCheckAsync(bus, new CheckCommitmentDue(session.TenantId, command.CommitmentId, command.DueDate), commitment.DueAt, now);
        return written;
    }

    private Task<Written> DecideAsync(IDocumentSession session, Guid id, Func<Commitment?, DateTimeOffset, Decision> decide, CancellationToken cancellation)
    {
        var now = clock.GetUtcNow();
        return StreamWrite.DecideAsync<Commitment>(session, id, state => decide(state, now), CommitmentChanged, cancellation);
    }

    private async Task<TimeZoneInfo> ZoneAsync(IDocumentSession session, CancellationToken cancellation) =>
        CityTimeZone.Of(await cities.FindAsync(session.TenantId, cancellation));

    /// <summary>The publication with what the handler looks up: the city's time zone, the parent, the origins that exist.</summary>
    private async Task<PublishCommitment> PrepareAsync(PublishCommitment command, IDocumentSession session, CancellationToken cancellation)
    {
        var parent = command.Input.ParentId is { } parentId && parentId != Guid.Empty ? await session.LoadAsync<Commitment>(parentId, cancellation) : null;
        return command with
        {
            Zone = await ZoneAsync(session, cancellation),
            Parent = parent,
            KnownOrigins = await KnownOriginsAsync(command.Input.Origins, session, cancellation),
        };
    }

    /// <summary>Links each concern the new commitment answers (on the concern's stream) and schedules its overdue check.</summary>
    private static async Task AfterPublishAsync(IDocumentSession session, IMessageBus bus, IReadOnlyList<object> events, DateTimeOffset now)
    {
        var published = events.OfType<CommitmentPublished>().Single();
        foreach (var concern in published.Origins.Where(o => o.Kind == OriginKind.Concern))
            session.Events.Append(concern.Id, new ConcernLinkedToCommitment(concern.Id, published.CommitmentId, now));
        await ScheduleCheckAsync(bus, new CheckCommitmentDue(session.TenantId, published.CommitmentId, published.DueDate), published.DueAt, now);
    }

    /// <summary>
    /// Schedules the check for <paramref name="dueAt"/> as a delay from the platform clock's now, so the
    /// check follows the clock the rules use (tests move that clock instead of waiting a day).
    /// </summary>
    private static ValueTask ScheduleCheckAsync(IMessageBus bus, CheckCommitmentDue message, DateTimeOffset dueAt, DateTimeOffset now) =>
        bus.ScheduleAsync(message, dueAt - now > TimeSpan.Zero ? dueAt - now : TimeSpan.Zero);

    private static async Task<IReadOnlySet<CommitmentOrigin>> KnownOriginsAsync(IReadOnlyList<OriginInput?>? origins, IQuerySession session, CancellationToken cancellation)
    {
        var known = new HashSet<CommitmentOrigin>();
        if (origins is null || origins.Count > CommitmentRules.MaxOrigins) return known;
        Guid[] Ids(OriginKind kind) => origins.Where(o => o?.Kind == kind && o.Id is not null).Select(o => o!.Id!.Value).Distinct().ToArray();

        async Task FindAsync<T>(OriginKind kind, Func<T, Guid> idOf) where T : notnull
        {
            if (Ids(kind) is { Length: > 0 } ids)
                foreach (var found in await session.LoadManyAsync<T>(cancellation, ids))
                    known.Add(new CommitmentOrigin(kind, idOf(found)));
        }
        await FindAsync<Concern>(OriginKind.Concern, c => c.Id);
        await FindAsync<Consultation>(OriginKind.Consultation, c => c.Id);
        await FindAsync<Proposal>(OriginKind.Proposal, p => p.Id);
        await FindAsync<TownHall>(OriginKind.TownHall, t => t.Id);
        return known;
    }
}
