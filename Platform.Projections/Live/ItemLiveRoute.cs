namespace Platform.Projections.Live;

/// <summary>
/// The route of a view of one item (a concern, a proposal, a town hall...): the view changes with each event that
/// names the item, and the route is the list of those events, each with the items it names (most name one; a
/// sub-commitment's progress names its parent too).
/// </summary>
public abstract class ItemLiveRoute(string view) : ILiveViewRoute
{
    private readonly Dictionary<Type, Func<object, IEnumerable<Guid>>> _items = [];

    public IReadOnlyCollection<Type> EventTypes => _items.Keys;

    /// <summary>Events of type <typeparamref name="TEvent"/> change the view of the item <paramref name="item"/> names.</summary>
    protected void On<TEvent>(Func<TEvent, Guid> item) => _items.Add(typeof(TEvent), e => [item((TEvent)e)]);

    /// <summary>Events of type <typeparamref name="TEvent"/> change the views of the items <paramref name="items"/> names (nulls skipped).</summary>
    protected void On<TEvent>(Func<TEvent, IEnumerable<Guid?>> items) =>
        _items.Add(typeof(TEvent), e => items((TEvent)e).OfType<Guid>());

    public IEnumerable<ViewChange> ChangesOf(IEvent e) =>
        _items.TryGetValue(e.Data.GetType(), out var items)
            ? items(e.Data).Select(id => new ViewChange(view, e.TenantId, id, e.Sequence))
            : [];
}
