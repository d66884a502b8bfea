
namespace Platform.Api.Pages.Accounts;

/// <summary>Signing out is a post (a link could be followed by a prefetcher); it ends the cookie and goes home.</summary>
public sealed class SignOutModel(IStringLocalizer<Text> text) : PageModel
{
    public IActionResult OnGet() => LocalRedirect("/");

    public async Task<IActionResult> OnPostAsync()
    {
        await AccountHandler.SignOut().ExecuteAsync(HttpContext);
        TempData.Confirm(text["You are signed out."]);
        return LocalRedirect("/");
    }
}
