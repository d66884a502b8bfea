using Platform.Api.Notifications;

namespace Platform.Api.Pages.Notifications;

/// <summary>
/// The signed-in person's inbox: their notices newest first, a page at a time, each linked to its item, marked read one by
/// one or all at once (the settings have their page, <c>/account/notification-settings</c>); plain forms, post-redirect-get. The same <see cref="NoticeInbox"/> answers
/// <c>/api/accounts/me/notifications</c>.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class NotificationsModel(NoticeInbox inbox, CityDirectory directory, IStringLocalizer<Text> text) : PageModel
{
    public NoticeList Notices { get; private set; } = new([], 1, NoticeInbox.DefaultPageSize, 0, 0);
    public IReadOnlyDictionary<string, City> Cities { get; private set; } = new Dictionary<string, City>();

    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellation)
    {
        if (PageNumber < 1 || PageNumber > Paging.MaxPage) return NotFound();
        Notices = await inbox.ListAsync(User.AccountId(), PageNumber, NoticeInbox.DefaultPageSize, unreadOnly: false, cancellation);
        var cities = new Dictionary<string, City>();
        foreach (var slug in Notices.Items.Select(n => n.City).Distinct())
            if (await directory.FindAsync(slug, cancellation) is { } city) cities[slug] = city;
        Cities = cities;
        return Page();
    }

    public async Task<IActionResult> OnPostReadAsync(Guid id, CancellationToken cancellation)
    {
        if (await inbox.MarkReadAsync(User.AccountId(), id, cancellation) is null) return NotFound();
        TempData.Confirm(text["Notifications.MarkedRead"]);
        return Back();
    }

    public async Task<IActionResult> OnPostReadAllAsync(CancellationToken cancellation)
    {
        await inbox.MarkAllReadAsync(User.AccountId(), cancellation);
        TempData.Confirm(text["Notifications.AllMarkedRead"]);
        return Back();
    }

    /// <summary>The resource key of a notice kind's sentence.</summary>
    public static string KindKey(NoticeKind kind) => "Notifications.Kind." + kind;

    private RedirectResult Back() => Redirect(PageNumber > 1 ? $"/notifications?page={PageNumber}" : "/notifications");
}
