using Platform.Domain.Monitoring;

namespace Platform.Api.Monitoring;

/// <summary>A city's series as the API shows it: definition, baseline and target, latest value, trend, progress status and gaps.</summary>
public sealed record SeriesDetails(
    string Code, string Name, string Right, IndicatorType Type, bool Core, bool Local, string Unit, UnitKind UnitKind,
    DesiredDirection Direction, int IndicatorVersion, PeriodValue Baseline, double? Target, int? TargetYear,
    string Department, Guid? ConsultationId, DateTimeOffset AdoptedAt, int Values,
    PeriodValue? Latest, PeriodValue? Previous, Trend? Trend, Progress Progress, IReadOnlyList<DisaggregationGap> Gaps,
    PeriodValue? Community, SeriesOrigin? Origin = null)
{
    /// <summary>The series as the API shows it; <paramref name="city"/>, when given, links a co-created series to its proposal.</summary>
    public static SeriesDetails Of(IndicatorSeries s, string? city = null)
    {
        var status = SeriesStatus.Of(s);
        var d = s.Definition;
        return new SeriesDetails(s.Code, d.Name, d.Right, d.Type, d.Core, s.Local, d.Unit, d.UnitKind, d.Direction, d.Version,
            new PeriodValue(s.BaselinePeriod, s.BaselineValue), s.Target, s.TargetYear, s.Department, s.ConsultationId, s.AdoptedAt,
            s.Points.Count, status.Latest, status.Previous, status.Trend, status.Progress, status.Gaps, LatestCommunity(s), SeriesOrigin.Of(s, city));
    }

    /// <summary>The latest headline value from residents' perception surveys, shown beside the official one (never mixed into its status).</summary>
    private static PeriodValue? LatestCommunity(IndicatorSeries s) =>
        s.Points.Values.Where(p => p.IsCommunity() && p.Measurement.Disaggregation.Count == 0).MaxBy(p => p.PeriodOf()) is { } p
            ? new PeriodValue(p.Measurement.Period, p.Measurement.Value) : null;
}

/// <summary>
/// Where a city's indicator came from: <c>network</c> (the network's catalogue), <c>local</c> (defined by the city),
/// <c>co-created</c> (adopted from proposal <paramref name="ProposalId"/> of residents or an organisation,
/// <paramref name="By"/>; <paramref name="Link"/> is the proposal) or <c>platform</c> (computed by the platform from its
/// concern records).
/// </summary>
public sealed record SeriesOrigin(string Kind, Guid? ProposalId, Domain.IndicatorProposals.ProposedBy? By, string? Link)
{
    public const string Network = "network", Local = "local", CoCreated = "co-created", Platform = "platform";

    public static SeriesOrigin Of(IndicatorSeries s, string? city) =>
        s.Definition.Source == SourceKind.Platform || PlatformIndicators.IsComputed(s.Code) ? new(Platform, null, null, null)
        : s.Proposal is { } proposal ? new(CoCreated, proposal.ProposalId, proposal.By, city is null ? null : $"/api/cities/{city}/indicator-proposals/{proposal.ProposalId}")
        : s.Local ? new(Local, null, null, null)
        : new(Network, null, null, null);
}
