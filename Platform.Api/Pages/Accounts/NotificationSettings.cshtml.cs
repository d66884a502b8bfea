using Platform.Api.Notifications;

namespace Platform.Api.Pages.Accounts;

/// <summary>
/// The signed-in person's notification settings, as a plain form: how each kind of notice reaches them by email, and
/// the opt-in kinds they want. The form goes to the <see cref="NotificationSettingsHandler"/> the API uses.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class NotificationSettingsModel(NotificationSettingsHandler handler, IStringLocalizer<Text> text) : PageModel
{
    /// <summary>The kinds as the form lists them (opt-in kinds last, each with its checkbox).</summary>
    public static IReadOnlyList<NoticeKind> Kinds { get; } = Enum.GetValues<NoticeKind>().OrderBy(k => NotificationSettingsHandler.OptInKinds.Contains(k)).ToList();

    public NotificationSettingsDetails Settings { get; private set; } = NotificationSettingsHandler.Details(null);

    public async Task OnGetAsync(CancellationToken cancellation) => Settings = await handler.ReadAsync(User.AccountId(), cancellation);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellation)
    {
        var form = Request.Form;
        var change = new ChangeNotificationSettings(
            form["optedIn"].ToList(),
            form.Keys.Where(k => k.StartsWith("email.", StringComparison.Ordinal)).ToDictionary(k => k["email.".Length..], k => (string?)form[k].ToString()));
        var (_, errors) = await handler.ChangeAsync(User.AccountId(), change, cancellation);
        if (errors.Count == 0)
        {
            TempData.Confirm(text["Mail.Settings.Saved"]);
            return RedirectToPage();
        }
        ModelState.Clear();
        foreach (var error in errors) ModelState.AddModelError(error.Field ?? "", text[error.Message]);
        Settings = await handler.ReadAsync(User.AccountId(), cancellation);
        return Page();
    }
}
