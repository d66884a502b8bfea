using Platform.Api.Assessments;
using Platform.Api.GoodPractices;
using Platform.Domain.Assessments;
using Platform.Domain.Monitoring;

namespace Platform.Api.NetworkReports;

/// <summary>
/// The network's annual report of good practices and challenges: each city that took part in the year, the common
/// indicators side by side, the year's good practices and their adoptions, and the challenges the cities share, derived
/// from their concerns, commitments and indicators (docs/network-knowledge.md says how each figure is computed).
/// </summary>
public sealed record NetworkReport(
    int Year,
    IReadOnlyList<NetworkReportCity> Cities,
    IReadOnlyList<YearBenchmark> Benchmarks,
    IReadOnlyList<PracticeDetails> Practices,
    CommonChallenges Challenges);

/// <summary>
/// A city in the year: its recognition by the network at the end of the year (null: none yet), its framework coverage in its
/// latest assessment submitted by then (null: none), and what it did in the year.
/// </summary>
public sealed record NetworkReportCity(
    string City,
    IReadOnlyDictionary<string, string> Names,
    long? Population,
    CityRecognitionAt? Recognition,
    CityCoverage? Coverage,
    int ConcernsRaised,
    int CommitmentsPublished,
    int PracticesPublished,
    int PracticesAdopted);

/// <summary>The highest recognition a city held at the end of the year, from which assessment cycle, and since when.</summary>
public sealed record CityRecognitionAt(RecognitionLevel Level, string Cycle, DateTimeOffset AwardedAt);

/// <summary>One common-core indicator across the cities that adopted it, as of the end of the year (values of later periods left out).</summary>
public sealed record YearBenchmark(string Code, string Name, string Right, string Unit, DesiredDirection Direction, IReadOnlyList<YearFigure> Cities);

/// <summary>A city's latest value of the indicator by the end of the year, with its progress status then.</summary>
public sealed record YearFigure(string City, PeriodValue? Latest, ProgressStatus Status);

/// <summary>
/// The challenges the cities share, each list ordered from the most widespread: by the number of cities, then by the count.
/// </summary>
public sealed record CommonChallenges(
    IReadOnlyList<RightChallenge> RightsWithBrokenCommitments,
    IReadOnlyList<IndicatorChallenge> IndicatorsOffTrack,
    IReadOnlyList<RightChallenge> MostRaisedRights);

/// <summary>A right, how many items in the network are about it, and how many in each city.</summary>
public sealed record RightChallenge(string Right, string Name, int Count, IReadOnlyDictionary<string, int> ByCity);

/// <summary>An indicator off track (limited progress or deterioration) in <paramref name="Cities"/>.</summary>
public sealed record IndicatorChallenge(string Code, string Name, string Right, IReadOnlyList<string> Cities);
