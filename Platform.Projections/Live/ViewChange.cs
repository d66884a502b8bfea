namespace Platform.Projections.Live;

/// <summary>A view that changed: its kind ("concern"), the city it belongs to, its id, and the event sequence that changed it.</summary>
public sealed record ViewChange(string View, string City, Guid Id, long Sequence);
