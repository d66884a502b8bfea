using Platform.Domain.Reference;

namespace Platform.Domain.Commitments;

/// <summary>
/// The rules of commitments, as pure functions of command, state and time. Lifecycle: published (active)
/// → fulfilled or abandoned; while active, milestones are planned, progress reported and the deadline
/// changed; the scheduler marks it overdue when its due date ends unfulfilled.
/// </summary>
public static class CommitmentDecider
{
    /// <summary>Origins of these kinds must name something that exists in the city (the caller looks them up).</summary>
    public static bool IsChecked(OriginKind kind) => kind is OriginKind.Concern or OriginKind.Consultation or OriginKind.Proposal or OriginKind.TownHall;

    /// <summary>
    /// Publishes a new commitment (<paramref name="commitment"/> is null: the stream does not exist yet). The input is
    /// checked first; then what it names must exist: its checked origins and its parent, which must be an active
    /// top-level commitment.
    /// </summary>
    public static Decision Decide(PublishCommitment command, Commitment? commitment, DateTimeOffset now)
    {
        if (commitment is not null)
            return Decision.Refuse(DomainError.Conflict("commitment-exists", "A commitment with this id exists already."));
        var input = command.Input;
        var errors = new List<DomainError>();
        Check.Required(input.Title, "title", CommitmentRules.TitleMaxLength, errors);
        Check.MaxLength(input.Description, "description", CommitmentRules.DescriptionMaxLength, errors);
        Check.Required(input.Department, "department", CommitmentRules.DepartmentMaxLength, errors);

        var catalogue = ReferenceCatalogue.Default;
        if (input.Rights is null || input.Rights.Count == 0)
            errors.Add(DomainError.Invalid("rights", "Name at least one right the commitment serves (a code from the rights catalogue)."));
        else Check.Codes(input.Rights, "rights", CommitmentRules.MaxTags, catalogue.IsRight, "is not a right of the catalogue", errors);
        Check.Codes(input.SdgTargets, "sdgTargets", CommitmentRules.MaxTags, catalogue.IsSdgTarget, "is not a known SDG target (such as 11.2 or 16.7)", errors);
        Check.Codes(input.IndicatorCodes, "indicatorCodes", CommitmentRules.MaxIndicators, catalogue.IsIndicator, "is not an indicator of the catalogue (such as IND-002)", errors);

        var today = DueDates.Today(now, command.Zone);
        if (input.DueDate is not { } dueDate)
            errors.Add(DomainError.Invalid("dueDate", "Say by when the commitment is due (yyyy-mm-dd)."));
        else if (dueDate < today)
            errors.Add(DomainError.Invalid("dueDate", "The due date cannot lie in the past."));
        else if (dueDate > today.AddYears(CommitmentRules.MaxYearsAhead))
            errors.Add(DomainError.Invalid("dueDate", $"The due date may lie at most {CommitmentRules.MaxYearsAhead} years ahead."));

        if (input.Budget is < 0 or > CommitmentRules.MaxBudget)
            errors.Add(DomainError.Invalid("budget", "The budget is an amount from 0 (or leave it out)."));

        if (input.ParentId is null && input.Weight is not null)
            errors.Add(DomainError.Invalid("weight", "A weight applies to sub-commitments only (give parentId)."));
        else if (input.Weight is <= 0 or > CommitmentRules.MaxWeight)
            errors.Add(DomainError.Invalid("weight", $"The weight is above 0 and at most {CommitmentRules.MaxWeight}."));
        if (input.ParentId == Guid.Empty)
            errors.Add(DomainError.Invalid("parentId", "The parent id cannot be empty."));

        var origins = new List<CommitmentOrigin>();
        var given = input.Origins ?? [];
        if (given.Count > CommitmentRules.MaxOrigins)
            errors.Add(DomainError.Invalid("origins", $"Name at most {CommitmentRules.MaxOrigins} origins."));
        else
            for (var i = 0; i < given.Count; i++)
            {
                if (given[i] is not { } o) errors.Add(DomainError.Invalid($"origins[{i}]", "An origin cannot be null."));
                else if (o.Kind is not { } kind || !Enum.IsDefined(kind))
                    errors.Add(DomainError.Invalid($"origins[{i}].kind", "Say what the commitment answers: concern, proposal, consultation, townHall or recommendation."));
                else if (o.Id is not { } id || id == Guid.Empty)
                    errors.Add(DomainError.Invalid($"origins[{i}].id", "Give the id of the origin."));
                else if (!origins.Contains(new CommitmentOrigin(kind, id))) origins.Add(new CommitmentOrigin(kind, id));
            }
        if (errors.Count > 0) return Decision.Refuse(errors);

        // Well formed; now what it names must exist.
        for (var i = 0; i < given.Count; i++)
        {
            var origin = new CommitmentOrigin(given[i]!.Kind!.Value, given[i]!.Id!.Value);
            if (IsChecked(origin.Kind) && !command.KnownOrigins.Contains(origin))
                errors.Add(new DomainError(ErrorKind.NotFound, "origin-not-found",
                    $"The city has no {origin.Kind.ToString().ToLowerInvariant()} {origin.Id}.", $"origins[{i}]"));
        }
        if (input.ParentId is not null)
        {
            if (command.Parent is not { } parent)
                errors.Add(new DomainError(ErrorKind.NotFound, "parent-not-found", "The parent commitment does not exist.", "parentId"));
            else if (parent.ParentId is not null)
                errors.Add(DomainError.Rule("parent-is-sub-commitment", "Sub-commitments go one level deep: the parent is itself a sub-commitment.", "parentId"));
            else if (parent.Phase != CommitmentPhase.Active)
                errors.Add(new DomainError(ErrorKind.Conflict, $"parent-{parent.Phase.ToString().ToLowerInvariant()}",
                    $"The parent commitment is {parent.Phase.ToString().ToLowerInvariant()}; it takes no new sub-commitments.", "parentId"));
        }
        if (errors.Count > 0) return Decision.Refuse(errors);

        var due = input.DueDate!.Value;
        return Decision.Accept(new CommitmentPublished(
            command.CommitmentId,
            input.Title!.Trim(),
            input.Description?.Trim() ?? "",
            input.Rights!.Select(r => r!).Distinct(StringComparer.Ordinal).ToArray(),
            (input.SdgTargets ?? []).Select(t => t!).Distinct(StringComparer.Ordinal).ToArray(),
            (input.IndicatorCodes ?? []).Select(c => c!).Distinct(StringComparer.Ordinal).ToArray(),
            input.Department!.Trim(),
            due,
            DueDates.EndOf(due, command.Zone),
            input.Budget,
            origins.ToArray(),
            input.ParentId,
            input.ParentId is null ? 1m : input.Weight ?? 1m,
            command.OfficialId,
            now));
    }

    public static Decision Decide(PlanMilestone command, Commitment? commitment, DateTimeOffset now)
    {
        if (Refusal(commitment, "take new milestones") is { } refused) return refused;
        var errors = new List<DomainError>();
        Check.Required(command.Title, "title", CommitmentRules.TitleMaxLength, errors);
        if (command.DueDate is not { } dueDate)
            errors.Add(DomainError.Invalid("dueDate", "Say by when the milestone is due (yyyy-mm-dd)."));
        else if (dueDate > commitment!.DueDate)
            errors.Add(DomainError.Invalid("dueDate", $"A milestone is due on or before the commitment's due date ({commitment.DueDate:yyyy-MM-dd})."));
        if (commitment!.Milestones >= CommitmentRules.MaxMilestones)
            errors.Add(DomainError.Rule("too-many-milestones", $"A commitment has at most {CommitmentRules.MaxMilestones} milestones."));
        if (errors.Count > 0) return Decision.Refuse(errors);
        return Decision.Accept(new CommitmentMilestonePlanned(commitment.Id, command.MilestoneId, command.Title!.Trim(), command.DueDate!.Value, command.OfficialId, now));
    }

    public static Decision Decide(ReportProgress command, Commitment? commitment, DateTimeOffset now)
    {
        if (Refusal(commitment, "take progress reports") is { } refused) return refused;
        var errors = new List<DomainError>();
        if (command.Percent is not { } percent)
            errors.Add(DomainError.Invalid("percent", "Give the progress as a percent from 0 to 100."));
        else if (percent is < 0 or > 100)
            errors.Add(DomainError.Invalid("percent", "The progress is a percent from 0 to 100."));
        Check.MaxLength(command.Note, "note", CommitmentRules.TextMaxLength, errors);
        var evidence = Evidence(command.EvidenceUrl, required: false, errors);
        if (errors.Count > 0) return Decision.Refuse(errors);
        return Decision.Accept(new CommitmentProgressReported(commitment!.Id, command.Percent!.Value, command.Note?.Trim() ?? "", evidence, command.OfficialId, now, commitment.ParentId));
    }

    public static Decision Decide(ChangeDeadline command, Commitment? commitment, DateTimeOffset now)
    {
        if (Refusal(commitment, "have its deadline changed") is { } refused) return refused;
        var errors = new List<DomainError>();
        var today = DueDates.Today(now, command.Zone);
        if (command.DueDate is not { } dueDate)
            errors.Add(DomainError.Invalid("dueDate", "Give the new due date (yyyy-mm-dd)."));
        else if (dueDate == commitment!.DueDate)
            errors.Add(DomainError.Invalid("dueDate", "The new due date is the current one."));
        else if (dueDate < today)
            errors.Add(DomainError.Invalid("dueDate", "The new due date cannot lie in the past."));
        else if (dueDate > today.AddYears(CommitmentRules.MaxYearsAhead))
            errors.Add(DomainError.Invalid("dueDate", $"The due date may lie at most {CommitmentRules.MaxYearsAhead} years ahead."));
        Check.Required(command.Reason, "reason", CommitmentRules.TextMaxLength, errors);
        if (errors.Count > 0) return Decision.Refuse(errors);
        var newDue = command.DueDate!.Value;
        return Decision.Accept(new CommitmentDeadlineChanged(commitment!.Id, commitment.DueDate, newDue, DueDates.EndOf(newDue, command.Zone), command.Reason!.Trim(), command.OfficialId, now));
    }

    public static Decision Decide(FulfilCommitment command, Commitment? commitment, DateTimeOffset now)
    {
        if (Refusal(commitment, "be fulfilled") is { } refused) return refused;
        var errors = new List<DomainError>();
        var evidence = Evidence(command.EvidenceUrl, required: true, errors);
        Check.MaxLength(command.Note, "note", CommitmentRules.TextMaxLength, errors);
        if (errors.Count > 0) return Decision.Refuse(errors);
        return Decision.Accept(new CommitmentFulfilled(commitment!.Id, evidence!, Check.Optional(command.Note), command.OfficialId, now, commitment.ParentId));
    }

    public static Decision Decide(AbandonCommitment command, Commitment? commitment, DateTimeOffset now)
    {
        if (Refusal(commitment, "be abandoned") is { } refused) return refused;
        var errors = new List<DomainError>();
        Check.Required(command.Reason, "reason", CommitmentRules.TextMaxLength, errors);
        if (errors.Count > 0) return Decision.Refuse(errors);
        return Decision.Accept(new CommitmentAbandoned(commitment!.Id, command.Reason!.Trim(), command.OfficialId, now, commitment.ParentId));
    }

    /// <summary>
    /// Links an origin to a published commitment (a proposal accepted into it). Any commitment of the city
    /// may be linked, also a fulfilled or abandoned one: the council may accept a proposal by pointing at
    /// what it already did or gave up, and the record should say so. Linking an origin it has is no change.
    /// </summary>
    public static Decision Decide(LinkCommitmentOrigin command, Commitment? commitment, DateTimeOffset now)
    {
        if (commitment is null) return Decision.Refuse(DomainError.NotFound("commitment"));
        if (commitment.Origins.Contains(command.Origin)) return Decision.NoChange;
        if (commitment.Origins.Length >= CommitmentRules.MaxOrigins)
            return Decision.Refuse(DomainError.Rule("too-many-origins", $"A commitment answers at most {CommitmentRules.MaxOrigins} origins."));
        return Decision.Accept(new CommitmentOriginLinked(commitment.Id, command.Origin, command.OfficialId, now));
    }

    /// <summary>
    /// The scheduled check. A stale check (the deadline moved since it was scheduled), a settled or an
    /// already overdue commitment changes nothing; one that arrives before the due date ended is refused
    /// (<c>commitment-not-yet-due</c>) so the caller can schedule it again.
    /// </summary>
    public static Decision Decide(MarkCommitmentOverdue command, Commitment? commitment, DateTimeOffset now)
    {
        if (commitment is null) return Decision.Refuse(DomainError.NotFound("commitment"));
        if (commitment.DueDate != command.DueDate || commitment.Phase != CommitmentPhase.Active || commitment.Overdue) return Decision.NoChange;
        if (now < commitment.DueAt)
            return Decision.Refuse(DomainError.Rule("commitment-not-yet-due", $"The commitment is due by {commitment.DueAt:O}."));
        return Decision.Accept(new CommitmentOverdue(commitment.Id, commitment.DueDate, now));
    }

    private static Decision? Refusal(Commitment? commitment, string action)
    {
        if (commitment is null) return Decision.Refuse(DomainError.NotFound("commitment"));
        if (commitment.Phase == CommitmentPhase.Active) return null;
        var phase = commitment.Phase.ToString().ToLowerInvariant();
        return Decision.Refuse(DomainError.Conflict($"commitment-{phase}", $"A {phase} commitment cannot {action}."));
    }

    /// <summary>Evidence is a link anyone can open: an absolute http or https URL.</summary>
    private static string? Evidence(string? value, bool required, List<DomainError> errors) =>
        Check.Url(value, "evidenceUrl", CommitmentRules.UrlMaxLength, required,
            "Link the evidence (an http or https URL).", "The evidence link must be an absolute http or https URL.", errors);
}
