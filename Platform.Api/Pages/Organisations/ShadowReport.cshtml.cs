using Platform.Api.Organisations;
using Platform.Domain.Organisations;
using Platform.Projections.Organisations;

namespace Platform.Api.Pages.Organisations;

/// <summary>A version of a shadow report as the page shows it: the current one under the page's heading, an earlier one under its own.</summary>
public sealed record ShownVersion(ShadowReportVersionView Version, bool Earlier);

/// <summary>
/// One shadow report on the city's report of a year, with every version. The publishing organisation's members correct
/// it here (a new version; the earlier ones stay below), and moderators hide it for the platform's content rules, with a
/// public reason, or restore it. No form here, nor any route, lets the council change or hide it.
/// </summary>
[CachedForVisitors]
public sealed class ShadowReportModel(CityDirectory directory, IDocumentStore store, OrganisationReader reader, OrganisationHandler handler,
    IAuthorizationService authorization, TimeProvider clock, IStringLocalizer<Text> text) : ShadowReportFormModel(directory, store, text)
{
    public ShadowReportDetails? Report { get; private set; }
    public OrganisationDetails? Organisation { get; private set; }
    public int Year { get; private set; }

    /// <summary>The ViewData entry with the titles of the city's commitments, for the links of the report's versions.</summary>
    public const string CommitmentTitlesKey = "commitment-titles";

    public const string NoteField = "note", HideField = "hide-reason", RestoreField = "restore-reason";

    [BindProperty(Name = NoteField)] public string? Note { get; set; }
    [BindProperty(Name = HideField)] public string? HideReason { get; set; }
    [BindProperty(Name = RestoreField)] public string? RestoreReason { get; set; }

    /// <summary>The visitor acts for the publishing organisation now: the correction form shows.</summary>
    public bool MayCorrect => Organisation is { YouAreMember: true, Status: OrganisationStatus.Verified } && User.HoldsRole(CitySlug, CityRole.Organisation);
    public bool IsModerator => User.HoldsRole(CitySlug, CityRole.Moderator);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellation)
    {
        if (!await LoadAsync(cancellation)) return NotFound();
        if (Report!.Current is { } current) Fill(current.Text);
        return Page();
    }

    public Task<IActionResult> OnPostCorrectAsync(CancellationToken cancellation) =>
        SendAsync(Policies.Organisation, session => handler.Handle(new CorrectShadowReport(RouteId, User.AccountId(), Note, Draft), session, cancellation),
            Localizer["Organisations.Corrected"], cancellation, field => field);

    public Task<IActionResult> OnPostHideAsync(CancellationToken cancellation) =>
        SendAsync(Policies.Moderator, session => handler.Handle(new HideShadowReport(RouteId, User.AccountId(), HideReason), session, cancellation),
            Localizer["Organisations.HiddenConfirmation"], cancellation, field => field.Length > 0 ? HideField : "");

    public Task<IActionResult> OnPostRestoreAsync(CancellationToken cancellation) =>
        SendAsync(Policies.Moderator, session => handler.Handle(new RestoreShadowReport(RouteId, User.AccountId(), RestoreReason), session, cancellation),
            Localizer["Organisations.RestoredConfirmation"], cancellation, field => field.Length > 0 ? RestoreField : "");

    /// <summary>The endpoint's policy first, then the command on this year's report; a refusal shows next to the form's fields.</summary>
    private async Task<IActionResult> SendAsync(string policy, Func<IDocumentSession, Task<Written>> send, string confirmation, CancellationToken cancellation,
        Func<string, string> formField)
    {
        if (await RefusalAsync(authorization, policy) is { } refused) return refused;
        ModelState.Clear(); // the decider decides what is valid
        if (!await LoadAsync(cancellation)) return NotFound();
        await using var session = Store.LightweightSession(CitySlug);
        var written = await send(session);
        if (!written.IsRefused)
        {
            TempData.Confirm(confirmation);
            return Redirect(Report!.Page);
        }
        Problems.From(written.Errors).AddTo(ModelState, Localizer, field => formField(EndpointAnswers.FormField(field)));
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellation)
    {
        if (Platform.Api.Reports.ReportPage.CheckYear(RequestCity.RouteText(HttpContext, "year"), clock.GetUtcNow(), out var year) is not null) return false;
        Year = year;
        await using var session = Store.QuerySession(CitySlug);
        Report = await reader.ShadowReportAsync(session, CitySlug, year, RouteId, User, cancellation);
        if (Report is null) return false;
        Organisation = await reader.FindAsync(session, CitySlug, Report.OrganisationId, User, cancellation);
        await LoadChoicesAsync(session, cancellation);
        ViewData[CommitmentTitlesKey] = CommitmentChoices.ToDictionary(c => c.Id, c => c.Title);
        return true;
    }
}
