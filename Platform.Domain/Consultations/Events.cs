namespace Platform.Domain.Consultations;

/// <summary>The kinds of question a consultation asks.</summary>
public enum QuestionKind
{
    SingleChoice,
    MultipleChoice,
    /// <summary>A scale from 1 to 5.</summary>
    Scale,
    FreeText,
}

/// <summary>A question. <paramref name="IndicatorCode"/> links a perception question to a monitoring indicator.</summary>
public sealed record ConsultationQuestion(string Id, string Text, QuestionKind Kind, string[] Options, string? IndicatorCode = null);

/// <summary>A resident's answer to one question: choices (option texts), a scale value, or text.</summary>
public sealed record ConsultationAnswer(string QuestionId, string[] Choices, int? Scale, string? Text);

public sealed record ConsultationDrafted(Guid ConsultationId, string Title, string Description, Guid OfficialId, DateTimeOffset DraftedAt);

/// <summary>The consultation opened with its questions and window; it closes by itself at <paramref name="ClosesAt"/>.</summary>
public sealed record ConsultationOpened(Guid ConsultationId, DateTimeOffset OpensAt, DateTimeOffset ClosesAt, ConsultationQuestion[] Questions, Guid OfficialId, DateTimeOffset OpenedAt);

/// <summary>A resident's response (in the resident's own response stream); <paramref name="Amended"/> when it replaces an earlier one.</summary>
public sealed record ConsultationResponseSubmitted(Guid ConsultationId, Guid ResidentId, ConsultationAnswer[] Answers, bool Amended, DateTimeOffset SubmittedAt);

public sealed record ConsultationClosed(Guid ConsultationId, DateTimeOffset ClosedAt);

/// <summary>What the council made of the consultation, and the commitments that answer it.</summary>
public sealed record ConsultationOutcomePublished(Guid ConsultationId, Guid OfficialId, string Summary, Guid[] CommitmentIds, DateTimeOffset PublishedAt);
