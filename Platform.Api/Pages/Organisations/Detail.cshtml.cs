using Platform.Api.Organisations;
using Platform.Domain.Organisations;

namespace Platform.Api.Pages.Organisations;

/// <summary>
/// One organisation: what it is, the groups it speaks for, its status and history, its shadow reports. The city's
/// officials and network administrators verify, decline or suspend it here; its members see and add members, and while
/// it is verified find the ways to raise a concern on its behalf and to publish a shadow report; a member removes
/// another member or leaves (the last member stays), as the API's <c>DELETE .../members/{accountId}</c> does. Each form sends the
/// API's command to <see cref="OrganisationHandler"/>, with the endpoint's policy checked first.
/// </summary>
[CachedForVisitors]
public sealed class OrganisationDetailModel(CityDirectory directory, IDocumentStore store, OrganisationReader reader, OrganisationHandler handler,
    IAuthorizationService authorization, IStringLocalizer<Text> text) : CityPageModel(directory)
{
    public Guid Id => RouteId;
    public OrganisationDetails? Organisation { get; private set; }
    public IReadOnlyList<ShadowReportDetails> ShadowReports { get; private set; } = [];

    public const string DeclineField = "decline-reason", SuspendField = "suspend-reason", EmailField = "email";

    [BindProperty(Name = DeclineField)] public string? DeclineReason { get; set; }
    [BindProperty(Name = SuspendField)] public string? SuspendReason { get; set; }
    [BindProperty(Name = EmailField)] public string? Email { get; set; }
    /// <summary>The member a removal form names (the form of that member's row).</summary>
    [BindProperty(Name = "memberId")] public Guid MemberId { get; set; }

    /// <summary>The visitor may remove members: they are a member (the API's rule), and the organisation has more than one.</summary>
    public bool MayRemoveMembers => Organisation is { YouAreMember: true, Members.Count: > 1 };

    public bool Verifies => OrganisationReader.Verifies(User, CitySlug);
    public bool MayVerify => Verifies && StatusIn(OrganisationDecider.VerifyFrom);
    public bool MayDecline => Verifies && StatusIn(OrganisationDecider.DeclineFrom);
    public bool MaySuspend => Verifies && StatusIn(OrganisationDecider.SuspendFrom);
    /// <summary>The visitor acts for the organisation now (a member, and it is verified).</summary>
    public bool ActsFor => Organisation is { YouAreMember: true, Status: OrganisationStatus.Verified };
    private bool StatusIn(IReadOnlyList<OrganisationStatus> statuses) => Organisation is { } o && statuses.Contains(o.Status);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellation) => await LoadAsync(cancellation) ? Page() : NotFound();

    public Task<IActionResult> OnPostVerifyAsync(CancellationToken cancellation) =>
        SendAsync(Policies.OrganisationVerifier, "", (session, account) => handler.Handle(new VerifyOrganisation(Id, account), session, cancellation),
            text["Organisations.VerifiedConfirmation"], cancellation);

    public Task<IActionResult> OnPostDeclineAsync(CancellationToken cancellation) =>
        SendAsync(Policies.OrganisationVerifier, DeclineField,
            (session, account) => handler.Handle(new DeclineOrganisation(Id, account, DeclineReason), session, cancellation),
            text["Organisations.DeclinedConfirmation"], cancellation);

    public Task<IActionResult> OnPostSuspendAsync(CancellationToken cancellation) =>
        SendAsync(Policies.OrganisationVerifier, SuspendField,
            (session, account) => handler.Handle(new SuspendOrganisation(Id, account, SuspendReason), session, cancellation),
            text["Organisations.SuspendedConfirmation"], cancellation);

    public Task<IActionResult> OnPostAddMemberAsync(CancellationToken cancellation) =>
        SendAsync(Policies.Resident, EmailField, (session, account) => handler.Handle(new AddOrganisationMember(Id, account, Email), session, cancellation),
            text["Organisations.MemberAddedConfirmation"], cancellation);

    public Task<IActionResult> OnPostRemoveMemberAsync(CancellationToken cancellation) =>
        SendAsync(Policies.Resident, "", (session, account) => handler.Handle(new RemoveOrganisationMember(Id, account, MemberId), session, cancellation),
            MemberId == User.AccountId() ? text["Organisations.MemberLeftConfirmation"] : text["Organisations.MemberRemovedConfirmation"], cancellation);

    /// <summary>The endpoint's policy first (sign-in for anonymous visitors, the forbidden page for others), then the command; its field errors go to the form's one field.</summary>
    private async Task<IActionResult> SendAsync(string policy, string formField, Func<IDocumentSession, Guid, Task<Written>> send, string confirmation,
        CancellationToken cancellation)
    {
        if (await RefusalAsync(authorization, policy) is { } refused) return refused;
        ModelState.Clear(); // the decider decides what is valid
        await using var session = store.LightweightSession(CitySlug);
        return await ShowAnswerAsync(await send(session, User.AccountId()), confirmation, () => LoadAsync(cancellation), text,
            field => EndpointAnswers.FormField(field) is { Length: > 0 } ? formField : "");
    }

    private async Task<bool> LoadAsync(CancellationToken cancellation)
    {
        await using var session = store.QuerySession(CitySlug);
        Organisation = await reader.FindAsync(session, CitySlug, Id, User, cancellation);
        if (Organisation is null) return false;
        ShadowReports = await OrganisationReader.ShadowReportsOfAsync(session, CitySlug, Id, cancellation);
        return true;
    }
}
