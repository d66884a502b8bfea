using Platform.Domain.Reference;

namespace Platform.Domain.Concerns;

/// <summary>
/// The rules of rights concerns, as pure functions of command, state and time: <c>Decide(command, state, now)</c>,
/// one overload per command (the state is null for a concern not raised yet).
/// </summary>
public static class ConcernDecider
{
    /// <summary>Raise a concern: a new stream (a concern of that id already raised is a conflict).</summary>
    public static Decision Decide(RaiseConcern command, Concern? concern, DateTimeOffset now)
    {
        if (concern is not null) return Decision.Refuse(DomainError.Conflict("concern-exists", "A concern of that id is raised already."));
        var errors = new List<DomainError>();
        CheckDescribed(command.Title, command.Description, command.Rights, command.SdgTargets, command.District, ReferenceCatalogue.Default, errors);
        ConcernGroupTagging.CheckGroups(command.Groups, errors);
        if (errors.Count > 0) return Decision.Refuse(errors);

        var raised = new ConcernRaised(
            command.ConcernId,
            command.Title!.Trim(),
            command.Description?.Trim() ?? "",
            command.Rights!.Distinct(StringComparer.Ordinal).ToArray(),
            (command.SdgTargets ?? []).Distinct(StringComparer.Ordinal).ToArray(),
            Check.Optional(command.District),
            command.AuthorId,
            command.Anonymous,
            now);
        return ConcernGroupTagging.AtRaising(command, now) is { } tagged ? Decision.Accept(raised, tagged) : Decision.Accept(raised);
    }

    /// <summary>
    /// Support a concern. <c>state.Mine</c> is the resident's existing support stream state, if any.
    /// Supporting twice is not an error: it changes nothing (see README, "One resident, one voice").
    /// </summary>
    public static Decision Decide(SupportConcern command, Participation<Concern, ResidentSupport>? state, DateTimeOffset now)
    {
        if (Residency.Refusal(command.VerifiedResidencyRequired, command.VerifiedResident) is { } refused) return refused;
        if (EmailVerification.Refusal(command.VerifiedEmailRequired, command.VerifiedEmail) is { } unverified) return unverified;
        if (state?.Item is not { } concern) return Decision.Refuse(DomainError.NotFound("concern"));
        if (!concern.AcceptsSupport)
            return Decision.Refuse(DomainError.Rule("concern-not-supportable", $"A concern that is {concern.Status.ToString().ToLowerInvariant()} cannot receive supports."));
        if (state.Mine is { Active: true }) return Decision.NoChange;
        return Decision.Accept(new ConcernSupported(command.ConcernId, command.ResidentId, now));
    }

    public static Decision Decide(WithdrawConcernSupport command, Participation<Concern, ResidentSupport>? state, DateTimeOffset now)
    {
        if (state?.Item is null) return Decision.Refuse(DomainError.NotFound("concern"));
        if (state.Mine is not { Active: true }) return Decision.NoChange;
        return Decision.Accept(new ConcernSupportWithdrawn(command.ConcernId, command.ResidentId, now));
    }

    /// <summary>
    /// The checks of what a resident writes to describe a concern or a proposal (title, description, rights, SDG
    /// targets, district): the same rules, field names and messages for both.
    /// </summary>
    public static void CheckDescribed(string? title, string? description, IReadOnlyList<string>? rights, IReadOnlyList<string>? sdgTargets,
        string? district, ReferenceCatalogue catalogue, List<DomainError> errors)
    {
        if (string.IsNullOrWhiteSpace(title)) errors.Add(DomainError.Invalid("title", "A title is required."));
        else Check.MaxLength(title.Trim(), "title", ConcernRules.TitleMaxLength, errors);
        Check.MaxLength(description, "description", ConcernRules.DescriptionMaxLength, errors);
        Check.MaxLength(district, "district", ConcernRules.DistrictMaxLength, errors);

        if (rights is null || rights.Count == 0)
            errors.Add(DomainError.Invalid("rights", "Name at least one right at stake (a code from the rights catalogue)."));
        else if (rights.Count > ConcernRules.MaxTags)
            errors.Add(DomainError.Invalid("rights", $"Name at most {ConcernRules.MaxTags} rights."));
        else Check.Codes(rights, "rights", ConcernRules.MaxTags, catalogue.IsRight, "is not a right of the catalogue", errors);

        if (sdgTargets is { Count: > ConcernRules.MaxTags })
            errors.Add(DomainError.Invalid("sdgTargets", $"Name at most {ConcernRules.MaxTags} SDG targets."));
        else Check.Codes(sdgTargets, "sdgTargets", ConcernRules.MaxTags, catalogue.IsSdgTarget, "is not a known SDG target (such as 11.2 or 16.7)", errors);
    }

    /// <summary>The statuses each action may start from (the rules below refuse any other; pages offer an action only from these).</summary>
    public static readonly IReadOnlyList<ConcernStatus>
        AcknowledgeFrom = [ConcernStatus.Open],
        AnswerFrom = [ConcernStatus.Open, ConcernStatus.Acknowledged],
        DeclineFrom = [ConcernStatus.Open, ConcernStatus.Acknowledged],
        ResolveFrom = [ConcernStatus.Open, ConcernStatus.Acknowledged, ConcernStatus.Answered],
        HideFrom = [ConcernStatus.Open, ConcernStatus.Acknowledged, ConcernStatus.Answered, ConcernStatus.Resolved, ConcernStatus.Declined],
        RestoreFrom = [ConcernStatus.Hidden],
        WithdrawFrom = [ConcernStatus.Open, ConcernStatus.Acknowledged, ConcernStatus.Answered];

    // What the council, moderators and the author do with a concern. Transitions: open → acknowledged → answered →
    // resolved; open or acknowledged → declined; open, acknowledged or answered → resolved or withdrawn (by the
    // author); any visible state → hidden → restored to where it was.

    public static Decision Decide(AcknowledgeConcern command, Concern? concern, DateTimeOffset now) =>
        Said(concern, "acknowledge", AcknowledgeFrom, command.Department, "department", ConcernRules.DepartmentMaxLength,
            department => new ConcernAcknowledged(concern!.Id, command.OfficialId, department, now.AddDays(command.ResponseDays), now));

    public static Decision Decide(AnswerConcern command, Concern? concern, DateTimeOffset now) =>
        Said(concern, "answer", AnswerFrom, command.Answer, "answer", ConcernRules.ResponseMaxLength,
            answer => new ConcernAnswered(concern!.Id, command.OfficialId, answer, now));

    public static Decision Decide(DeclineConcern command, Concern? concern, DateTimeOffset now) =>
        Said(concern, "decline", DeclineFrom, command.Reason, "reason", ConcernRules.ResponseMaxLength,
            reason => new ConcernDeclined(concern!.Id, command.OfficialId, reason, now));

    public static Decision Decide(ResolveConcern command, Concern? concern, DateTimeOffset now)
    {
        if (Refusal(concern, "resolve", ResolveFrom) is { } refused) return refused;
        var errors = new List<DomainError>();
        Check.MaxLength(command.Note, "note", ConcernRules.ResponseMaxLength, errors);
        if (errors.Count > 0) return Decision.Refuse(errors);
        return Decision.Accept(new ConcernResolved(concern!.Id, command.OfficialId, Check.Optional(command.Note), now));
    }

    public static Decision Decide(HideConcern command, Concern? concern, DateTimeOffset now) =>
        Said(concern, "hide", HideFrom, command.Reason, "reason", ConcernRules.ResponseMaxLength,
            reason => new ConcernHidden(concern!.Id, command.ModeratorId, reason, now));

    /// <summary>
    /// A moderator removes the concern's text, in any status, once: a reason is required and published. A concern
    /// whose text is removed already refuses with the conflict <see cref="AlreadyRedacted"/>.
    /// </summary>
    public static Decision Decide(RedactConcern command, Concern? concern, DateTimeOffset now)
    {
        if (concern is null) return Decision.Refuse(DomainError.NotFound("concern"));
        if (concern.Redacted) return Decision.Refuse(AlreadyRedacted);
        if (Check.RequiredError(command.Reason, "reason", ConcernRules.ResponseMaxLength) is { } invalid) return Decision.Refuse(invalid);
        return Decision.Accept(new ConcernRedacted(concern.Id, command.ModeratorId, command.Reason!.Trim(), now));
    }

    /// <summary>The refusal of a second redaction.</summary>
    public static readonly DomainError AlreadyRedacted = DomainError.Conflict("concern-redacted", "The concern's text is removed already.");

    public static Decision Decide(RestoreConcern command, Concern? concern, DateTimeOffset now) =>
        Said(concern, "restore", RestoreFrom, command.Reason, "reason", ConcernRules.ResponseMaxLength,
            reason => new ConcernRestored(concern!.Id, command.ModeratorId, reason, now));

    /// <summary>
    /// Only the author withdraws, and only while the council has not closed the concern. The author is known by their
    /// account id, or, for an anonymous concern, by their pseudonym.
    /// </summary>
    public static Decision Decide(WithdrawConcern command, Concern? concern, DateTimeOffset now)
    {
        if (concern is null) return Decision.Refuse(DomainError.NotFound("concern"));
        if (concern.AuthorId != command.AccountId && concern.AuthorId != command.Pseudonym)
            return Decision.Refuse(new DomainError(ErrorKind.Forbidden, "not-the-author", "Only the author can withdraw a concern."));
        if (Refusal(concern, "withdraw", WithdrawFrom) is { } refused) return refused;
        return Decision.Accept(new ConcernWithdrawn(concern.Id, now));
    }

    /// <summary>The statuses whose answer or resolution may be contested.</summary>
    public static readonly IReadOnlyList<ConcernStatus> ContestFrom = [ConcernStatus.Answered, ConcernStatus.Resolved];

    /// <summary>
    /// The author, or a supporter, contests the council's answer or resolution within <see cref="ConcernRules.ContestDays"/>
    /// of it, with a reason. The author's contest reopens the concern; supporters' contests reopen it once
    /// <see cref="ConcernRules.SupporterContestsToReopen"/> of them contested. Reopened, the concern is acknowledged
    /// again and a new answer is due within the city's response days. A second contest by the same person changes nothing.
    /// </summary>
    public static Decision Decide(ContestConcern command, Concern? concern, DateTimeOffset now)
    {
        if (Standing(concern, command.AccountId, command.Pseudonym, command.Supporter, "contest") is { } refused) return refused;
        if (Check.RequiredError(command.Reason, "reason", ConcernRules.ContestReasonMaxLength) is { } invalid) return Decision.Refuse(invalid);
        if (concern!.Contesters.Contains(command.Pseudonym)) return Decision.NoChange;
        if (!ContestFrom.Contains(concern.Status) || concern.ContestableSince is not { } since)
            return Decision.Refuse(DomainError.Rule("concern-not-contestable", "Only an answer or a resolution can be contested."));
        if (now > ContestableUntil(since))
            return Decision.Refuse(DomainError.Rule("contest-period-over", $"An answer or a resolution can be contested within {ConcernRules.ContestDays} days only."));

        var reason = command.Reason!.Trim();
        var contested = new ConcernContested(concern.Id, command.Pseudonym, reason, now);
        var author = IsAuthor(concern, command.AccountId, command.Pseudonym);
        return author || concern.Contesters.Length + 1 >= ConcernRules.SupporterContestsToReopen
            ? Decision.Accept(contested, new ConcernReopened(concern.Id, reason, now.AddDays(command.ResponseDays), now))
            : Decision.Accept(contested);
    }

    /// <summary>The last moment an answer or resolution given at <paramref name="since"/> may be contested.</summary>
    public static DateTimeOffset ContestableUntil(DateTimeOffset since) => since.AddDays(ConcernRules.ContestDays);

    /// <summary>
    /// The author or a supporter takes the concern to the city's independent body, once its response deadline passed
    /// <see cref="ConcernRules.EscalateAfterMissedDeadlines"/> times or contests reopened it
    /// <see cref="ConcernRules.EscalateAfterReopens"/> times. An escalation awaiting its finding changes nothing when
    /// asked again; a concern with a finding is not escalated again.
    /// </summary>
    public static Decision Decide(EscalateConcern command, Concern? concern, DateTimeOffset now)
    {
        if (Standing(concern, command.AccountId, command.Pseudonym, command.Supporter, "escalate") is { } refused) return refused;
        if (Check.RequiredError(command.Reason, "reason", ConcernRules.ContestReasonMaxLength) is { } invalid) return Decision.Refuse(invalid);
        if (concern!.FindingRecorded)
            return Decision.Refuse(DomainError.Rule("escalation-decided", "The independent body recorded its finding on this concern already."));
        if (concern.Escalated) return Decision.NoChange;
        if (concern.Status is ConcernStatus.Hidden or ConcernStatus.Withdrawn)
            return Decision.Refuse(DomainError.Rule("concern-not-escalatable", $"A concern that is {concern.Status.ToString().ToLowerInvariant()} cannot be escalated."));
        if (!MayEscalate(concern, now))
            return Decision.Refuse(DomainError.Rule("escalation-not-due",
                $"A concern can be escalated once the council missed its response deadline {ConcernRules.EscalateAfterMissedDeadlines} times, or once contests reopened it {ConcernRules.EscalateAfterReopens} times."));
        return Decision.Accept(new ConcernEscalated(concern.Id, command.Pseudonym, command.Reason!.Trim(), now));
    }

    /// <summary>Whether the concern qualifies for the independent body by <paramref name="now"/> (and was not escalated yet).</summary>
    public static bool MayEscalate(Concern concern, DateTimeOffset now) =>
        !concern.Escalated && concern.Status is not (ConcernStatus.Hidden or ConcernStatus.Withdrawn)
        && (concern.MissedDeadlinesAt(now) >= ConcernRules.EscalateAfterMissedDeadlines || concern.Reopens >= ConcernRules.EscalateAfterReopens);

    /// <summary>
    /// A member of the independent body records its finding (the role is checked by the faces): the finding's text and
    /// one of <see cref="ConcernRules.EscalationOutcomes"/>, once per escalation.
    /// </summary>
    public static Decision Decide(RecordEscalationFinding command, Concern? concern, DateTimeOffset now)
    {
        if (concern is null) return Decision.Refuse(DomainError.NotFound("concern"));
        var errors = new List<DomainError>();
        Check.Required(command.Finding, "finding", ConcernRules.ResponseMaxLength, errors);
        if (command.Outcome is not { } outcome || !ConcernRules.EscalationOutcomes.Contains(outcome))
            errors.Add(DomainError.Invalid("outcome", $"Name the outcome: {string.Join(", ", ConcernRules.EscalationOutcomes)}."));
        if (errors.Count > 0) return Decision.Refuse(errors);
        if (!concern.Escalated) return Decision.Refuse(DomainError.Rule("concern-not-escalated", "Only an escalated concern gets a finding."));
        if (concern.FindingRecorded) return Decision.Refuse(DomainError.Conflict("finding-recorded", "The finding on this concern is recorded already."));
        return Decision.Accept(new EscalationFindingRecorded(concern.Id, command.BodyMemberId, command.Finding!.Trim(), command.Outcome!, now));
    }

    private static bool IsAuthor(Concern concern, Guid account, Guid pseudonym) => concern.AuthorId == account || concern.AuthorId == pseudonym;

    /// <summary>Contests and escalations are for the concern's author and its supporters (403 for anyone else).</summary>
    private static Decision? Standing(Concern? concern, Guid account, Guid pseudonym, bool supporter, string action)
    {
        if (concern is null) return Decision.Refuse(DomainError.NotFound("concern"));
        if (supporter || IsAuthor(concern, account, pseudonym)) return null;
        return Decision.Refuse(new DomainError(ErrorKind.Forbidden, "not-author-or-supporter", $"Only the author or a supporter of the concern can {action} it."));
    }

    /// <summary>
    /// An action that starts from the statuses <paramref name="allowed"/> and must say something (a department, an
    /// answer, a reason): <paramref name="happened"/> is the event, given the trimmed text.
    /// </summary>
    private static Decision Said(Concern? concern, string action, IReadOnlyList<ConcernStatus> allowed, string? text, string field, int max,
        Func<string, object> happened)
    {
        if (Refusal(concern, action, allowed) is { } refused) return refused;
        if (Check.RequiredError(text, field, max) is { } invalid) return Decision.Refuse(invalid);
        return Decision.Accept(happened(text!.Trim()));
    }

    private static Decision? Refusal(Concern? concern, string action, IReadOnlyList<ConcernStatus> allowed)
    {
        if (concern is null) return Decision.Refuse(DomainError.NotFound("concern"));
        if (allowed.Contains(concern.Status)) return null;
        var status = concern.Status.ToString().ToLowerInvariant();
        return Decision.Refuse(DomainError.Conflict($"concern-{status}", $"A concern that is {status} cannot be {Past(action)}."));
    }

    private static string Past(string action) => action switch
    {
        "hide" => "hidden",
        "withdraw" => "withdrawn",
        _ => action.EndsWith('e') ? action + "d" : action + "ed",
    };
}
