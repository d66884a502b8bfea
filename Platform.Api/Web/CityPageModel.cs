using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Platform.Api.Web;

/// <summary>
/// The base of every page under <c>/cities/{city}/...</c>: binds the route's city and loads it before any
/// handler runs (an unknown city never gets here: <see cref="KnownCityMiddleware"/> answers 404 first).
/// City role policies (<c>Policies.Resident</c> ...) read the same route value, so pages use them as endpoints do.
/// The city, like every other route value a page acts on (<c>{id}</c>, <c>{code}</c>), is read from the route only
/// (<see cref="RequestCity"/>): it is never model-bound, so a forged <c>city</c> or <c>id</c> form field or query
/// value changes nothing.
/// </summary>
public abstract class CityPageModel(CityDirectory directory) : PageModel
{
    /// <summary>The city of the page: its route's <c>{city}</c>, the value its role checks were made against.</summary>
    public string CitySlug => RequestCity.Of(HttpContext) ?? "";

    /// <summary>The page's route <c>{id}</c> (pages of one concern, proposal, commitment, consultation or town hall).</summary>
    protected Guid RouteId => RequestCity.RouteId(HttpContext);

    /// <summary>The page's route <c>{code}</c> (pages of one indicator).</summary>
    protected string RouteCode => RequestCity.RouteText(HttpContext, "code");

    /// <summary>The ViewData entry that tells the layout which city the page belongs to.</summary>
    public const string CityKey = "city";

    public City City { get; private set; } = null!;

    /// <summary>The city directory, for handlers that call endpoint methods needing it.</summary>
    protected CityDirectory Cities => directory;

    /// <summary>
    /// The one way a page shows the answer to a write: a success redirects back to the page (its route) with
    /// <paramref name="confirmation"/>; a refusal reloads the page (<paramref name="reload"/>; false when the item is
    /// gone: 404), runs <paramref name="afterReload"/> (to keep what was posted), and shows the problem next to the
    /// form's fields (<paramref name="formField"/> maps an API field to the form's name).
    /// </summary>
    protected async Task<IActionResult> ShowAnswerAsync(IResult answer, string confirmation, Func<Task<bool>> reload, IStringLocalizer<Text> text,
        Func<string, string>? formField = null, Action? afterReload = null)
    {
        if (answer.Problem() is not { } problem)
        {
            TempData.Confirm(confirmation);
            return RedirectToPage(new { city = CitySlug, id = RouteId });
        }
        if (!await reload()) return NotFound();
        afterReload?.Invoke();
        problem.AddTo(ModelState, text, formField);
        return Page();
    }

    /// <summary>
    /// The one way a page shows what a command handler did (<see cref="Written"/>), as <see cref="ShowAnswerAsync(IResult, string, Func{Task{bool}}, IStringLocalizer{Text}, Func{string, string}?, Action?)"/>
    /// does for an answer: a success redirects back with <paramref name="confirmation"/>; a refusal reloads the page and
    /// shows the same problem the API answers, next to the form's fields.
    /// </summary>
    protected Task<IActionResult> ShowAnswerAsync(Written written, string confirmation, Func<Task<bool>> reload, IStringLocalizer<Text> text,
        Func<string, string>? formField = null, Action? afterReload = null) =>
        ShowAnswerAsync(written.IsRefused ? written.Problem : Results.NoContent(), confirmation, reload, text, formField, afterReload);

    /// <summary>
    /// As <see cref="ShowAnswerAsync(Written, string, Func{Task{bool}}, IStringLocalizer{Text}, Func{string, string}?, Action?)"/>, for pages whose
    /// route names more than the city and an id (a cycle, a reviewed city): a success redirects to <paramref name="here"/>.
    /// </summary>
    protected async Task<IActionResult> ShowAnswerAtAsync(string here, Written written, string confirmation, Func<Task<bool>> reload,
        IStringLocalizer<Text> text, Func<string, string>? formField = null)
    {
        var shown = await ShowAnswerAsync(written, confirmation, reload, text, formField);
        return shown is RedirectToPageResult ? Redirect(here) : shown;
    }

    /// <summary>
    /// The page's check of a command's policy before it sends the command: an anonymous visitor goes to sign in and
    /// comes back to this page (not to the post handler's URL); a signed-in visitor without the role gets 403.
    /// Answers null when the visitor may go on.
    /// </summary>
    protected async Task<IActionResult?> RefusalAsync(IAuthorizationService authorization, string policy)
    {
        if (!User.IsSignedIn()) return Challenge(new AuthenticationProperties { RedirectUri = Request.Path });
        return (await authorization.AuthorizeAsync(User, HttpContext, policy)).Succeeded ? null : Forbid();
    }

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var city = await directory.FindAsync(CitySlug, HttpContext.RequestAborted);
        if (city is null)
        {
            context.Result = NotFound();
            return;
        }
        City = city;
        ViewData[CityKey] = city; // the layout shows the city's sections
        await next();
    }
}
