using Marten.Events.Projections;
using Platform.Domain.Concerns;

namespace Platform.Projections.Scorecards;

/// <summary>
/// Async projection: one <see cref="ConcernBoard"/> per city (roll-up by tenant). Supports come from the
/// residents' own support streams; in the daemon a burst of supports costs one board write per batch.
/// </summary>
public partial class ConcernBoardProjection : MultiStreamProjection<ConcernBoard, string>
{
    public const string View = "concern-board";

    public ConcernBoardProjection()
    {
        RollUpByTenant();
        IncludeType<ConcernRaised>();
        IncludeType<ConcernSupported>();
        IncludeType<ConcernSupportWithdrawn>();
        IncludeType<ConcernAcknowledged>();
        IncludeType<ConcernAnswered>();
        IncludeType<ConcernHidden>();
        IncludeType<ConcernRedacted>();
        IncludeType<ConcernRestored>();
        IncludeType<ConcernResolved>();
        IncludeType<ConcernDeclined>();
        IncludeType<ConcernWithdrawn>();
        IncludeType<ConcernReopened>();
    }

    public override ConcernBoard Evolve(ConcernBoard? snapshot, string id, IEvent e)
    {
        snapshot ??= new ConcernBoard { Id = id };
        snapshot.Apply(e.Data, e.Sequence, e.Timestamp);
        return snapshot;
    }

    public override ValueTask RaiseSideEffects(IDocumentOperations operations, IEventSlice<ConcernBoard> slice)
    {
        if (slice.Snapshot is { } board) slice.PublishMessage(new AsyncViewChanged(View, board.Id, Guid.Empty, board.Version));
        return ValueTask.CompletedTask;
    }
}
