
namespace Platform.Api.Pages.Accounts;

/// <summary>
/// The page an email verification link opens: a button confirms (a POST, so a mail scanner that fetches the link
/// verifies nothing), through the <see cref="AccountEmails"/> the API uses; a link not valid, used or expired is said so.
/// </summary>
public sealed class VerifyEmailModel(IDocumentSession session, AccountEmails emails, IStringLocalizer<Text> text) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Token { get; set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellation)
    {
        var answer = await emails.VerifyAsync(new VerifyEmail(Token), session, cancellation);
        if (answer.Problem() is { } problem)
        {
            Response.StatusCode = problem.Status ?? StatusCodes.Status400BadRequest;
            problem.AddTo(ModelState, text, _ => "");
            return Page();
        }
        TempData.Confirm(text["Verify.Done"]);
        return RedirectToPage();
    }
}
