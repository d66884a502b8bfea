namespace Platform.Domain.Monitoring;

/// <summary>
/// One value of a series: for a period, a group (disaggregation dimension → group; empty = headline total),
/// from a source. <paramref name="Denominator"/> is the population a rate was computed over.
/// </summary>
public sealed record Measurement(
    string Period,
    IReadOnlyDictionary<string, string> Disaggregation,
    double Value,
    double? Denominator,
    SourceKind Source,
    string? MethodNote,
    string? GeoCode);

/// <summary>
/// A city adopted an indicator into its set. <paramref name="Definition"/> is the catalogue revision adopted (or
/// the city's own definition when <paramref name="Local"/>); <paramref name="ConsultationId"/> the consultation
/// that proposed it to residents, when co-created; <paramref name="Proposal"/> the proposal of residents or an
/// organisation it was adopted from.
/// </summary>
public sealed record IndicatorAdopted(
    Guid SeriesId,
    string Code,
    IndicatorDefinition Definition,
    bool Local,
    string BaselinePeriod,
    double BaselineValue,
    double? Target,
    int? TargetYear,
    string Department,
    Guid? ConsultationId,
    Guid OfficialId,
    DateTimeOffset AdoptedAt,
    IndicatorOrigin? Proposal = null);

/// <summary>A first value for a period and group, recorded under <paramref name="IndicatorVersion"/> of the indicator.</summary>
public sealed record MeasurementRecorded(Guid SeriesId, Measurement Measurement, int IndicatorVersion, Guid OfficialId, DateTimeOffset RecordedAt);

/// <summary>A new value for a period and group that had one; the earlier value stays in the history.</summary>
public sealed record MeasurementCorrected(Guid SeriesId, Measurement Measurement, double PreviousValue, string Reason, int IndicatorVersion, Guid OfficialId, DateTimeOffset CorrectedAt);

/// <summary>
/// A file of values imported at once (all or nothing). One event for the file keeps a 10,000-row import one
/// append; rows that replace a value carry the import's <paramref name="Reason"/> as corrections.
/// </summary>
public sealed record MeasurementsImported(Guid SeriesId, Measurement[] Measurements, string? Reason, int IndicatorVersion, Guid OfficialId, DateTimeOffset ImportedAt);

/// <summary>The city changed the series' target or target year.</summary>
public sealed record TargetChanged(Guid SeriesId, double? Target, int? TargetYear, string Reason, Guid OfficialId, DateTimeOffset ChangedAt);

/// <summary>
/// A network administrator added an indicator to the catalogue (<paramref name="Definition"/> version 1), or revised
/// one (the next version). The catalogue keeps its revisions as documents, not as a stream: the handler stores this.
/// </summary>
public sealed record IndicatorCatalogued(IndicatorDefinition Definition, Guid AdministratorId, DateTimeOffset At);
