using Marten.Services;

namespace Platform.Api.Web.PageCache;

/// <summary>
/// The live pushes' own signal, heard by the page cache: every view change the live notifier is told of (by the
/// live-view subscription, an async view that committed a new version, or this node's own town-hall writes) moves the
/// generation of the view's city (or of the network, for a network-wide view) before the notifier pushes it.
/// It wraps whichever <see cref="ILiveViewNotifier"/> the store registered.
/// </summary>
public sealed class PageCacheNotifier(ILiveViewNotifier inner, PageChanges changes, LiveViews views) : ILiveViewNotifier, IDisposable
{
    public Task ViewsChangedAsync(IReadOnlyCollection<ViewChange> changed, IDocumentStore store, CancellationToken cancellation)
    {
        changes.Changed(changed.Select(change => PageScopes.Of(change, views)).ToHashSet(StringComparer.Ordinal));
        return inner.ViewsChangedAsync(changed, store, cancellation);
    }

    public void Dispose() => (inner as IDisposable)?.Dispose();
}

/// <summary>
/// Every transaction this node commits, as soon as it committed (before the request that wrote it is answered): the
/// cities whose events or documents it wrote, and every page when a network-wide document that pages show changed (a
/// city registered or its settings changed; the indicator catalogue; an account erased). A participation profile,
/// network-wide too, counts only in the cities its person takes part in: its handler drops those
/// (<see cref="EqualParticipation.ProfileHandler"/>). The same request's next read
/// of a page, or anyone's, is rendered afresh; the other nodes hear it through <see cref="PageChanges"/>. Async views
/// (the scorecards, the network overview) change later, and say so through <see cref="PageCacheNotifier"/>.
/// </summary>
public sealed class PageCacheListener(PageChanges changes) : DocumentSessionListenerBase
{
    /// <summary>The tenant of network-wide documents (Marten's default tenant): no city.</summary>
    private const string NoCity = "*DEFAULT*";

    /// <summary>
    /// Network-wide documents shown on the pages of every city (city names and settings, indicator definitions), and the
    /// mark an erasure writes last, once the person's text is masked in every city: no page may show it any longer.
    /// </summary>
    private static readonly HashSet<Type> Everywhere = [typeof(City), typeof(Monitoring.CatalogueIndicator), typeof(AccountErasureMark)];

    public override Task AfterCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token)
    {
        HashSet<string>? scopes = null;
        foreach (var e in commit.GetEvents())
            if (IsCity(e.TenantId)) (scopes ??= []).Add(PageScopes.City(e.TenantId));
        if (IsCity(session.TenantId) && (commit.Inserted.Any() || commit.Updated.Any() || commit.Deleted.Any()))
            (scopes ??= []).Add(PageScopes.City(session.TenantId));
        if (commit.Inserted.Concat(commit.Updated).Any(d => Everywhere.Contains(d.GetType())) || commit.Deleted.Any(d => Everywhere.Contains(d.DocumentType)))
            (scopes ??= []).Add(PageScopes.All);
        if (scopes is not null) changes.Changed(scopes);
        return Task.CompletedTask;
    }

    private static bool IsCity(string? tenant) => !string.IsNullOrEmpty(tenant) && tenant != NoCity;
}
