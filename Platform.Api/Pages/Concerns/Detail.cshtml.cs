using Platform.Domain;
using Platform.Api.Infrastructure;
using Marten;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Platform.Api.Accounts;
using Platform.Api.Cities;
using Platform.Api.Commitments;
using Platform.Api.Concerns;
using Platform.Api.Following;
using Platform.Api.Participation;
using Platform.Api.Web;
using Platform.Domain.Accounts;
using Platform.Domain.Concerns;

namespace Platform.Api.Pages.Concerns;

/// <summary>
/// One concern: status, the council's answer, supports, linked commitments; support and withdraw through
/// the API's support endpoint methods (one resident, one voice is theirs to enforce, not the page's).
/// Officials of the city acknowledge, answer, decline and resolve it, moderators hide and restore it, each
/// through the API's lifecycle endpoint method, with the endpoint's policy checked here first.
/// </summary>
public sealed class ConcernDetailModel(CityDirectory directory, IDocumentStore store, ConcernReader reader, CommitmentReader commitments,
    IAuthorizationService authorization, FollowingReader following, ParticipationHandler participation, PersonalData data, TimeProvider clock, IStringLocalizer<Text> text)
    : CityPageModel(directory)
{
    public Guid Id => RouteId;

    public ConcernResponse? Concern { get; private set; }
    public bool Supporting { get; private set; }
    public bool AcceptsSupport { get; private set; }
    /// <summary>The signed-in resident follows this concern (the "Stop following" button shows).</summary>
    public bool Following { get; private set; }
    public bool MayFollow => User.MayFollow(CitySlug);
    public IReadOnlyList<CommitmentDetails> Commitments { get; private set; } = [];

    /// <summary>The council's forms, by their field ids (several forms take a reason, so each field has its own id).</summary>
    public const string DepartmentField = "department", AnswerField = "answer", DeclineField = "decline-reason", ResolveField = "resolve-note",
        HideField = "hide-reason", RestoreField = "restore-reason", RedactField = "redact-reason";

    [BindProperty(Name = DepartmentField)] public string? Department { get; set; }
    [BindProperty(Name = AnswerField)] public string? AnswerText { get; set; }
    [BindProperty(Name = DeclineField)] public string? DeclineReason { get; set; }
    [BindProperty(Name = ResolveField)] public string? ResolutionNote { get; set; }
    [BindProperty(Name = HideField)] public string? HideReason { get; set; }
    [BindProperty(Name = RestoreField)] public string? RestoreReason { get; set; }
    [BindProperty(Name = RedactField)] public string? RedactReason { get; set; }

    public DateTimeOffset Now => clock.GetUtcNow();
    public bool IsOfficial => User.HoldsRole(CitySlug, CityRole.Official);
    public bool IsModerator => User.HoldsRole(CitySlug, CityRole.Moderator);
    public bool MayAcknowledge => IsOfficial && StatusIn(ConcernLifecycle.AcknowledgeFrom);
    public bool MayAnswer => IsOfficial && StatusIn(ConcernLifecycle.AnswerFrom);
    public bool MayDecline => IsOfficial && StatusIn(ConcernLifecycle.DeclineFrom);
    public bool MayResolve => IsOfficial && StatusIn(ConcernLifecycle.ResolveFrom);
    public bool MayHide => IsModerator && StatusIn(ConcernLifecycle.HideFrom);
    public bool MayRestore => IsModerator && StatusIn(ConcernLifecycle.RestoreFrom);
    public bool MayRedact => IsModerator && Concern is { Redacted: false };
    private bool StatusIn(IReadOnlyList<ConcernStatus> statuses) => Concern is { } concern && statuses.Contains(concern.Status);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellation) =>
        await LoadAsync(cancellation) ? Page() : NotFound();

    public Task<IActionResult> OnPostSupportAsync(CancellationToken cancellation) =>
        ActAsync(async _ => (await participation.Handle(new SupportConcern(Id, User.ParticipantId()) { VerifiedResident = User.HoldsRole(CitySlug, CityRole.VerifiedResident) },
            CitySlug, scope: null, cancellation)).PageAnswer,
            text["Thank you: your support is counted."], cancellation);

    public Task<IActionResult> OnPostWithdrawSupportAsync(CancellationToken cancellation) =>
        ActAsync(async _ => (await participation.Handle(new WithdrawConcernSupport(Id, User.ParticipantId()), CitySlug, scope: null, cancellation)).PageAnswer,
            text["Your support is withdrawn."], cancellation);

    public Task<IActionResult> OnPostFollowAsync(CancellationToken cancellation) =>
        this.SetAsync($"/cities/{CitySlug}/concerns/{Id}", authorization, store, text,
            session => FollowEndpoints.FollowConcern(Id, CitySlug, User, session, clock, cancellation),
            text["You follow this concern: it is on your following page."], () => LoadAsync(cancellation));

    public Task<IActionResult> OnPostUnfollowAsync(CancellationToken cancellation) =>
        this.SetAsync($"/cities/{CitySlug}/concerns/{Id}", authorization, store, text,
            session => FollowEndpoints.UnfollowConcern(Id, CitySlug, User, session, clock, cancellation),
            text["You no longer follow this concern."], () => LoadAsync(cancellation));

    public Task<IActionResult> OnPostAcknowledgeAsync(CancellationToken cancellation) =>
        CouncilAsync(Policies.Official, DepartmentField, session => ConcernLifecycleEndpoints.Acknowledge(Id, CitySlug, new AcknowledgeConcern(Department), User,
            Cities, session, reader, clock, cancellation), text["The concern is acknowledged: the answer is due by the date shown."], cancellation);

    public Task<IActionResult> OnPostAnswerAsync(CancellationToken cancellation) =>
        CouncilAsync(Policies.Official, AnswerField, session => ConcernLifecycleEndpoints.Answer(Id, CitySlug, new AnswerConcern(AnswerText), User,
            session, reader, clock, cancellation), text["The council's answer is published."], cancellation);

    public Task<IActionResult> OnPostDeclineAsync(CancellationToken cancellation) =>
        CouncilAsync(Policies.Official, DeclineField, session => ConcernLifecycleEndpoints.Decline(Id, CitySlug, new DeclineConcern(DeclineReason), User,
            session, reader, clock, cancellation), text["The concern is declined, with the reason published."], cancellation);

    public Task<IActionResult> OnPostResolveAsync(CancellationToken cancellation) =>
        CouncilAsync(Policies.Official, ResolveField, session => ConcernLifecycleEndpoints.Resolve(Id, CitySlug, new ResolveConcern(ResolutionNote), User,
            session, reader, clock, cancellation), text["The concern is resolved."], cancellation);

    public Task<IActionResult> OnPostHideAsync(CancellationToken cancellation) =>
        CouncilAsync(Policies.Moderator, HideField, session => ConcernLifecycleEndpoints.Hide(Id, CitySlug, new ModerateConcern(HideReason), User,
            session, reader, clock, cancellation), text["The concern is hidden from the public."], cancellation);

    public Task<IActionResult> OnPostRestoreAsync(CancellationToken cancellation) =>
        CouncilAsync(Policies.Moderator, RestoreField, session => ConcernLifecycleEndpoints.Restore(Id, CitySlug, new ModerateConcern(RestoreReason), User,
            session, reader, clock, cancellation), text["The concern is restored."], cancellation);

    public Task<IActionResult> OnPostRedactAsync(CancellationToken cancellation) =>
        CouncilAsync(Policies.Moderator, RedactField, session => ConcernLifecycleEndpoints.Redact(Id, CitySlug, new ModerateConcern(RedactReason), User,
            session, reader, data, clock, cancellation), text["The concern's text is removed."], cancellation);

    /// <summary>
    /// An official's or moderator's action: the endpoint's policy first (sign-in for anonymous visitors, the
    /// forbidden page for others), then the endpoint method; its field errors go to the one field of the form
    /// that was sent (the API names it department, answer, reason or note).
    /// </summary>
    private async Task<IActionResult> CouncilAsync(string policy, string formField, Func<IDocumentSession, Task<IResult>> endpoint, string confirmation,
        CancellationToken cancellation)
    {
        if (!User.IsSignedIn()) return Challenge(new AuthenticationProperties { RedirectUri = $"/cities/{CitySlug}/concerns/{Id}" });
        if (!(await authorization.AuthorizeAsync(User, HttpContext, policy)).Succeeded) return Forbid();
        ModelState.Clear(); // the endpoint decides what is valid
        await using var session = store.LightweightSession(CitySlug);
        var answer = await endpoint(session);
        if (answer.Problem() is { } problem)
        {
            problem.AddTo(ModelState, text, field => EndpointAnswers.FormField(field) is { Length: > 0 } ? formField : "");
            return await LoadAsync(cancellation) ? Page() : NotFound();
        }
        TempData.Confirm(confirmation);
        return RedirectToPage(new { city = CitySlug, id = Id });
    }

    private async Task<IActionResult> ActAsync(Func<IDocumentSession, Task<IResult>> endpoint, string confirmation, CancellationToken cancellation)
    {
        // Back to the concern after signing in (not to the post handler's URL): the resident then supports it there.
        if (!User.IsSignedIn()) return Challenge(new AuthenticationProperties { RedirectUri = $"/cities/{CitySlug}/concerns/{Id}" });
        if (!(await authorization.AuthorizeAsync(User, HttpContext, Policies.Resident)).Succeeded)
        {
            ModelState.AddModelError("", text["Only residents of {0} can support its concerns.", City.Name()]);
            return await LoadAsync(cancellation) ? Page() : NotFound();
        }
        await using var session = store.LightweightSession(CitySlug);
        return await ShowAnswerAsync(await endpoint(session), confirmation, () => LoadAsync(cancellation), text);
    }

    private async Task<bool> LoadAsync(CancellationToken cancellation)
    {
        await using var session = store.QuerySession(CitySlug);
        if (await GetConcernEndpoints.Get(Id, CitySlug, User, session, reader, cancellation) is var answer && answer.Problem() is not null) return false;
        Concern = answer.Value<ConcernResponse>();
        if (Concern is null) return false;
        AcceptsSupport = Domain.Concerns.Concern.AcceptsSupportWhen(Concern.Status);
        if (User.IsSignedIn())
        {
            var support = await session.Events.AggregateStreamAsync<ResidentSupport>(PersonalStream.Id(Id, User.ParticipantId()), token: cancellation);
            Supporting = support is { Active: true };
            Following = await following.FollowsAsync(User, CitySlug, FollowedKind.Concern, Id, cancellation);
        }
        var linked = new List<CommitmentDetails>();
        foreach (var commitmentId in Concern.Commitments)
            if (await commitments.LoadAsync(session, CitySlug, commitmentId, cancellation) is { } commitment) linked.Add(commitment);
        Commitments = linked;
        return true;
    }
}
