using Microsoft.AspNetCore.Authentication;
using Platform.Api.Commitments;
using Platform.Api.Participation;
using Platform.Api.Proposals;
using Platform.Domain.Commitments;
using Platform.Domain.Concerns;
using Platform.Domain.Proposals;

namespace Platform.Api.Pages.Proposals;

/// <summary>
/// One proposal with its supports against the threshold and the council's decision; support and withdraw
/// through the API's support writer. Officials of the city accept it (publishing the commitment it becomes,
/// which serves the proposal's rights and SDG targets) or reject it: the page sends the API's command to
/// <see cref="ProposalHandler"/>.
/// </summary>
[CachedForVisitors]
public sealed class ProposalDetailModel(CityDirectory directory, IDocumentStore store, ProposalReader reader, ProposalHandler handler,
    ParticipationHandler participation, CommitmentReader commitments, IMessageBus bus, IAuthorizationService authorization,
    IStringLocalizer<Text> text) : CityPageModel(directory)
{
    /// <summary>Field ids of the decision forms; the API's names (<c>commitment.title</c>, <c>reason</c>) map to them.</summary>
    public const string DecisionField = "decision", TitleField = "commitment-title", DescriptionField = "commitment-description",
        DueDateField = "commitment-dueDate", DepartmentField = "commitment-department", ReasonField = "reject-reason";

    public Guid Id => RouteId;

    [BindProperty(Name = DecisionField)] public string? Decision { get; set; }
    [BindProperty(Name = TitleField)] public string? CommitmentTitle { get; set; }
    [BindProperty(Name = DescriptionField)] public string? CommitmentDescription { get; set; }
    [BindProperty(Name = DueDateField)] public string? CommitmentDueDate { get; set; }
    [BindProperty(Name = DepartmentField)] public string? CommitmentDepartment { get; set; }
    [BindProperty(Name = ReasonField)] public string? RejectionReason { get; set; }

    public ProposalDetails? Proposal { get; private set; }
    /// <summary>The commitment an accepted proposal became, when it has one.</summary>
    public CommitmentDetails? Commitment { get; private set; }
    public bool MayDecide => User.HoldsRole(CitySlug, CityRole.Official) && Proposal is not null && Domain.Proposals.Proposal.UndecidedWhen(Proposal.Status);
    public bool Supporting { get; private set; }
    public bool AcceptsSupport => Proposal is not null && Domain.Proposals.Proposal.UndecidedWhen(Proposal.Status);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellation) =>
        await LoadAsync(cancellation) ? Page() : NotFound();

    public Task<IActionResult> OnPostSupportAsync(CancellationToken cancellation) =>
        ActAsync(async _ => (await participation.Handle(new SupportProposal(Id, User.ParticipantId()) { VerifiedResident = User.HoldsRole(CitySlug, CityRole.VerifiedResident), VerifiedEmail = User.HasVerifiedEmail() },
            CitySlug, scope: null, cancellation)).PageAnswer,
            text["Thank you: your support is counted."], cancellation);

    public Task<IActionResult> OnPostWithdrawSupportAsync(CancellationToken cancellation) =>
        ActAsync(async _ => (await participation.Handle(new WithdrawProposalSupport(Id, User.ParticipantId()), CitySlug, scope: null, cancellation)).PageAnswer,
            text["Your support is withdrawn."], cancellation);

    public Task<IActionResult> OnPostAcceptAsync(CancellationToken cancellation)
    {
        var due = FormValues.Day(CommitmentDueDate, "commitment.dueDate");
        return DecideAsync((session, proposal) => due.Or(() =>
        {
            var commitment = new CommitmentInput(CommitmentTitle, string.IsNullOrWhiteSpace(CommitmentDescription) ? null : CommitmentDescription,
                proposal.Rights, proposal.SdgTargets, null, CommitmentDepartment, due.Value, null, null);
            return handler.Handle(new AcceptProposal(Id, User.AccountId(), Decision, null, commitment), session, bus, cancellation);
        }), field => field switch
        {
            "decision" => DecisionField,
            "commitment.title" => TitleField,
            "commitment.description" => DescriptionField,
            "commitment.dueDate" => DueDateField,
            "commitment.department" => DepartmentField,
            _ => "",
        }, text["The proposal is accepted, and the commitment it became is published."], cancellation);
    }

    public Task<IActionResult> OnPostRejectAsync(CancellationToken cancellation) =>
        DecideAsync((session, _) => handler.Handle(new RejectProposal(Id, User.AccountId(), RejectionReason), session, cancellation),
            field => field == "reason" ? ReasonField : "", text["The proposal is rejected, with the reason published."], cancellation);

    /// <summary>An official's decision: the endpoint's policy first, then the command; refusals next to the form's fields.</summary>
    private async Task<IActionResult> DecideAsync(Func<IDocumentSession, ProposalDetails, Task<Written>> send, Func<string, string> formField,
        string confirmation, CancellationToken cancellation)
    {
        if (await RefusalAsync(authorization, Policies.Official) is { } refused) return refused;
        ModelState.Clear(); // the decider decides what is valid
        if (!await LoadAsync(cancellation)) return NotFound();
        await using var session = store.LightweightSession(CitySlug);
        return await ShowAnswerAsync(await send(session, Proposal!), confirmation, () => LoadAsync(cancellation), text, formField);
    }

    private async Task<IActionResult> ActAsync(Func<IDocumentSession, Task<IResult>> endpoint, string confirmation, CancellationToken cancellation)
    {
        if (!User.IsSignedIn()) return Challenge(new AuthenticationProperties { RedirectUri = $"/cities/{CitySlug}/proposals/{Id}" });
        if (!(await authorization.AuthorizeAsync(User, HttpContext, Policies.Resident)).Succeeded)
        {
            ModelState.AddModelError("", text["Only residents of {0} can support its proposals.", City.Name()]);
            return await LoadAsync(cancellation) ? Page() : NotFound();
        }
        await using var session = store.LightweightSession(CitySlug);
        return await ShowAnswerAsync(await endpoint(session), confirmation, () => LoadAsync(cancellation), text);
    }

    private async Task<bool> LoadAsync(CancellationToken cancellation)
    {
        await using var session = store.QuerySession(CitySlug);
        Proposal = await reader.FindAsync(session, CitySlug, Id, User, cancellation);
        if (Proposal is null) return false;
        Commitment = Proposal.CommitmentId is { } commitmentId ? await commitments.LoadAsync(session, CitySlug, commitmentId, cancellation) : null;
        if (User.IsSignedIn())
            Supporting = await session.Events.AggregateStreamAsync<ResidentSupport>(PersonalStream.Id(Id, User.ParticipantId()), token: cancellation) is { Active: true };
        return true;
    }
}
