
namespace Platform.Api.Pages.Accounts;

/// <summary>Cookie sign-in through the API's own <see cref="AccountHandler"/>; back to the page that asked for it.</summary>
public sealed class SignInModel(IQuerySession session, AccountHandler handler, IStringLocalizer<Text> text) : PageModel
{
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellation)
    {
        if (string.IsNullOrWhiteSpace(Email)) ModelState.AddModelError("email", text["Enter your email address."]);
        if (string.IsNullOrEmpty(Password)) ModelState.AddModelError("password", text["Enter your password."]);
        if (!ModelState.IsValid) return Page();

        var answer = await handler.SignInAsync(new Credentials(Email, Password), HttpContext, session, cancellation);
        if (answer.Problem() is { } problem)
        {
            if (problem.Status == StatusCodes.Status429TooManyRequests)
            {
                Response.StatusCode = StatusCodes.Status429TooManyRequests; // Retry-After is set already
                ModelState.AddModelError("", text["Too many attempts: try again in {0} seconds.", Response.Headers.RetryAfter.ToString()]);
            }
            else problem.AddTo(ModelState, text);
            return Page();
        }
        await answer.ExecuteAsync(HttpContext); // sets the sign-in cookie
        TempData.Confirm(text["You are signed in."]);
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
    }
}
