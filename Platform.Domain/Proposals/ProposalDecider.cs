using Platform.Domain.Concerns;
using Platform.Domain.Reference;

namespace Platform.Domain.Proposals;

/// <summary>
/// The rules of proposals, as pure functions of command, state and time. Transitions: open → threshold
/// reached (by supports) → accepted or rejected by the council; open or threshold reached → withdrawn by
/// the author. The council may decide before the threshold too (it owes a decision only after it).
/// </summary>
public static class ProposalDecider
{
    /// <summary>Submit a proposal: a new stream, with the city's threshold of now kept with it (an existing proposal of that id is a conflict).</summary>
    public static Decision Decide(SubmitProposal command, Proposal? proposal, DateTimeOffset now)
    {
        if (proposal is not null) return Decision.Refuse(DomainError.Conflict("proposal-exists", "A proposal of that id is submitted already."));
        // A proposal is described like a concern (title, description, rights, SDG targets, district),
        // so it is checked by the very same rules, field names and messages.
        var errors = new List<DomainError>();
        ConcernDecider.CheckDescribed(command.Title, command.Description, command.Rights, command.SdgTargets, command.District, ReferenceCatalogue.Default, errors);
        if (errors.Count > 0) return Decision.Refuse(errors);

        return Decision.Accept(new ProposalSubmitted(
            command.ProposalId,
            command.Title!.Trim(),
            command.Description?.Trim() ?? "",
            command.Rights!.Distinct(StringComparer.Ordinal).ToArray(),
            (command.SdgTargets ?? []).Distinct(StringComparer.Ordinal).ToArray(),
            Check.Optional(command.District),
            command.AuthorId,
            command.SupportThreshold,
            now));
    }

    /// <summary>
    /// Support a proposal. <c>state.Mine</c> is the resident's support stream state, if any.
    /// Supporting twice is not an error: it changes nothing, as for concerns.
    /// </summary>
    public static Decision Decide(SupportProposal command, Participation<Proposal, ResidentSupport>? state, DateTimeOffset now)
    {
        if (Residency.Refusal(command.VerifiedResidencyRequired, command.VerifiedResident) is { } refused) return refused;
        if (EmailVerification.Refusal(command.VerifiedEmailRequired, command.VerifiedEmail) is { } unverified) return unverified;
        if (state?.Item is not { } proposal) return Decision.Refuse(DomainError.NotFound("proposal"));
        if (!proposal.Undecided)
            return Decision.Refuse(DomainError.Rule("proposal-not-supportable", $"A proposal that is {Name(proposal.Status)} cannot receive supports."));
        if (state.Mine is { Active: true }) return Decision.NoChange;
        return Decision.Accept(new ProposalSupported(command.ProposalId, command.ResidentId, now));
    }

    public static Decision Decide(WithdrawProposalSupport command, Participation<Proposal, ResidentSupport>? state, DateTimeOffset now)
    {
        if (state?.Item is null) return Decision.Refuse(DomainError.NotFound("proposal"));
        if (state.Mine is not { Active: true }) return Decision.NoChange;
        return Decision.Accept(new ProposalSupportWithdrawn(command.ProposalId, command.ResidentId, now));
    }

    /// <summary>
    /// Records that the supports met the proposal's threshold, once: nothing changes when it was reached already,
    /// when the proposal is decided or withdrawn, or when supports fall short.
    /// </summary>
    public static Decision Decide(ReachProposalThreshold command, Proposal? proposal, DateTimeOffset now)
    {
        if (proposal is not { Status: ProposalStatus.Open } || command.Supports < proposal.SupportThreshold) return Decision.NoChange;
        return Decision.Accept(new ProposalThresholdReached(proposal.Id, command.Supports, now.AddDays(command.DecisionDays), now));
    }

    public static Decision Decide(AcceptProposal command, Proposal? proposal, DateTimeOffset now)
    {
        if (Refusal(proposal, "accepted") is { } refused) return refused;
        var errors = new List<DomainError>();
        Check.Required(command.Decision, "decision", ProposalRules.DecisionMaxLength, errors);
        if (command.CommitmentId == Guid.Empty) errors.Add(DomainError.Invalid("commitmentId", "The commitment id is not a valid id."));
        else if (command.CommitmentId is not null && command.Commitment is not null)
            errors.Add(DomainError.Invalid("commitment", "Either link an existing commitment (commitmentId) or publish one (commitment), not both."));
        if (errors.Count > 0) return Decision.Refuse(errors);
        return Decision.Accept(new ProposalAccepted(proposal!.Id, command.OfficialId, command.Decision!.Trim(), command.CommitmentId, now));
    }

    public static Decision Decide(RejectProposal command, Proposal? proposal, DateTimeOffset now)
    {
        if (Refusal(proposal, "rejected") is { } refused) return refused;
        if (Check.RequiredError(command.Reason, "reason", ProposalRules.DecisionMaxLength) is { } invalid) return Decision.Refuse(invalid);
        return Decision.Accept(new ProposalRejected(proposal!.Id, command.OfficialId, command.Reason!.Trim(), now));
    }

    /// <summary>Only the author withdraws, and only while the council has not decided.</summary>
    public static Decision Decide(WithdrawProposal command, Proposal? proposal, DateTimeOffset now)
    {
        if (proposal is null) return Decision.Refuse(DomainError.NotFound("proposal"));
        if (proposal.AuthorId != command.AccountId)
            return Decision.Refuse(new DomainError(ErrorKind.Forbidden, "not-the-author", "Only the author can withdraw a proposal."));
        if (Refusal(proposal, "withdrawn") is { } refused) return refused;
        return Decision.Accept(new ProposalWithdrawn(proposal.Id, now));
    }

    private static Decision? Refusal(Proposal? proposal, string done)
    {
        if (proposal is null) return Decision.Refuse(DomainError.NotFound("proposal"));
        if (proposal.Undecided) return null;
        var status = Name(proposal.Status);
        return Decision.Refuse(DomainError.Conflict($"proposal-{status}", $"A proposal that is {status} cannot be {done}."));
    }

    private static string Name(ProposalStatus status) => status.ToString().ToLowerInvariant();
}
