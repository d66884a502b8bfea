using Platform.Domain.Monitoring;
using Platform.Domain.Reference;

namespace Platform.Domain.IndicatorProposals;

/// <summary>
/// The rules of proposed indicators, as pure functions of command, state and time. Transitions: open → in consultation
/// (an official links a consultation) → adopted (the city's series is adopted in the same transaction) or declined with
/// a reason; an official may adopt or decline without a consultation too. Residents support it while it is undecided.
/// </summary>
public static class IndicatorProposalDecider
{
    public static Decision Decide(ProposeIndicator command, IndicatorProposal? existing, DateTimeOffset now)
    {
        if (existing is not null) return Decision.Refuse(DomainError.Conflict("indicator-proposal-exists", "A proposal of that id exists already."));
        var input = command.Input;
        var errors = new List<DomainError>();
        Text(input.Name, "name", IndicatorProposalRules.NameMaxLength, "Say what the indicator measures.", errors);
        if (string.IsNullOrWhiteSpace(input.Right)) errors.Add(DomainError.Invalid("right", "Name the right the indicator serves."));
        else if (!ReferenceCatalogue.Default.IsRight(input.Right.Trim())) errors.Add(DomainError.Invalid("right", "This is not a right of the taxonomy."));
        var type = IndicatorType.Outcome;
        if (string.IsNullOrWhiteSpace(input.Type) || !Enum.TryParse(input.Type.Trim(), ignoreCase: true, out type) || int.TryParse(input.Type, out _)
            || !Enum.IsDefined(type))
            errors.Add(DomainError.Invalid("type", "The type is structural, process or outcome."));
        Text(input.Unit, "unit", IndicatorProposalRules.UnitMaxLength, "Say in what unit it is counted.", errors);
        Text(input.Source, "source", IndicatorProposalRules.SourceMaxLength, "Say where its data would come from.", errors);
        Text(input.Why, "why", IndicatorProposalRules.WhyMaxLength, "Say why the city should follow it.", errors);
        var variantOf = Check.Optional(input.VariantOf);
        if (variantOf is not null && (variantOf.Length > MonitoringRules.CodeMaxLength || !command.VariantKnown))
            errors.Add(DomainError.Invalid("variantOf", "This is not the code of an indicator of the network's catalogue."));
        if (errors.Count > 0) return Decision.Refuse(errors);

        return Decision.Accept(new IndicatorProposed(command.ProposalId, input.Name!.Trim(), input.Right!.Trim(), type, input.Unit!.Trim(),
            input.Source!.Trim(), input.Why!.Trim(), variantOf, command.AuthorId, command.By, now));
    }

    /// <summary>A resident's support; a repeat changes nothing. Only undecided proposals take supports.</summary>
    public static Decision Decide(SupportIndicatorProposal command, Participation<IndicatorProposal, IndicatorProposalSupport>? state, DateTimeOffset now)
    {
        if (Residency.Refusal(command.VerifiedResidencyRequired, command.VerifiedResident) is { } refused) return refused;
        if (EmailVerification.Refusal(command.VerifiedEmailRequired, command.VerifiedEmail) is { } unverified) return unverified;
        if (state?.Item is not { } proposal) return Decision.Refuse(DomainError.NotFound("indicator-proposal"));
        if (!proposal.Undecided)
            return Decision.Refuse(DomainError.Rule("indicator-proposal-not-supportable", $"A proposal that is {Name(proposal.Status)} takes no more supports."));
        if (state.Mine is { Active: true }) return Decision.NoChange;
        return Decision.Accept(new IndicatorProposalSupported(command.ProposalId, command.ResidentId, now));
    }

    public static Decision Decide(WithdrawIndicatorProposalSupport command, Participation<IndicatorProposal, IndicatorProposalSupport>? state, DateTimeOffset now)
    {
        if (state?.Item is null) return Decision.Refuse(DomainError.NotFound("indicator-proposal"));
        if (state.Mine is not { Active: true }) return Decision.NoChange;
        return Decision.Accept(new IndicatorProposalSupportWithdrawn(command.ProposalId, command.ResidentId, now));
    }

    /// <summary>Links a consultation of the city; the same one again changes nothing.</summary>
    public static Decision Decide(PutIndicatorProposalToConsultation command, IndicatorProposal? proposal, DateTimeOffset now)
    {
        if (Refusal(proposal, "put to a consultation") is { } refused) return refused;
        if (command.ConsultationId is not { } consultation || consultation == Guid.Empty)
            return Decision.Refuse(DomainError.Invalid("consultationId", "Choose the consultation."));
        if (!command.ConsultationKnown) return Decision.Refuse(DomainError.Invalid("consultationId", "No consultation of this city has this id."));
        if (proposal!.ConsultationId == consultation) return Decision.NoChange;
        return Decision.Accept(new IndicatorProposalPutToConsultation(proposal.Id, consultation, command.OfficialId, now));
    }

    /// <summary>
    /// Adopts the proposal: the series' own adoption (decided by <see cref="IndicatorSeriesDecider"/> on its stream) must
    /// be accepted too, and names the proposal (and the consultation it was put to) as its origin.
    /// </summary>
    public static Decision Decide(AdoptIndicatorProposal command, IndicatorProposal? proposal, DateTimeOffset now)
    {
        if (Refusal(proposal, "adopted") is { } refused) return refused;
        if (string.IsNullOrWhiteSpace(command.Adoption.Code)) return Decision.Refuse(DomainError.Invalid("code", "Name the indicator (its code)."));
        return Decision.Accept(new IndicatorProposalAdopted(proposal!.Id, command.Adoption.Code.Trim(), command.OfficialId, now));
    }

    public static Decision Decide(DeclineIndicatorProposal command, IndicatorProposal? proposal, DateTimeOffset now)
    {
        if (Refusal(proposal, "declined") is { } refused) return refused;
        if (Check.RequiredError(command.Reason, "reason", IndicatorProposalRules.ReasonMaxLength) is { } invalid) return Decision.Refuse(invalid);
        return Decision.Accept(new IndicatorProposalDeclined(proposal!.Id, command.Reason!.Trim(), command.OfficialId, now));
    }

    private static Decision? Refusal(IndicatorProposal? proposal, string done)
    {
        if (proposal is null) return Decision.Refuse(DomainError.NotFound("indicator-proposal"));
        if (proposal.Undecided) return null;
        var status = Name(proposal.Status);
        return Decision.Refuse(DomainError.Conflict($"indicator-proposal-{status}", $"A proposal that is {status} cannot be {done}."));
    }

    private static string Name(IndicatorProposalStatus status) => status.ToString().ToLowerInvariant();

    /// <summary>A text that must be given (<paramref name="required"/> says what is missing), of at most <paramref name="max"/> characters once trimmed.</summary>
    private static void Text(string? value, string field, int max, string required, List<DomainError> errors)
    {
        if (string.IsNullOrWhiteSpace(value)) errors.Add(DomainError.Invalid(field, required));
        else if (value.Trim().Length > max) errors.Add(DomainError.Invalid(field, $"At most {max} characters."));
    }
}
