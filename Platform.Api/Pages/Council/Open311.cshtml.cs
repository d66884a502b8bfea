using Platform.Api.Open311;
using Platform.Domain.Open311;

namespace Platform.Api.Pages.Council;

/// <summary>
/// The officials' page of the city's Open311 client apps: issue a key to an app (shown once, after the redirect, from
/// TempData), see the apps and revoke a key. The same handler as the API (<see cref="Open311ClientHandler"/>), the same
/// policy (officials of the route's city); a refusal shows the API's problem next to the field.
/// </summary>
[Authorize(Policy = Policies.Official)]
public sealed class Open311ClientsModel(CityDirectory directory, IDocumentStore store, Open311ClientHandler handler, IStringLocalizer<Text> text)
    : CityPageModel(directory)
{
    private const string IssuedKey = "open311-key", IssuedApp = "open311-app";

    [BindProperty] public string? App { get; set; }

    /// <summary>The client app a revoke button names (a form field: a client of another city is not found in this one).</summary>
    [BindProperty] public Guid? ClientId { get; set; }

    public IReadOnlyList<Open311ClientDetails> Clients { get; private set; } = [];

    /// <summary>The key just issued and its app, shown this once.</summary>
    public (string App, string Key)? Issued { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellation)
    {
        if (TempData[IssuedKey] is string key && TempData[IssuedApp] is string app) Issued = (app, key);
        await LoadAsync(cancellation);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellation)
    {
        ModelState.Clear(); // the decider decides what is valid, not model binding
        await using var session = store.LightweightSession(CitySlug);
        var (written, _, key) = await handler.IssueAsync(User.AccountId(), App, session, cancellation);
        if (!written.IsRefused)
        {
            TempData[IssuedKey] = key;
            TempData[IssuedApp] = App!.Trim();
        }
        return await ShowAnswerAsync(written, text["Open311: The key is issued. Copy it now: it is not shown again."], Reload(cancellation), text);
    }

    public async Task<IActionResult> OnPostRevokeAsync(CancellationToken cancellation)
    {
        ModelState.Clear();
        await using var session = store.LightweightSession(CitySlug);
        var written = await handler.Handle(new RevokeOpen311Key(ClientId ?? Guid.Empty, User.AccountId()), session, cancellation);
        return await ShowAnswerAsync(written, text["Open311: The key is revoked: the app's requests are refused from now on."], Reload(cancellation), text);
    }

    private Func<Task<bool>> Reload(CancellationToken cancellation) => async () =>
    {
        await LoadAsync(cancellation);
        return true;
    };

    private async Task LoadAsync(CancellationToken cancellation)
    {
        await using var session = store.QuerySession(CitySlug);
        Clients = await Open311ClientHandler.ListAsync(session, cancellation);
    }
}
