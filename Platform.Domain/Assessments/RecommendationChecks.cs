namespace Platform.Domain.Assessments;

/// <summary>
/// The checks of a city's answer to a recommendation and of a follow-up report, in one home for every kind of
/// recommendation the city answers: a peer review's (<see cref="AssessmentDecider"/>) and the UN's
/// (<c>UnRecommendationDecider</c>). Each adds the errors naming the field at fault to <c>errors</c>.
/// </summary>
public static class RecommendationChecks
{
    /// <summary>
    /// The response (<c>supported</c> or <c>noted</c>) and its note, trimmed: a noted recommendation needs a note saying why.
    /// The response is meaningful only when no error was added.
    /// </summary>
    public static (RecommendationResponse Response, string? Note) Answer(string? response, string? note, List<DomainError> errors)
    {
        var before = errors.Count;
        if (!AssessmentRules.TryParseName<RecommendationResponse>(response, out var parsed))
            errors.Add(DomainError.Invalid("response", "The response is supported or noted."));
        var trimmed = Check.Optional(note);
        Check.MaxLength(trimmed, "note", AssessmentRules.NoteMaxLength, errors);
        if (trimmed is null && errors.Count == before && parsed == RecommendationResponse.Noted)
            errors.Add(DomainError.Invalid("note", "Say why the recommendation is only noted."));
        return (parsed, trimmed);
    }

    /// <summary>
    /// A follow-up report: what was done (required), its date (not in the future, a day of slack for time zones) and
    /// where the implementation stands. The values are meaningful only when no error was added.
    /// </summary>
    public static (string Text, DateOnly Date, FollowUpStatus Status) FollowUp(string? text, DateOnly? date, string? status, DateTimeOffset now,
        List<DomainError> errors)
    {
        Check.Required(text, "text", AssessmentRules.FollowUpMaxLength, errors);
        if (date is null)
            errors.Add(DomainError.Invalid("date", "Give the date of the follow-up (yyyy-mm-dd)."));
        else if (date > DateOnly.FromDateTime(now.UtcDateTime).AddDays(1))
            errors.Add(DomainError.Invalid("date", "The follow-up date cannot lie in the future."));
        if (!AssessmentRules.TryParseName<FollowUpStatus>(status, out var parsed))
            errors.Add(DomainError.Invalid("status", "The status is one of notStarted, inProgress, partlyImplemented, implemented."));
        return (text?.Trim() ?? "", date ?? default, parsed);
    }
}
