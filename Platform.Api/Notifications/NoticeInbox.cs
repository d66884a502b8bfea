namespace Platform.Api.Notifications;

/// <summary>
/// A person's notices, for both faces (the inbox page and <c>/api/accounts/me/notifications</c>): listed newest first,
/// counted, marked read; and their opt-in settings. Every read and write is scoped to the caller's account: another
/// person's notice is not found.
/// </summary>
public sealed class NoticeInbox(IDocumentStore store, TimeProvider clock)
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    /// <summary>The checks of a list request: <c>page</c> and <c>pageSize</c> in their ranges.</summary>
    public static List<DomainError> Check(int page, int pageSize)
    {
        var errors = new List<DomainError>();
        Paging.Check(page, pageSize, MaxPageSize, errors);
        return errors;
    }

    public async Task<NoticeList> ListAsync(Guid account, int page, int pageSize, bool unreadOnly, CancellationToken cancellation)
    {
        await using var session = store.QuerySession();
        var query = session.Query<Notice>().Where(n => n.AccountId == account);
        if (unreadOnly) query = query.Where(n => n.ReadAt == null);
        var total = await query.CountAsync(cancellation);
        var items = await query.OrderByDescending(n => n.At).ThenByDescending(n => n.Id)
            .Skip(Paging.Offset(page, pageSize)).Take(pageSize).ToListAsync(cancellation);
        return new NoticeList(items.Select(Details).ToList(), page, pageSize, total, await UnreadAsync(session, account, cancellation));
    }

    /// <summary>How many notices the person has not read: one count over the indexed account and read columns.</summary>
    public async Task<int> UnreadAsync(Guid account, CancellationToken cancellation)
    {
        await using var session = store.QuerySession();
        return await UnreadAsync(session, account, cancellation);
    }

    private static Task<int> UnreadAsync(IQuerySession session, Guid account, CancellationToken cancellation) =>
        session.Query<Notice>().CountAsync(n => n.AccountId == account && n.ReadAt == null, cancellation);

    /// <summary>Marks one of the person's notices read (a repeat keeps the first time); null when it is not theirs or not found.</summary>
    public async Task<NoticeRead?> MarkReadAsync(Guid account, Guid id, CancellationToken cancellation)
    {
        await using var session = store.LightweightSession();
        if (await session.LoadAsync<Notice>(id, cancellation) is not { } notice || notice.AccountId != account) return null;
        if (notice.ReadAt is null)
        {
            notice.ReadAt = clock.GetUtcNow();
            session.Store(notice);
            await session.SaveChangesAsync(cancellation);
        }
        return new NoticeRead(Details(notice), await UnreadAsync(session, account, cancellation));
    }

    /// <summary>Marks every unread notice of the person read; answers how many it marked.</summary>
    public async Task<AllRead> MarkAllReadAsync(Guid account, CancellationToken cancellation)
    {
        await using var session = store.LightweightSession();
        var unread = await session.Query<Notice>().Where(n => n.AccountId == account && n.ReadAt == null).ToListAsync(cancellation);
        var now = clock.GetUtcNow();
        foreach (var notice in unread) notice.ReadAt = now;
        if (unread.Count > 0)
        {
            session.Store(unread.ToArray());
            await session.SaveChangesAsync(cancellation);
        }
        return new AllRead(unread.Count, 0);
    }

    public static NoticeDetails Details(Notice n) =>
        new(n.Id, n.Kind, n.City, n.ItemKind, n.ItemId, n.Title, n.Detail, n.At, n.ReadAt, ApiPathOf(n));

    /// <summary>The API resource of the notice's item.</summary>
    public static string ApiPathOf(Notice n) => $"/api/cities/{n.City}/{Collection(n.ItemKind)}/{n.ItemId}";

    /// <summary>The page of the notice's item on this site.</summary>
    public static string PageOf(NoticeDetails n) => $"/cities/{n.City}/{Collection(n.ItemKind)}/{n.ItemId}";

    private static string Collection(string itemKind) => itemKind + "s";
}

/// <summary>One notice as both faces show it; <c>href</c> is the item in the API.</summary>
public sealed record NoticeDetails(Guid Id, NoticeKind Kind, string City, string ItemKind, Guid ItemId, string Title, string? Detail,
    DateTimeOffset At, DateTimeOffset? ReadAt, string Href);

/// <summary>A page of notices, newest first, with the person's unread count.</summary>
public sealed record NoticeList(IReadOnlyList<NoticeDetails> Items, int Page, int PageSize, long Total, int Unread);

public sealed record NoticeRead(NoticeDetails Notice, int Unread);

public sealed record AllRead(int Marked, int Unread);
