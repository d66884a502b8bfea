namespace Platform.Domain.UnRecommendations;

/// <summary>The city's register of UN recommendations started (with its first recommendation).</summary>
public sealed record UnRecommendationRegisterOpened(Guid RegisterId, string City, DateTimeOffset OpenedAt);

/// <summary>An official recorded a recommendation (entered, or one row of an imported file when <paramref name="Imported"/>).</summary>
public sealed record UnRecommendationRecorded(Guid RegisterId, Guid RecommendationId, string Source, string Cycle, string? Paragraph, string Text,
    string[] Rights, string[] SdgTargets, string Key, bool Imported, Guid OfficialId, DateTimeOffset RecordedAt);

/// <summary>The city marked a recommendation supported or noted.</summary>
public sealed record UnRecommendationAnswered(Guid RegisterId, Guid RecommendationId, Assessments.RecommendationResponse Response, string? Note,
    Guid OfficialId, DateTimeOffset AnsweredAt);

/// <summary>The city reported on what it did about a recommendation.</summary>
public sealed record UnRecommendationFollowUpReported(Guid RegisterId, Guid RecommendationId, string Text, DateOnly Date, Assessments.FollowUpStatus Status,
    Guid OfficialId, DateTimeOffset ReportedAt);

/// <summary>A supported recommendation is followed up by a commitment of the city.</summary>
public sealed record UnRecommendationLinkedToCommitment(Guid RegisterId, Guid RecommendationId, Guid CommitmentId, Guid OfficialId, DateTimeOffset LinkedAt);
