
namespace Platform.Api.Live;

/// <summary>Loads the snapshot of one kind of watchable view. Each feature registers its own (in DI).</summary>
public interface ILiveViewSource
{
    /// <summary>The view kind clients name in <c>Watch</c> ("concern").</summary>
    string View { get; }

    /// <summary>
    /// For a view that belongs to no city (the network overview): the fixed scope clients pass as the
    /// city when they watch it. Null (the default) for city views.
    /// </summary>
    string? Scope => null;

    Task<LiveView?> LoadAsync(IDocumentStore store, string city, Guid id, CancellationToken cancellation);
}
