using System.Text.RegularExpressions;

namespace Platform.Domain.Consultations;

/// <summary>The rules of consultations, as pure functions of command, state and time.</summary>
public static partial class ConsultationDecider
{
    /// <summary>Drafts a new consultation (<paramref name="consultation"/> is null: the stream does not exist yet).</summary>
    public static Decision Decide(DraftConsultation command, Consultation? consultation, DateTimeOffset now)
    {
        if (consultation is not null)
            return Decision.Refuse(DomainError.Conflict("consultation-exists", "A consultation with this id exists already."));
        var errors = new List<DomainError>();
        if (string.IsNullOrWhiteSpace(command.Title)) errors.Add(DomainError.Invalid("title", "A title is required."));
        else Check.Required(command.Title, "title", ConsultationRules.TitleMaxLength, errors);
        Check.MaxLength(command.Description, "description", ConsultationRules.DescriptionMaxLength, errors);
        if (errors.Count > 0) return Decision.Refuse(errors);

        return Decision.Accept(new ConsultationDrafted(command.ConsultationId, command.Title!.Trim(), command.Description?.Trim() ?? "", command.OfficialId, now));
    }

    public static Decision Decide(OpenConsultation command, Consultation? consultation, DateTimeOffset now)
    {
        if (consultation is null) return Decision.Refuse(DomainError.NotFound("consultation"));
        if (consultation.Status != ConsultationStatus.Draft)
            return Decision.Refuse(DomainError.Conflict("consultation-already-opened", "Only a draft consultation can be opened; this one was opened already."));

        var errors = new List<DomainError>();
        var opensAt = command.OpensAt ?? now;
        if (opensAt < now - ConsultationRules.OpensAtTolerance)
            errors.Add(DomainError.Invalid("opensAt", "The window cannot open in the past."));
        if (command.ClosesAt is not { } closesAt)
            errors.Add(DomainError.Invalid("closesAt", "Say when the consultation closes."));
        else if (closesAt <= opensAt || closesAt <= now)
            errors.Add(DomainError.Invalid("closesAt", "The window must close in the future, after it opens."));
        else if (closesAt - opensAt > ConsultationRules.MaxWindow)
            errors.Add(DomainError.Invalid("closesAt", $"A consultation may stay open at most {ConsultationRules.MaxWindow.TotalDays} days."));

        var questions = ValidateQuestions(command.Questions, errors);
        if (errors.Count > 0) return Decision.Refuse(errors);

        return Decision.Accept(new ConsultationOpened(consultation.Id, opensAt, command.ClosesAt!.Value, questions, command.OfficialId, now));
    }

    /// <summary>
    /// A resident's first response (<c>state.Mine</c> is null) or an amendment of it.
    /// Answering twice is a 409 (amend instead); amending without a response is a 404.
    /// </summary>
    public static Decision Decide(SubmitConsultationResponse command, Participation<Consultation, ResidentResponse>? state, DateTimeOffset now)
    {
        if (Residency.Refusal(command.VerifiedResidencyRequired, command.VerifiedResident) is { } refused) return refused;
        if (EmailVerification.Refusal(command.VerifiedEmailRequired, command.VerifiedEmail) is { } unverified) return unverified;
        var consultation = state?.Item;
        var existing = state?.Mine;
        if (consultation is null || consultation.Status == ConsultationStatus.Draft)
            return Decision.Refuse(DomainError.NotFound("consultation"));
        if (consultation.Status != ConsultationStatus.Open || now >= consultation.ClosesAt)
            return Decision.Refuse(DomainError.Conflict("consultation-closed", "The consultation is closed; it takes no more answers."));
        if (now < consultation.OpensAt)
            return Decision.Refuse(DomainError.Conflict("consultation-not-yet-open", $"The consultation opens at {consultation.OpensAt:O}."));
        if (command.Amend && existing is null)
            return Decision.Refuse(DomainError.NotFound("response"));
        if (!command.Amend && existing is not null)
            return Decision.Refuse(DomainError.Conflict("already-responded", "You have answered this consultation already; amend your response instead."));

        var errors = new List<DomainError>();
        var answers = ValidateAnswers(command.Answers, consultation.Questions, errors);
        if (errors.Count > 0) return Decision.Refuse(errors);

        return Decision.Accept(new ConsultationResponseSubmitted(consultation.Id, command.ResidentId, answers, command.Amend, now));
    }

    /// <summary>
    /// Closes an open consultation whose window has ended. Closing one that is not open changes nothing,
    /// so a repeated or late close message is harmless. Before the end of the window it is refused.
    /// </summary>
    public static Decision Decide(CloseConsultation command, Consultation? consultation, DateTimeOffset now)
    {
        if (consultation is null) return Decision.Refuse(DomainError.NotFound("consultation"));
        if (consultation.Status != ConsultationStatus.Open) return Decision.NoChange;
        if (now < consultation.ClosesAt)
            return Decision.Refuse(DomainError.Rule("consultation-window-not-over", $"The consultation closes at {consultation.ClosesAt:O}."));
        return Decision.Accept(new ConsultationClosed(command.ConsultationId, now));
    }

    public static Decision Decide(PublishConsultationOutcome command, Consultation? consultation, DateTimeOffset now)
    {
        if (consultation is null) return Decision.Refuse(DomainError.NotFound("consultation"));
        if (consultation.Status == ConsultationStatus.OutcomePublished)
            return Decision.Refuse(DomainError.Conflict("outcome-already-published", "The outcome of this consultation was published already."));
        if (consultation.Status != ConsultationStatus.Closed)
            return Decision.Refuse(DomainError.Rule("consultation-not-closed", "An outcome can be published once the consultation has closed."));

        var errors = new List<DomainError>();
        if (string.IsNullOrWhiteSpace(command.Summary)) errors.Add(DomainError.Invalid("summary", "A summary of the outcome is required."));
        else Check.Required(command.Summary, "summary", ConsultationRules.SummaryMaxLength, errors);
        var commitments = command.CommitmentIds ?? [];
        if (commitments.Count > ConsultationRules.MaxCommitments)
            errors.Add(DomainError.Invalid("commitmentIds", $"Name at most {ConsultationRules.MaxCommitments} commitments."));
        else
            for (var i = 0; i < commitments.Count; i++)
                if (commitments[i] == Guid.Empty)
                    errors.Add(DomainError.Invalid($"commitmentIds[{i}]", "A commitment id cannot be empty."));
        if (errors.Count > 0) return Decision.Refuse(errors);

        return Decision.Accept(new ConsultationOutcomePublished(consultation.Id, command.OfficialId, command.Summary!.Trim(), commitments.Distinct().ToArray(), now));
    }

    [GeneratedRegex("^[A-Za-z0-9_-]+$")]
    private static partial Regex QuestionIdPattern();

    private static ConsultationQuestion[] ValidateQuestions(IReadOnlyList<QuestionInput?>? questions, List<DomainError> errors)
    {
        if (questions is null || questions.Count == 0)
        {
            errors.Add(DomainError.Invalid("questions", "Ask at least one question."));
            return [];
        }
        if (questions.Count > ConsultationRules.MaxQuestions)
        {
            errors.Add(DomainError.Invalid("questions", $"Ask at most {ConsultationRules.MaxQuestions} questions."));
            return [];
        }

        var result = new List<ConsultationQuestion>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < questions.Count; i++)
        {
            var field = $"questions[{i}]";
            if (questions[i] is not { } q)
            {
                errors.Add(DomainError.Invalid(field, "A question cannot be null."));
                continue;
            }
            var before = errors.Count;
            var id = q.Id?.Trim();
            if (string.IsNullOrEmpty(id))
                errors.Add(DomainError.Invalid($"{field}.id", "Each question needs an id."));
            else if (id.Length > ConsultationRules.QuestionIdMaxLength || !QuestionIdPattern().IsMatch(id))
                errors.Add(DomainError.Invalid($"{field}.id", $"A question id has at most {ConsultationRules.QuestionIdMaxLength} letters, digits, '-' or '_'."));
            else if (!ids.Add(id))
                errors.Add(DomainError.Invalid($"{field}.id", $"The id '{id}' is used by an earlier question."));

            if (string.IsNullOrWhiteSpace(q.Text))
                errors.Add(DomainError.Invalid($"{field}.text", "Each question needs a text."));
            else if (q.Text.Trim().Length > ConsultationRules.QuestionTextMaxLength)
                errors.Add(DomainError.Invalid($"{field}.text", $"A question may have at most {ConsultationRules.QuestionTextMaxLength} characters."));

            if (q.Kind is not { } kind || !Enum.IsDefined(kind))
            {
                errors.Add(DomainError.Invalid($"{field}.kind", "Say what kind of question it is: singleChoice, multipleChoice, scale or freeText."));
                continue;
            }

            var options = q.Options ?? [];
            string[] cleaned = [];
            if (kind is QuestionKind.SingleChoice or QuestionKind.MultipleChoice)
            {
                if (options.Any(string.IsNullOrWhiteSpace))
                    errors.Add(DomainError.Invalid($"{field}.options", "Options cannot be empty."));
                else if (options.Any(o => o!.Trim().Length > ConsultationRules.OptionMaxLength))
                    errors.Add(DomainError.Invalid($"{field}.options", $"An option may have at most {ConsultationRules.OptionMaxLength} characters."));
                else
                {
                    cleaned = options.Select(o => o!.Trim()).ToArray();
                    if (cleaned.Distinct(StringComparer.Ordinal).Count() != cleaned.Length)
                        errors.Add(DomainError.Invalid($"{field}.options", "Options must differ from each other."));
                    else if (cleaned.Length < ConsultationRules.MinOptions)
                        errors.Add(DomainError.Invalid($"{field}.options", $"A choice question needs at least {ConsultationRules.MinOptions} options."));
                    else if (cleaned.Length > ConsultationRules.MaxOptions)
                        errors.Add(DomainError.Invalid($"{field}.options", $"A choice question may offer at most {ConsultationRules.MaxOptions} options."));
                }
            }
            else if (options.Count > 0)
                errors.Add(DomainError.Invalid($"{field}.options", $"A {(kind == QuestionKind.Scale ? "scale" : "free-text")} question has no options."));

            var indicator = string.IsNullOrWhiteSpace(q.IndicatorCode) ? null : q.IndicatorCode.Trim();
            if (indicator is { Length: > ConsultationRules.IndicatorCodeMaxLength })
                errors.Add(DomainError.Invalid($"{field}.indicatorCode", $"An indicator code has at most {ConsultationRules.IndicatorCodeMaxLength} characters."));

            if (errors.Count == before) result.Add(new ConsultationQuestion(id!, q.Text!.Trim(), kind, cleaned, indicator));
        }
        return result.ToArray();
    }

    private static ConsultationAnswer[] ValidateAnswers(IReadOnlyList<AnswerInput?>? answers, ConsultationQuestion[] questions, List<DomainError> errors)
    {
        if (answers is null || answers.Count == 0)
        {
            errors.Add(DomainError.Invalid("answers", "Answer at least one question."));
            return [];
        }
        if (answers.Count > questions.Length)
        {
            errors.Add(DomainError.Invalid("answers", $"The consultation asks {questions.Length} questions; answer each at most once."));
            return [];
        }

        var result = new List<ConsultationAnswer>();
        var answered = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < answers.Count; i++)
        {
            var field = $"answers[{i}]";
            if (answers[i] is not { } a)
            {
                errors.Add(DomainError.Invalid(field, "An answer cannot be null."));
                continue;
            }
            var question = questions.FirstOrDefault(q => q.Id == a.QuestionId);
            if (question is null)
            {
                errors.Add(DomainError.Invalid($"{field}.questionId", $"The consultation asks no question '{a.QuestionId}'."));
                continue;
            }
            if (!answered.Add(question.Id))
            {
                errors.Add(DomainError.Invalid($"{field}.questionId", $"Question '{question.Id}' is answered twice."));
                continue;
            }

            var before = errors.Count;
            var choices = a.Choices ?? [];
            string[] chosen = [];
            int? scale = null;
            string? text = null;
            switch (question.Kind)
            {
                case QuestionKind.SingleChoice or QuestionKind.MultipleChoice:
                    if (a.Scale is not null) errors.Add(DomainError.Invalid($"{field}.scale", "A choice question takes choices, not a scale value."));
                    if (a.Text is not null) errors.Add(DomainError.Invalid($"{field}.text", "A choice question takes choices, not text."));
                    chosen = choices.Select(c => c?.Trim() ?? "").Distinct(StringComparer.Ordinal).ToArray();
                    if (chosen.Length == 0)
                        errors.Add(DomainError.Invalid($"{field}.choices", "Choose at least one option."));
                    else if (question.Kind == QuestionKind.SingleChoice && chosen.Length > 1)
                        errors.Add(DomainError.Invalid($"{field}.choices", "This question takes a single choice."));
                    else if (chosen.FirstOrDefault(c => !question.Options.Contains(c, StringComparer.Ordinal)) is { } unknown)
                        errors.Add(DomainError.Invalid($"{field}.choices", $"'{unknown}' is not one of the options offered."));
                    break;
                case QuestionKind.Scale:
                    if (choices.Count > 0) errors.Add(DomainError.Invalid($"{field}.choices", "A scale question takes a value, not choices."));
                    if (a.Text is not null) errors.Add(DomainError.Invalid($"{field}.text", "A scale question takes a value, not text."));
                    if (a.Scale is not { } value)
                        errors.Add(DomainError.Invalid($"{field}.scale", $"Give a value from {ConsultationRules.ScaleMin} to {ConsultationRules.ScaleMax}."));
                    else if (value is < ConsultationRules.ScaleMin or > ConsultationRules.ScaleMax)
                        errors.Add(DomainError.Invalid($"{field}.scale", $"The value must be from {ConsultationRules.ScaleMin} to {ConsultationRules.ScaleMax}."));
                    else scale = value;
                    break;
                case QuestionKind.FreeText:
                    if (choices.Count > 0) errors.Add(DomainError.Invalid($"{field}.choices", "A free-text question takes text, not choices."));
                    if (a.Scale is not null) errors.Add(DomainError.Invalid($"{field}.scale", "A free-text question takes text, not a scale value."));
                    if (string.IsNullOrWhiteSpace(a.Text))
                        errors.Add(DomainError.Invalid($"{field}.text", "Write an answer (or leave the question out)."));
                    else if (a.Text.Trim().Length > ConsultationRules.AnswerTextMaxLength)
                        errors.Add(DomainError.Invalid($"{field}.text", $"An answer may have at most {ConsultationRules.AnswerTextMaxLength} characters."));
                    else text = a.Text.Trim();
                    break;
            }
            if (errors.Count == before) result.Add(new ConsultationAnswer(question.Id, chosen, scale, text));
        }
        return result.ToArray();
    }
}
