
namespace Platform.Api.Pages.Accounts;

/// <summary>
/// Registration through the API's own <see cref="AccountHandler"/> (same rules, same refusals), then
/// sign-in, then the new resident's city; the verification email is on its way (docs/accounts.md). The page's language becomes the account's preferred language.
/// </summary>
public sealed class RegisterModel(IDocumentSession session, Wolverine.Marten.Publishing.OutboxedSessionFactory outbox, IMessageBus bus, AccountHandler handler,
    IStringLocalizer<Text> text) : PageModel
{
    [BindProperty] public string? DisplayName { get; set; }
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty(SupportsGet = true)] public string? City { get; set; }

    public IReadOnlyList<City> Cities { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellation) => Cities = await CityDirectory.ListAsync(session, cancellation);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellation)
    {
        IResult answer;
        await using (var write = outbox.OpenSession(bus)) // the verification email is queued with the account, in its transaction
            answer = await handler.RegisterAsync(new RegisterAccount(Email, Password, DisplayName, City, Display.Language), write, cancellation, bus);
        if (answer.Problem() is { } problem)
        {
            problem.AddTo(ModelState, text);
            Cities = await CityDirectory.ListAsync(session, cancellation);
            return Page();
        }
        var signIn = await handler.SignInAsync(new Credentials(Email, Password), HttpContext, session, cancellation);
        if (signIn.Problem() is null) await signIn.ExecuteAsync(HttpContext); // sets the sign-in cookie
        TempData.Confirm(text["Welcome! Your account is ready and you are signed in."]);
        return RedirectToPage("/Concerns/Index", new { city = City });
    }
}
