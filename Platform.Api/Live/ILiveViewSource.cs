using Marten;

namespace Platform.Api.Live;

/// <summary>Loads the snapshot of one kind of watchable view. Each feature registers its own (in DI).</summary>
public interface ILiveViewSource
{
    /// <summary>The view kind clients name in <c>Watch</c> ("concern").</summary>
    string View { get; }

    Task<LiveView?> LoadAsync(IDocumentStore store, string city, Guid id, CancellationToken cancellation);
}
