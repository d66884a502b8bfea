
namespace Platform.Api.Pages.Accounts;

/// <summary>
/// The page a password reset link opens: the new password, set through the <see cref="AccountEmails"/> the API uses
/// (every sign-in of the account ends, this browser's too); then to sign in.
/// </summary>
public sealed class ResetPasswordModel(IDocumentSession session, AccountEmails emails, IStringLocalizer<Text> text) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Token { get; set; }
    [BindProperty] public string? NewPassword { get; set; }

    /// <summary>The link is not valid, used or expired: the page offers a new one instead of the form.</summary>
    public bool LinkRefused { get; private set; }

    public IActionResult OnGet()
    {
        if (!string.IsNullOrEmpty(Token)) return Page();
        LinkRefused = true;
        ModelState.AddModelError("", text[AccountLinks.Invalid.Message]);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellation)
    {
        var answer = await emails.ResetPasswordAsync(new ResetPassword(Token, NewPassword), session, cancellation);
        if (answer.Problem() is { } problem)
        {
            Response.StatusCode = problem.Status ?? StatusCodes.Status400BadRequest;
            LinkRefused = problem.Extensions.TryGetValue("code", out var code) && code is "invalid-token" or "link-used" or "link-expired";
            problem.AddTo(ModelState, text, field => field == "token" ? "" : field);
            return Page();
        }
        await answer.ExecuteAsync(HttpContext); // ends this browser's sign-in cookie too
        TempData.Confirm(text["Reset.Done"]);
        return RedirectToPage("/Accounts/SignIn");
    }
}
