using Wolverine.Marten.Publishing;

namespace Platform.Api.Pages.Accounts;

/// <summary>
/// Asks for a password reset link through the <see cref="AccountEmails"/> the API uses: the same confirmation whether an
/// account has the address or not.
/// </summary>
public sealed class ForgotPasswordModel(OutboxedSessionFactory outbox, IMessageBus bus, AccountEmails emails, IStringLocalizer<Text> text) : PageModel
{
    [BindProperty] public string? Email { get; set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellation)
    {
        IResult answer;
        await using (var session = outbox.OpenSession(bus)) // the email is queued with its link, in one transaction
            answer = await emails.RequestPasswordResetAsync(new RequestPasswordReset(Email), session, bus, cancellation);
        if (answer.Problem() is { } problem)
        {
            problem.AddTo(ModelState, text);
            return Page();
        }
        TempData.Confirm(text["Reset.Sent"]);
        return RedirectToPage();
    }
}
