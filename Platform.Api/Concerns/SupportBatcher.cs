using Platform.Domain;
using Marten;
using Platform.Api.Infrastructure;
using Platform.Domain.Concerns;
using Platform.Projections.Concerns;

namespace Platform.Api.Concerns;

/// <summary>
/// Group commit (see <see cref="GroupCommit{TWrite}"/>) of first supports of concerns: one transaction writes one
/// support stream per resident, the concerns' state checked by <see cref="SupportGate"/>, the tally updated by its
/// inline projection. A support refused by the stream's key (the resident supports the concern already) or by the
/// gate (the concern no longer accepts supports) is handed back to the endpoint's general path. The tally projection
/// writes one row per concern and transaction, in id order, so concurrent batches never deadlock on tally rows.
/// </summary>
public sealed class SupportBatcher(IDocumentStore store, PlatformOptions platform, ILogger<SupportBatcher> logger)
    : GroupCommit<SupportBatcher.PendingSupport>(platform.Supports, logger)
{
    /// <summary>
    /// Writes the resident's first support of the concern. Answers the event sequence that recorded it, or null
    /// when it could not be written as a first support (the caller then takes the general path).
    /// </summary>
    public Task<long?> SupportAsync(string tenant, Guid concernId, Guid residentId, DateTimeOffset at, CancellationToken cancellation) =>
        SubmitAsync(new PendingSupport(tenant, concernId, residentId, at), cancellation);

    protected override async Task<IReadOnlyList<long>> WriteBatchAsync(string tenant, IReadOnlyList<PendingSupport> supports)
    {
        await using var session = store.LightweightSession(tenant);
        var streams = supports.Select(s => session.Events.StartStream<ResidentSupport>(s.StreamId,
            ConcernDecider.DecideFirstSupport(new SupportConcern(s.ConcernId, s.ResidentId), s.At))).ToList();
        foreach (var concern in supports.Select(s => s.ConcernId).Distinct())
            session.QueueSqlCommand(SupportGate.Command(platform.Schema), tenant, concern);
        await session.SaveChangesAsync(CancellationToken.None);
        return streams.Select(s => s.Events[^1].Sequence).ToList();
    }

    protected override bool SplitsOn(Exception exception) => WriteConflicts.IsStreamConflict(exception) || SupportGate.Refused(exception);

    /// <summary>A support written twice is refused by its stream's key and answered as a repeat: the support stands.</summary>
    protected override bool RepeatIsHarmless => true;

    public sealed class PendingSupport(string tenant, Guid concernId, Guid residentId, DateTimeOffset at)
        : Write(tenant, PersonalStream.Id(concernId, residentId))
    {
        public Guid ConcernId { get; } = concernId;
        public Guid ResidentId { get; } = residentId;
        public DateTimeOffset At { get; } = at;
    }
}
