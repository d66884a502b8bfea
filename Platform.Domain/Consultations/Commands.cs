namespace Platform.Domain.Consultations;

/// <summary>
/// Official <paramref name="OfficialId"/> drafts the new consultation <paramref name="ConsultationId"/>. Input fields are
/// nullable because they arrive from clients as they are.
/// </summary>
public sealed record DraftConsultation(Guid ConsultationId, Guid OfficialId, string? Title, string? Description);

/// <summary>A question as an official writes it.</summary>
public sealed record QuestionInput(string? Id, string? Text, QuestionKind? Kind, IReadOnlyList<string?>? Options, string? IndicatorCode = null);

/// <summary>Open a drafted consultation for answers from <paramref name="OpensAt"/> (now when absent) until <paramref name="ClosesAt"/>.</summary>
public sealed record OpenConsultation(Guid ConsultationId, Guid OfficialId, DateTimeOffset? OpensAt, DateTimeOffset? ClosesAt, IReadOnlyList<QuestionInput?>? Questions);

/// <summary>A resident's answer to one question as it arrives: choices (option texts), a scale value, or text.</summary>
public sealed record AnswerInput(string? QuestionId, IReadOnlyList<string?>? Choices, int? Scale, string? Text);

/// <summary>A resident's first response, or an amendment of it (<paramref name="Amend"/>); residency as for <see cref="Concerns.SupportConcern"/>.</summary>
public sealed record SubmitConsultationResponse(Guid ConsultationId, Guid ResidentId, IReadOnlyList<AnswerInput?>? Answers, bool Amend = false)
{
    public bool VerifiedResident { get; init; }
    public bool VerifiedResidencyRequired { get; init; }
    /// <summary>Whether the person's email address is verified (from the sign-in); required when <see cref="VerifiedEmailRequired"/> (the city's setting).</summary>
    public bool VerifiedEmail { get; init; }
    public bool VerifiedEmailRequired { get; init; }
}

/// <summary>Close the consultation at the end of its window (sent by the scheduler, never by a person).</summary>
public sealed record CloseConsultation(Guid ConsultationId);

/// <summary>Publish what the council made of a closed consultation.</summary>
public sealed record PublishConsultationOutcome(Guid ConsultationId, Guid OfficialId, string? Summary, IReadOnlyList<Guid>? CommitmentIds);
