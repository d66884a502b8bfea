namespace Platform.Api.Live;

/// <summary>What a watcher receives: the whole current view, with its version (highest event sequence reflected).</summary>
public sealed record LiveView(string View, string City, Guid Id, long Version, object Data)
{
    /// <summary>
    /// On a push: the version of the previous push of this view. A client holding a different version
    /// missed a push and calls <c>Watch</c> again for a fresh snapshot. Null on snapshots.
    /// </summary>
    public long? PreviousVersion { get; init; }

    /// <summary>
    /// The item is withheld from the public (a hidden concern): its pushes still tell those already watching that
    /// it is hidden (its content blanked), but a new <c>Watch</c> is refused as for an item that does not exist,
    /// as <c>GET</c> answers 404. Never sent to clients.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore] public bool Withheld { get; init; }
}
