
namespace Platform.Api.Live;

/// <summary>Pushes an async view once its projection committed the new version (see <see cref="AsyncViewChanged"/>).</summary>
public static class AsyncViewChangedHandler
{
    public static Task Handle(AsyncViewChanged message, ILiveViewNotifier notifier, Marten.IDocumentStore store, CancellationToken cancellation) =>
        notifier.ViewsChangedAsync([new ViewChange(message.View, message.City, message.Id, message.Version)], store, cancellation);
}
