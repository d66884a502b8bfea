using Microsoft.AspNetCore.Authentication;
using Platform.Api.Commitments;
using Platform.Api.Concerns;
using Platform.Api.Following;
using Platform.Api.Participation;
using Platform.Domain.Concerns;

namespace Platform.Api.Pages.Concerns;

/// <summary>
/// One concern: status, the council's answer, supports, linked commitments; support and withdraw through
/// the API's support writer (one resident, one voice is theirs to enforce, not the page's). Officials of the
/// city acknowledge, answer, decline and resolve it, moderators hide, restore and redact it: the page sends the
/// same command as the API to <see cref="ConcernHandler"/>, with the endpoint's policy checked here first.
/// </summary>
[CachedForVisitors]
public sealed class ConcernDetailModel(CityDirectory directory, IDocumentStore store, ConcernReader reader, ConcernHandler handler,
    CommitmentReader commitments, IAuthorizationService authorization, FollowingReader following, FollowHandler follows, ParticipationHandler participation,
    TimeProvider clock, IStringLocalizer<Text> text)
    : CityPageModel(directory)
{
    public Guid Id => RouteId;

    public ConcernDetails? Concern { get; private set; }
    public bool Supporting { get; private set; }
    public bool AcceptsSupport { get; private set; }
    /// <summary>The signed-in resident follows this concern (the "Stop following" button shows).</summary>
    public bool Following { get; private set; }
    public bool MayFollow => User.MayFollow(CitySlug);
    public IReadOnlyList<CommitmentDetails> Commitments { get; private set; } = [];

    /// <summary>The council's forms, by their field ids (several forms take a reason, so each field has its own id).</summary>
    public const string DepartmentField = "department", AnswerField = "answer", DeclineField = "decline-reason", ResolveField = "resolve-note",
        HideField = "hide-reason", RestoreField = "restore-reason", RedactField = "redact-reason",
        ContestField = "contest-reason", EscalateField = "escalate-reason", FindingField = "finding", OutcomeField = "outcome";

    [BindProperty(Name = DepartmentField)] public string? Department { get; set; }
    [BindProperty(Name = AnswerField)] public string? AnswerText { get; set; }
    [BindProperty(Name = DeclineField)] public string? DeclineReason { get; set; }
    [BindProperty(Name = ResolveField)] public string? ResolutionNote { get; set; }
    [BindProperty(Name = HideField)] public string? HideReason { get; set; }
    [BindProperty(Name = RestoreField)] public string? RestoreReason { get; set; }
    [BindProperty(Name = RedactField)] public string? RedactReason { get; set; }
    [BindProperty(Name = ContestField)] public string? ContestReason { get; set; }
    [BindProperty(Name = EscalateField)] public string? EscalateReason { get; set; }
    [BindProperty(Name = FindingField)] public string? Finding { get; set; }
    [BindProperty(Name = OutcomeField)] public string? Outcome { get; set; }

    /// <summary>The groups an official tags the concern with (docs/participation.md).</summary>
    [BindProperty(Name = "groups")] public List<string> GroupsChosen { get; set; } = [];

    /// <summary>The assisted support's form (an official or organisation supports on behalf of a resident met offline): its field ids.</summary>
    public const string AssistEmailField = "assist-email", AssistNameField = "assist-name", AssistOfflineField = "assist-offline",
        AssistConsentField = "assist-consent";

    [BindProperty(Name = AssistEmailField)] public string? AssistEmail { get; set; }
    [BindProperty(Name = AssistNameField)] public string? AssistName { get; set; }
    [BindProperty(Name = AssistOfflineField)] public string? AssistOffline { get; set; }
    [BindProperty(Name = AssistConsentField)] public string? AssistConsent { get; set; }

    /// <summary>An official or an organisation of the city may record a support on behalf of a resident met offline.</summary>
    public bool MayAssist => AcceptsSupport && (IsOfficial || User.HoldsRole(CitySlug, CityRole.Organisation));

    /// <summary>The signed-in author or supporter may contest the answer or resolution now (and has not yet).</summary>
    public bool MayContest { get; private set; }
    /// <summary>The signed-in author or supporter contested the current answer or resolution already.</summary>
    public bool Contested { get; private set; }
    /// <summary>The signed-in author or supporter may take the concern to the independent body now.</summary>
    public bool MayEscalate { get; private set; }
    public bool IsIndependentBody => User.HoldsRole(CitySlug, CityRole.IndependentBody);
    /// <summary>An outcome of the independent body's finding in the visitor's language.</summary>
    public string OutcomeName(string outcome) => outcome switch
    {
        "upheld" => text["Upheld"],
        "partly-upheld" => text["Partly upheld"],
        "not-upheld" => text["Not upheld"],
        _ => outcome,
    };
    public bool MayRecordFinding => IsIndependentBody && Concern?.Contest is { EscalatedAt: not null, FindingRecordedAt: null };

    public DateTimeOffset Now => clock.GetUtcNow();
    public bool IsOfficial => User.HoldsRole(CitySlug, CityRole.Official);
    public bool IsModerator => User.HoldsRole(CitySlug, CityRole.Moderator);
    public bool MayAcknowledge => IsOfficial && StatusIn(ConcernDecider.AcknowledgeFrom);
    public bool MayAnswer => IsOfficial && StatusIn(ConcernDecider.AnswerFrom);
    public bool MayDecline => IsOfficial && StatusIn(ConcernDecider.DeclineFrom);
    public bool MayResolve => IsOfficial && StatusIn(ConcernDecider.ResolveFrom);
    public bool MayHide => IsModerator && StatusIn(ConcernDecider.HideFrom);
    public bool MayRestore => IsModerator && StatusIn(ConcernDecider.RestoreFrom);
    public bool MayRedact => IsModerator && Concern is { Redacted: false };
    private bool StatusIn(IReadOnlyList<ConcernStatus> statuses) => Concern is { } concern && statuses.Contains(concern.Status);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellation) =>
        await LoadAsync(cancellation) ? Page() : NotFound();

    public Task<IActionResult> OnPostSupportAsync(CancellationToken cancellation) =>
        SupportAsync(async _ => (await participation.Handle(new SupportConcern(Id, User.ParticipantId()) { VerifiedResident = User.HoldsRole(CitySlug, CityRole.VerifiedResident), VerifiedEmail = User.HasVerifiedEmail() },
            CitySlug, scope: null, cancellation)).PageAnswer,
            text["Thank you: your support is counted."], cancellation);

    public Task<IActionResult> OnPostWithdrawSupportAsync(CancellationToken cancellation) =>
        SupportAsync(async _ => (await participation.Handle(new WithdrawConcernSupport(Id, User.ParticipantId()), CitySlug, scope: null, cancellation)).PageAnswer,
            text["Your support is withdrawn."], cancellation);

    public Task<IActionResult> OnPostTagGroupsAsync(CancellationToken cancellation) =>
        CouncilAsync(Policies.Official, "groups", (session, account) => handler.Handle(new TagConcernGroups(Id, account, GroupsChosen), session, cancellation),
            text["Participation.Groups.Tagged"], cancellation);

    /// <summary>A support recorded on behalf of a resident met offline, through the API's <see cref="Api.EqualParticipation.AssistanceHandler"/>.</summary>
    public async Task<IActionResult> OnPostAssistSupportAsync([FromServices] Api.EqualParticipation.AssistanceHandler assistance, CancellationToken cancellation)
    {
        if (await RefusalAsync(authorization, Policies.OfficialOrOrganisation) is { } refused) return refused;
        ModelState.Clear();
        var offline = FormValues.Id(AssistOffline, "resident.offlineResidentId", FormValues.UnreadableOfflineResident);
        var (done, errors) = await offline.Or(async () =>
        {
            var resident = new Domain.EqualParticipation.AssistedResidentInput(AssistEmail, offline.Value, AssistName);
            await using var session = store.LightweightSession(CitySlug);
            return await assistance.SupportAsync(Id, CitySlug, new Api.EqualParticipation.AssistedSupportRequest(resident, AssistConsent),
                User.AccountId(), Api.EqualParticipation.AssistanceHandler.AssistedAs(User, CitySlug), session, cancellation);
        });
        var confirmation = done?.OfflineResidentId is { } id ? text["Participation.Assist.DoneNew", id] : text["Participation.Assist.Done"];
        return await ShowAnswerAsync(done is null ? Problems.Result(errors) : Results.NoContent(), confirmation, () => LoadAsync(cancellation), text,
            field => field switch
            {
                "resident.email" => AssistEmailField,
                "resident.name" or "resident" => AssistNameField,
                "resident.offlineResidentId" => AssistOfflineField,
                "consentNote" => AssistConsentField,
                _ => "",
            });
    }

    public Task<IActionResult> OnPostFollowAsync(CancellationToken cancellation) => FollowAsync(true,
        text["You follow this concern: it is on your following page."], cancellation);

    public Task<IActionResult> OnPostUnfollowAsync(CancellationToken cancellation) => FollowAsync(false,
        text["You no longer follow this concern."], cancellation);

    public Task<IActionResult> OnPostAcknowledgeAsync(CancellationToken cancellation) =>
        CouncilAsync(Policies.Official, DepartmentField, (session, account) => handler.Handle(new AcknowledgeConcern(Id, account, Department), session, cancellation),
            text["The concern is acknowledged: the answer is due by the date shown."], cancellation);

    public Task<IActionResult> OnPostAnswerAsync(CancellationToken cancellation) =>
        CouncilAsync(Policies.Official, AnswerField, (session, account) => handler.Handle(new AnswerConcern(Id, account, AnswerText), session, cancellation),
            text["The council's answer is published."], cancellation);

    public Task<IActionResult> OnPostDeclineAsync(CancellationToken cancellation) =>
        CouncilAsync(Policies.Official, DeclineField, (session, account) => handler.Handle(new DeclineConcern(Id, account, DeclineReason), session, cancellation),
            text["The concern is declined, with the reason published."], cancellation);

    public Task<IActionResult> OnPostResolveAsync(CancellationToken cancellation) =>
        CouncilAsync(Policies.Official, ResolveField, (session, account) => handler.Handle(new ResolveConcern(Id, account, ResolutionNote), session, cancellation),
            text["The concern is resolved."], cancellation);

    public Task<IActionResult> OnPostHideAsync(CancellationToken cancellation) =>
        CouncilAsync(Policies.Moderator, HideField, (session, account) => handler.Handle(new HideConcern(Id, account, HideReason), session, cancellation),
            text["The concern is hidden from the public."], cancellation);

    public Task<IActionResult> OnPostRestoreAsync(CancellationToken cancellation) =>
        CouncilAsync(Policies.Moderator, RestoreField, (session, account) => handler.Handle(new RestoreConcern(Id, account, RestoreReason), session, cancellation),
            text["The concern is restored."], cancellation);

    public Task<IActionResult> OnPostRedactAsync(CancellationToken cancellation) =>
        CouncilAsync(Policies.Moderator, RedactField, (session, account) => handler.Handle(new RedactConcern(Id, account, RedactReason), session, cancellation),
            text["The concern's text is removed."], cancellation);

    public Task<IActionResult> OnPostContestAsync(CancellationToken cancellation) =>
        CouncilAsync(Policies.Resident, ContestField, (session, account) => handler.Handle(new ContestConcern(Id, account, ContestReason), session, cancellation),
            text["Your contest is recorded and published with the concern's history."], cancellation);

    public Task<IActionResult> OnPostEscalateAsync(CancellationToken cancellation) =>
        CouncilAsync(Policies.Resident, EscalateField, (session, account) => handler.Handle(new EscalateConcern(Id, account, EscalateReason), session, cancellation),
            text["The concern is escalated to the city's independent body."], cancellation);

    public Task<IActionResult> OnPostFindingAsync(CancellationToken cancellation) =>
        CouncilAsync(Policies.IndependentBody, FindingField,
            (session, account) => handler.Handle(new RecordEscalationFinding(Id, account, Finding, Outcome), session, cancellation),
            text["The finding is published."], cancellation, field => field == OutcomeField ? OutcomeField : FindingField);

    /// <summary>
    /// An official's or moderator's action (or a resident's contest or escalation, or the independent body's finding): the endpoint's policy first (sign-in for anonymous visitors, the
    /// forbidden page for others), then the command; its field errors go to the one field of the form that was
    /// sent (the API names it department, answer, reason or note).
    /// </summary>
    private async Task<IActionResult> CouncilAsync(string policy, string formField, Func<IDocumentSession, Guid, Task<Written>> send, string confirmation,
        CancellationToken cancellation, Func<string, string>? fields = null)
    {
        if (await RefusalAsync(authorization, policy) is { } refused) return refused;
        ModelState.Clear(); // the decider decides what is valid
        await using var session = store.LightweightSession(CitySlug);
        return await ShowAnswerAsync(await send(session, User.AccountId()), confirmation, () => LoadAsync(cancellation), text,
            fields ?? (field => EndpointAnswers.FormField(field) is { Length: > 0 } ? formField : ""));
    }

    private Task<IActionResult> FollowAsync(bool follow, string confirmation, CancellationToken cancellation) =>
        this.SetAsync($"/cities/{CitySlug}/concerns/{Id}", authorization, store, text, follows, FollowedKind.Concern, Id, follow, confirmation,
            () => LoadAsync(cancellation));

    /// <summary>A resident's support or its withdrawal: residents of the city only; the answer shown as for every write.</summary>
    private async Task<IActionResult> SupportAsync(Func<IDocumentSession, Task<IResult>> endpoint, string confirmation, CancellationToken cancellation)
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
        Concern = await reader.FindAsync(session, CitySlug, Id, User, cancellation);
        if (Concern is null) return false;
        AcceptsSupport = Domain.Concerns.Concern.AcceptsSupportWhen(Concern.Status);
        if (User.IsSignedIn())
        {
            var support = await session.Events.AggregateStreamAsync<ResidentSupport>(PersonalStream.Id(Id, User.ParticipantId()), token: cancellation);
            Supporting = support is { Active: true };
            Following = await following.FollowsAsync(User, CitySlug, FollowedKind.Concern, Id, cancellation);
            if ((Concern.AuthoredByYou || Supporting) && await session.LoadAsync<Concern>(Id, cancellation) is { } state)
            {
                var now = clock.GetUtcNow();
                Contested = state.Contesters.Contains(User.ParticipantId());
                MayContest = !Contested && ConcernDecider.ContestFrom.Contains(state.Status)
                    && state.ContestableSince is { } since && now <= ConcernDecider.ContestableUntil(since);
                MayEscalate = ConcernDecider.MayEscalate(state, now);
            }
        }
        var linked = new List<CommitmentDetails>();
        foreach (var commitmentId in Concern.Commitments)
            if (await commitments.LoadAsync(session, CitySlug, commitmentId, cancellation) is { } commitment) linked.Add(commitment);
        Commitments = linked;
        return true;
    }
}
