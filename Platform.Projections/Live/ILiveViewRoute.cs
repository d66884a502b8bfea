
namespace Platform.Projections.Live;

/// <summary>
/// Says which watchable views an event changes. Each feature registers one (in DI); the live-view
/// subscription asks them all, so features add views without touching the subscription.
/// </summary>
public interface ILiveViewRoute
{
    /// <summary>The event types this route looks at (the subscription listens to their union).</summary>
    IReadOnlyCollection<Type> EventTypes { get; }

    /// <summary>The views <paramref name="e"/> changes, if any.</summary>
    IEnumerable<ViewChange> ChangesOf(IEvent e);
}
