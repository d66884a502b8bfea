
namespace Platform.Api.Pages.Accounts;

/// <summary>
/// The signed-in person's own account: download their data, change the password, sign out everywhere, erase the
/// account. Each form goes to the <see cref="AccountHandler"/> the API uses, so the page refuses what the API refuses.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class AccountModel(IDocumentSession session, AccountHandler handler, IStringLocalizer<Text> text, AccountEmails emails,
    Wolverine.Marten.Publishing.OutboxedSessionFactory outbox, IMessageBus bus) : PageModel
{
    public AccountDetails? Account { get; private set; }

    [BindProperty(Name = "currentPassword")] public string? CurrentPassword { get; set; }
    [BindProperty(Name = "newPassword")] public string? NewPassword { get; set; }
    [BindProperty(Name = "erasePassword")] public string? ErasePassword { get; set; }
    [BindProperty(Name = "eraseConfirmed")] public bool EraseConfirmed { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellation) => await LoadAsync(cancellation) ? Page() : NotFound();

    public Task<IActionResult> OnPostPasswordAsync(CancellationToken cancellation) =>
        ActAsync(() => handler.ChangePasswordAsync(new ChangePassword(CurrentPassword, NewPassword), User, HttpContext, session, cancellation),
            text["Your password is changed. Sign in again with the new one."], cancellation);

    /// <summary>Mails the verification link again; the account page says so, or why not (verified already, too many this hour).</summary>
    public async Task<IActionResult> OnPostSendVerificationAsync(CancellationToken cancellation)
    {
        IResult answer;
        await using (var write = outbox.OpenSession(bus)) // the email is queued with its link, in one transaction
            answer = await emails.ResendVerificationAsync(User, write, bus, HttpContext, cancellation);
        if (answer.Problem() is { } problem)
        {
            if (problem.Status == StatusCodes.Status429TooManyRequests)
                ModelState.AddModelError("", text["Verify.TooMany"]);
            else problem.AddTo(ModelState, text);
            return await ReloadAsync(cancellation);
        }
        TempData.Confirm(text["Verify.Sent"]);
        return RedirectToPage();
    }

    public Task<IActionResult> OnPostSignOutEverywhereAsync(CancellationToken cancellation) =>
        ActAsync(() => handler.SignOutEverywhereAsync(User, session, cancellation),
            text["You are signed out on every device."], cancellation);

    public Task<IActionResult> OnPostEraseAsync(CancellationToken cancellation)
    {
        if (!EraseConfirmed)
        {
            ModelState.AddModelError("eraseConfirmed", text["Tick the box to confirm that your account and your data are to be erased."]);
            return ReloadAsync(cancellation);
        }
        return ActAsync(() => handler.EraseAsync(new ConfirmErasure(ErasePassword), User, HttpContext, session, cancellation),
            text["Your account and your personal data are erased."], cancellation);
    }

    /// <summary>The handler's answer: its refusals next to the form's fields, else signed out and home with the confirmation.</summary>
    private async Task<IActionResult> ActAsync(Func<Task<IResult>> act, string confirmation, CancellationToken cancellation)
    {
        ModelState.Clear(); // the handler decides what is valid
        var answer = await act();
        if (answer.Problem() is { } problem)
        {
            if (problem.Status == StatusCodes.Status429TooManyRequests)
                ModelState.AddModelError("", text["Too many attempts: try again in {0} seconds.", Response.Headers.RetryAfter.ToString()]);
            else problem.AddTo(ModelState, text, field => field == "password" ? "erasePassword" : EndpointAnswers.FormField(field));
            return await ReloadAsync(cancellation);
        }
        await answer.ExecuteAsync(HttpContext); // every change here ends the sign-in cookie
        TempData.Confirm(confirmation);
        return LocalRedirect("/");
    }

    private async Task<IActionResult> ReloadAsync(CancellationToken cancellation) => await LoadAsync(cancellation) ? Page() : NotFound();

    private async Task<bool> LoadAsync(CancellationToken cancellation)
    {
        Account = await handler.FindAsync(User, cancellation);
        return Account is not null;
    }
}
