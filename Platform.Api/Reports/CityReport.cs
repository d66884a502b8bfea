using Platform.Api.Assessments;
using Platform.Api.Commitments;
using Platform.Api.Monitoring;
using Platform.Api.Scorecards;
using Platform.Domain.Assessments;
using Platform.Domain.Commitments;
using Platform.Domain.Monitoring;
using Platform.Projections.Assessments;

namespace Platform.Api.Reports;

/// <summary>
/// A city's annual monitoring report, in the sections of a Voluntary Local Review (UN DESA 2020 guiding elements):
/// introduction; methodology and participation; policy and enabling environment; progress on goals and targets;
/// means of implementation; conclusions and next steps; statistical annex.
/// </summary>
public sealed record CityReport(
    string City, string Name, int Year, DateTimeOffset GeneratedAt,
    ReportIntroduction Introduction,
    ReportMethodology Methodology,
    ReportPolicyEnvironment PolicyEnvironment,
    IReadOnlyList<RightProgress> Progress,
    ReportMeansOfImplementation MeansOfImplementation,
    ReportConclusions Conclusions,
    IReadOnlyList<AnnexSeries> StatisticalAnnex,
    ReportUnRecommendations UnRecommendations,
    ReportParticipation? WhoTakesPart = null,
    ReportShadowReports? ShadowReports = null);

public sealed record ReportIntroduction(long? Population, int IndicatorsAdopted, int CoreRequired, int CoreAdopted, RecognitionView? Recognition);

/// <summary>
/// How the figures were gathered (<paramref name="ValuesBySource"/>: the year's values per OHCHR source kind, "community"
/// being residents' perception surveys) and how residents took part: during the year and, from the scorecard, to date.
/// </summary>
public sealed record ReportMethodology(
    IReadOnlyDictionary<string, int> ValuesBySource, YearParticipation Participation, ScorecardDetails? ToDate);

/// <summary>Participation in the report's year, counted from the views of concerns, consultations, town halls and proposals.</summary>
public sealed record YearParticipation(int ConcernsRaised, int ConsultationsOpened, int ConsultationsClosed, int TownHallsHeld, int ProposalsSubmitted,
    int ProposalsReachedThreshold);

/// <summary>Institutions and leaving no one behind: the framework self-assessment, its peer review (recommendations and follow-up) and recognition.</summary>
public sealed record ReportPolicyEnvironment(string? AssessmentCycle, AssessmentStage? Stage, IReadOnlyDictionary<string, SectionCoverage> Framework,
    string? ReviewerCity, IReadOnlyList<RecommendationView> Recommendations, IReadOnlyList<RecognitionView> Recognitions);

/// <summary>A right and its indicators with their status as of the end of the report's year.</summary>
public sealed record RightProgress(string Right, string Name, IReadOnlyList<IndicatorProgress> Indicators);

public sealed record IndicatorProgress(string Code, string Name, IndicatorType Type, bool Core, string Unit, DesiredDirection Direction,
    PeriodValue Baseline, double? Target, int? TargetYear, PeriodValue? Latest, Trend? Trend, ProgressStatus Status, PeriodValue? Community,
    IReadOnlyList<DisaggregationGap> Gaps);

/// <summary>Commitments (what the city undertook, by whom, with what budget) and their status.</summary>
public sealed record ReportMeansOfImplementation(IReadOnlyDictionary<CommitmentStatus, int> ByStatus, decimal Budget,
    IReadOnlyList<ReportCommitment> Commitments);

public sealed record ReportCommitment(Guid Id, string Title, string Department, string[] Rights, DateOnly DueDate, decimal? Budget,
    CommitmentStatus Status, int Progress);

/// <summary>What the figures say: statuses counted, and the next steps they call for.</summary>
public sealed record ReportConclusions(IReadOnlyDictionary<ProgressStatus, int> Statuses, IReadOnlyList<string> NeedAttention,
    IReadOnlyList<string> NextSteps);

/// <summary>A series' headline values up to the report's year, and where the full data (every group) can be downloaded.</summary>
public sealed record AnnexSeries(string Code, string Name, string Unit, PeriodValue Baseline, IReadOnlyList<AnnexValue> Values, string DataCsv, string DataJson);

public sealed record AnnexValue(string Period, double Value, SourceKind Source);
