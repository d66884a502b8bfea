using Platform.Api.Notifications;

namespace Platform.Api.Pages.Accounts;

/// <summary>
/// The unsubscribe link of an email, without signing in: its signed token names the account and the kinds. GET shows
/// what it stops and a button (a GET changes nothing: mail scanners follow links); POST, the button or the mail
/// client's one-click (RFC 8058, body <c>List-Unsubscribe=One-Click</c>, without an antiforgery token, which the
/// signed token stands in for), sets those kinds to never and answers 200. A token not signed by the platform is a
/// 400 (a problem for a POST), and nothing changes.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class UnsubscribeModel(UnsubscribeTokens tokens, NotificationSettingsHandler settings) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "token")] public string? Token { get; set; }

    public IReadOnlyList<NoticeKind> Kinds { get; private set; } = [];
    public bool Invalid { get; private set; }
    public bool Done { get; private set; }

    public IActionResult OnGet()
    {
        if (tokens.Read(Token) is not { } read)
        {
            Invalid = true;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        Kinds = read.Kinds;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellation)
    {
        if (tokens.Read(Token) is not { } read)
            return new ObjectResult(Problems.From([InvalidToken])) { StatusCode = StatusCodes.Status400BadRequest, ContentTypes = { "application/problem+json" } };
        await settings.StopAsync(read.AccountId, read.Kinds, cancellation);
        Kinds = read.Kinds;
        Done = true;
        return Page();
    }

    public static readonly DomainError InvalidToken = new(ErrorKind.Invalid, "unsubscribe-token-invalid", "The unsubscribe link is not one the platform sent.", "token");
}
