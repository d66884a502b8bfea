namespace Platform.Domain.Concerns;

/// <summary>
/// What the council, moderators and the author do with a concern, as pure rules. Transitions:
/// open → acknowledged → answered → resolved; open or acknowledged → declined; open, acknowledged or
/// answered → resolved or withdrawn (by the author); any visible state → hidden → restored to where it was.
/// </summary>
public static class ConcernLifecycle
{
    /// <summary>The statuses each action may start from (the rules below refuse any other; pages offer an action only from these).</summary>
    public static readonly IReadOnlyList<ConcernStatus>
        AcknowledgeFrom = [ConcernStatus.Open],
        AnswerFrom = [ConcernStatus.Open, ConcernStatus.Acknowledged],
        DeclineFrom = [ConcernStatus.Open, ConcernStatus.Acknowledged],
        ResolveFrom = [ConcernStatus.Open, ConcernStatus.Acknowledged, ConcernStatus.Answered],
        HideFrom = [ConcernStatus.Open, ConcernStatus.Acknowledged, ConcernStatus.Answered, ConcernStatus.Resolved, ConcernStatus.Declined],
        RestoreFrom = [ConcernStatus.Hidden],
        WithdrawFrom = [ConcernStatus.Open, ConcernStatus.Acknowledged, ConcernStatus.Answered];

    public static Decision Acknowledge(Concern? concern, AcknowledgeConcern command, Guid officialId, int responseDays, DateTimeOffset now)
    {
        if (Refusal(concern, "acknowledge", AcknowledgeFrom) is { } refused) return refused;
        if (Text(command.Department, "department", ConcernRules.DepartmentMaxLength) is { } invalid) return Decision.Refuse(invalid);
        return Decision.Accept(new ConcernAcknowledged(concern!.Id, officialId, command.Department!.Trim(), now.AddDays(responseDays), now));
    }

    public static Decision Answer(Concern? concern, AnswerConcern command, Guid officialId, DateTimeOffset now)
    {
        if (Refusal(concern, "answer", AnswerFrom) is { } refused) return refused;
        if (Text(command.Answer, "answer", ConcernRules.ResponseMaxLength) is { } invalid) return Decision.Refuse(invalid);
        return Decision.Accept(new ConcernAnswered(concern!.Id, officialId, command.Answer!.Trim(), now));
    }

    public static Decision Decline(Concern? concern, DeclineConcern command, Guid officialId, DateTimeOffset now)
    {
        if (Refusal(concern, "decline", DeclineFrom) is { } refused) return refused;
        if (Text(command.Reason, "reason", ConcernRules.ResponseMaxLength) is { } invalid) return Decision.Refuse(invalid);
        return Decision.Accept(new ConcernDeclined(concern!.Id, officialId, command.Reason!.Trim(), now));
    }

    public static Decision Resolve(Concern? concern, ResolveConcern command, Guid officialId, DateTimeOffset now)
    {
        if (Refusal(concern, "resolve", ResolveFrom) is { } refused) return refused;
        if (command.Note is { Length: > ConcernRules.ResponseMaxLength })
            return Decision.Refuse(DomainError.Invalid("note", $"The note may have at most {ConcernRules.ResponseMaxLength} characters."));
        return Decision.Accept(new ConcernResolved(concern!.Id, officialId, string.IsNullOrWhiteSpace(command.Note) ? null : command.Note.Trim(), now));
    }

    public static Decision Hide(Concern? concern, ModerateConcern command, Guid moderatorId, DateTimeOffset now)
    {
        if (Refusal(concern, "hide", HideFrom) is { } refused) return refused;
        if (Text(command.Reason, "reason", ConcernRules.ResponseMaxLength) is { } invalid) return Decision.Refuse(invalid);
        return Decision.Accept(new ConcernHidden(concern!.Id, moderatorId, command.Reason!.Trim(), now));
    }

    /// <summary>A moderator removes the concern's text, in any status, once: a reason is required and published.</summary>
    public static Decision Redact(Concern? concern, ModerateConcern command, Guid moderatorId, DateTimeOffset now)
    {
        if (concern is null) return Decision.Refuse(DomainError.NotFound("concern"));
        if (concern.Redacted) return Decision.Refuse(DomainError.Conflict("concern-redacted", "The concern's text is removed already."));
        if (Text(command.Reason, "reason", ConcernRules.ResponseMaxLength) is { } invalid) return Decision.Refuse(invalid);
        return Decision.Accept(new ConcernRedacted(concern.Id, moderatorId, command.Reason!.Trim(), now));
    }

    public static Decision Restore(Concern? concern, ModerateConcern command, Guid moderatorId, DateTimeOffset now)
    {
        if (Refusal(concern, "restore", RestoreFrom) is { } refused) return refused;
        if (Text(command.Reason, "reason", ConcernRules.ResponseMaxLength) is { } invalid) return Decision.Refuse(invalid);
        return Decision.Accept(new ConcernRestored(concern!.Id, moderatorId, command.Reason!.Trim(), now));
    }

    /// <summary>
    /// Only the author withdraws, and only while the council has not closed the concern. The author is known by their
    /// account id, or, for an anonymous concern, by their pseudonym (<paramref name="callerPseudonym"/>).
    /// </summary>
    public static Decision Withdraw(Concern? concern, Guid callerId, Guid callerPseudonym, DateTimeOffset now)
    {
        if (concern is null) return Decision.Refuse(DomainError.NotFound("concern"));
        if (concern.AuthorId != callerId && concern.AuthorId != callerPseudonym)
            return Decision.Refuse(new DomainError(ErrorKind.Forbidden, "not-the-author", "Only the author can withdraw a concern."));
        if (Refusal(concern, "withdraw", WithdrawFrom) is { } refused) return refused;
        return Decision.Accept(new ConcernWithdrawn(concern.Id, now));
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

    private static DomainError? Text(string? value, string field, int max) =>
        string.IsNullOrWhiteSpace(value) ? DomainError.Invalid(field, $"The {field} is required.")
        : value.Trim().Length > max ? DomainError.Invalid(field, $"The {field} may have at most {max} characters.")
        : null;
}
