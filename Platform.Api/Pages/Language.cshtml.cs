using Microsoft.AspNetCore.Localization;

namespace Platform.Api.Pages;

/// <summary>
/// The language switcher's target: remembers the choice in a cookie for a year and goes back to the page.
/// It takes no antiforgery token, so public pages carry none for anonymous visitors (no token to mint and
/// no cookie to set on every page view): a forged post could only change a visitor's language, and the
/// return address must stay on this site.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class LanguageModel : PageModel
{
    public IActionResult OnGet() => LocalRedirect("/");

    public IActionResult OnPost(string? language, string? returnUrl)
    {
        if (language is not null && WebSetup.Languages.Contains(language))
            Response.Cookies.Append(WebSetup.LanguageCookie,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(language)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax });
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl! : "/");
    }
}
