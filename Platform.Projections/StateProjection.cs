using JasperFx.Events;

namespace Platform.Projections;

/// <summary>
/// The write-side state of a stream (a record of Platform.Domain), kept as an inline snapshot: every event the state is
/// built from (<see cref="Evolution{TState}"/>: its <c>From</c> and <c>Then</c> methods) updates it in the event's own
/// transaction, so a handler's <c>FetchForWriting</c> reads one document instead of the stream. One class serves every
/// feature; the domain stays free of Marten.
/// </summary>
public sealed class StateProjection<TState> : SingleStreamProjection<TState, Guid> where TState : class
{
    public StateProjection()
    {
        Name = $"{typeof(TState).Name}StateProjection";
        foreach (var type in Evolution<TState>.EventTypes) IncludeType(type);
    }

    public override TState? Evolve(TState? snapshot, Guid id, IEvent e) => Evolution<TState>.Then(snapshot, e.Data);
}
