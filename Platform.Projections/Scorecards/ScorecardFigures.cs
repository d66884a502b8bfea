namespace Platform.Projections.Scorecards;

/// <summary>The figures of a city scorecard (rules in docs/scorecards.md). Percentages and days have one decimal; null means "nothing to measure yet".</summary>
public sealed record ScorecardFigures(ConcernFigures Concerns, ProposalFigures Proposals, CommitmentFigures Commitments, ConsultationFigures Consultations);

public sealed record ConcernFigures(int Raised, int Answered, int AnsweredWithinDeadline, double? AnsweredWithinDeadlinePercent,
    double? MedianDaysToFirstAnswer, int OpenPastDeadline, int Reopened = 0);

public sealed record ProposalFigures(int ReachedThreshold, int Decided, int DecidedWithinDeadline, int AwaitingDecisionPastDeadline,
    double? DecidedWithinDeadlinePercent);

public sealed record CommitmentFigures(int Published, int OnTrack, int AtRisk, int Overdue, int Fulfilled, int Abandoned, int FulfilledOnTime,
    double? OnTimeFulfilmentPercent);

public sealed record ConsultationFigures(int Held, long Responses, long ResponsesToHeld, double? AverageResponsesPerHeld);
