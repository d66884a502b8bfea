using Platform.Api.Commitments;
using Platform.Api.Following;
using Platform.Domain.Commitments;

namespace Platform.Api.Pages.Commitments;

/// <summary>
/// One commitment: progress, milestones, sub-commitments and its whole timeline, through <see cref="CommitmentReader"/>.
/// Officials of the city also report on it here (progress, a milestone, a new deadline, fulfilment, abandonment)
/// through <see cref="CommitmentHandler"/>, as the API does; each form's fields carry its own prefix (<c>progress-percent</c>),
/// so the API's field names (<c>percent</c>) are mapped to them.
/// </summary>
[CachedForVisitors]
public sealed class CommitmentModel(CityDirectory directory, IDocumentStore store, CommitmentReader reader, CommitmentHandler handler,
    IAuthorizationService authorization, FollowingReader following, FollowHandler follows, IMessageBus bus, IStringLocalizer<Text> text) : CityPageModel(directory)
{
    public Guid Id => RouteId;

    public CommitmentDetails Commitment { get; private set; } = null!;

    /// <summary>The signed-in resident follows this commitment, by their choice or through a concern they support.</summary>
    public bool Following { get; private set; }
    public bool MayFollow => User.MayFollow(CitySlug);

    /// <summary>What the official's forms post, by field id (<c>progress-percent</c>), so a refused form keeps its values.</summary>
    public IReadOnlyDictionary<string, string> Posted { get; private set; } = new Dictionary<string, string>();

    /// <summary>The officials' forms are shown: the visitor is an official of the city and the commitment is still active.</summary>
    public bool Reports => User.IsOfficialOf(CitySlug) && Commitment.Phase == CommitmentPhase.Active;

    public string Value(string field) => Posted.GetValueOrDefault(field) ?? "";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellation) =>
        await LoadAsync(cancellation) ? Page() : NotFound();

    public Task<IActionResult> OnPostProgressAsync(CancellationToken cancellation) =>
        ActAsync("progress", text["The progress is reported."], (official, session) =>
        {
            var percent = FormValues.WholeNumber(Form("progress-percent"), "percent");
            return percent.Or(() => handler.Handle(new ReportProgress(Id, official, percent.Value, Form("progress-note"), Form("progress-evidenceUrl")), session, cancellation));
        }, cancellation);

    public Task<IActionResult> OnPostMilestoneAsync(CancellationToken cancellation) =>
        ActAsync("milestone", text["The milestone is planned."], (official, session) =>
        {
            var due = FormValues.Day(Form("milestone-dueDate"), "dueDate");
            return due.Or(() => handler.Handle(new PlanMilestone(Id, Guid.CreateVersion7(), official, Form("milestone-title"), due.Value), session, cancellation));
        }, cancellation);

    public Task<IActionResult> OnPostDeadlineAsync(CancellationToken cancellation) =>
        ActAsync("deadline", text["The deadline is changed."], (official, session) =>
        {
            var due = FormValues.Day(Form("deadline-dueDate"), "dueDate");
            return due.Or(() => handler.Handle(new ChangeDeadline(Id, official, due.Value, Form("deadline-reason")), session, bus, cancellation));
        }, cancellation);

    public Task<IActionResult> OnPostFulfilAsync(CancellationToken cancellation) =>
        ActAsync("fulfil", text["The commitment is fulfilled."], (official, session) => handler.Handle(
            new FulfilCommitment(Id, official, Form("fulfil-evidenceUrl"), Form("fulfil-note")), session, cancellation), cancellation);

    public Task<IActionResult> OnPostAbandonAsync(CancellationToken cancellation) =>
        ActAsync("abandon", text["The commitment is abandoned."], (official, session) => handler.Handle(
            new AbandonCommitment(Id, official, Form("abandon-reason")), session, cancellation), cancellation);

    public Task<IActionResult> OnPostFollowAsync(CancellationToken cancellation) =>
        this.SetAsync($"/cities/{CitySlug}/commitments/{Id}", authorization, store, text, follows, FollowedKind.Commitment, Id, true,
            text["You follow this commitment: it is on your following page."], () => LoadAsync(cancellation));

    public Task<IActionResult> OnPostUnfollowAsync(CancellationToken cancellation) =>
        this.SetAsync($"/cities/{CitySlug}/commitments/{Id}", authorization, store, text, follows, FollowedKind.Commitment, Id, false,
            text["You no longer follow this commitment."], () => LoadAsync(cancellation));

    private string? Form(string field) => Request.Form.TryGetValue(field, out var value) ? value.ToString() : null;

    /// <summary>Checks the official's role, hands the command to the handler with a session of the city, and redirects with a confirmation or shows the refusal next to the form's fields.</summary>
    private async Task<IActionResult> ActAsync(string form, string confirmation, Func<Guid, IDocumentSession, Task<Written>> act, CancellationToken cancellation)
    {
        if (await this.RefuseUnlessOfficialAsync(authorization) is { } refused) return refused;
        Written written;
        await using (var session = store.LightweightSession(CitySlug))
            written = await act(User.AccountId(), session);
        return await ShowAnswerAsync(written, confirmation, () => LoadAsync(cancellation), text,
            field => field == "$" ? "" : EndpointAnswers.FormField(field) is { Length: > 0 } name ? $"{form}-{name}" : "",
            () => Posted = Request.Form.Keys.Where(k => k.StartsWith(form + "-")).ToDictionary(k => k, k => Request.Form[k].ToString()));
    }

    private async Task<bool> LoadAsync(CancellationToken cancellation)
    {
        await using var session = store.QuerySession(CitySlug);
        if (await reader.LoadAsync(session, CitySlug, Id, cancellation) is not { } commitment) return false;
        Commitment = commitment;
        Following = await following.FollowsAsync(User, CitySlug, FollowedKind.Commitment, Id, cancellation);
        return true;
    }

    /// <summary>Where an origin is shown on these pages (concerns and proposals have pages; the rest link to the API).</summary>
    public string OriginHref(OriginLink origin) => origin.Kind switch
    {
        "concern" => $"/cities/{CitySlug}/concerns/{origin.Id}",
        "proposal" => $"/cities/{CitySlug}/proposals/{origin.Id}",
        "townHall" => $"/cities/{CitySlug}/town-halls/{origin.Id}",
        _ => origin.Href,
    };
}
