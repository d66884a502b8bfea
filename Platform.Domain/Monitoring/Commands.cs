namespace Platform.Domain.Monitoring;

/// <summary>A baseline as it arrives: period ("2024" or "2024-Q2") and value.</summary>
public sealed record BaselineInput(string? Period, double? Value);

/// <summary>A city's own indicator, defined at adoption (code outside the catalogue).</summary>
public sealed record LocalIndicatorInput(
    string? Name, string? Right, string? Type, string? Unit, string? UnitKind, int? RateBase,
    string? Direction, string? Source, IReadOnlyList<string?>? Disaggregations);

/// <summary>
/// One value as a client, a CSV row or a perception survey gives it. A second value for the same period and group is a
/// correction and needs <paramref name="Reason"/>. <paramref name="Units"/>, when given, must be the indicator's unit.
/// </summary>
public sealed record MeasurementInput(
    string? Period, double? Value, double? Denominator, string? Source, string? MethodNote,
    IReadOnlyDictionary<string, string?>? Disaggregation, string? GeoCode, string? Units, string? Reason);

/// <summary>
/// Adopt an indicator of the catalogue (or a local one, with <paramref name="Local"/>) into the city's set, as series
/// <paramref name="SeriesId"/> (<see cref="SeriesStream.Id"/> of the city and code).
/// </summary>
public sealed record AdoptIndicator(
    Guid SeriesId, Guid OfficialId, string? Code, BaselineInput? Baseline, double? Target, int? TargetYear, string? Department,
    Guid? ConsultationId, LocalIndicatorInput? Local)
{
    /// <summary>The catalogue's current revision of the code, null when the catalogue has none (set by the handler).</summary>
    public IndicatorDefinition? Catalogued { get; init; }

    /// <summary>Whether <see cref="ConsultationId"/> names a consultation of the city (set by the handler; true without one).</summary>
    public bool ConsultationKnown { get; init; } = true;

    /// <summary>The proposal the indicator was co-created from, and who proposed it (set when an official adopts a proposal).</summary>
    public IndicatorOrigin? Proposal { get; init; }
}

/// <summary>The proposal a co-created indicator came from: its id and who proposed it.</summary>
public sealed record IndicatorOrigin(Guid ProposalId, IndicatorProposals.ProposedBy By);

/// <summary>Record a value in series <paramref name="SeriesId"/> of indicator <paramref name="Code"/>.</summary>
public sealed record RecordMeasurement(Guid SeriesId, string Code, Guid OfficialId, MeasurementInput Input)
{
    /// <summary>The catalogue's current revision of the code, null when the catalogue has none (set by the handler).</summary>
    public IndicatorDefinition? Catalogued { get; init; }
}

/// <summary>
/// Import the rows of a file in the Open SDG layout into series <paramref name="SeriesId"/>, all or none, as
/// <see cref="OpenSdgCsv.Read"/> read it: <paramref name="Malformed"/> are the problems that make it no file of the
/// layout, <paramref name="Cells"/> those found in its cells, reported with the rows' own;
/// <paramref name="Source"/> and <paramref name="MethodNote"/> apply to every row; <paramref name="Reason"/> allows rows
/// that replace recorded values.
/// </summary>
public sealed record ImportMeasurements(
    Guid SeriesId, string Code, Guid OfficialId, IReadOnlyList<ImportRow> Rows, IReadOnlyList<ImportProblem> Malformed, IReadOnlyList<ImportProblem> Cells,
    string? Source, string? MethodNote, string? Reason)
{
    /// <summary>The catalogue's current revision of the code, null when the catalogue has none (set by the handler).</summary>
    public IndicatorDefinition? Catalogued { get; init; }
}

/// <summary>Change a series' target (null clears it: fixed thresholds then apply).</summary>
public sealed record ChangeTarget(Guid SeriesId, Guid OfficialId, double? Target, int? TargetYear, string? Reason)
{
    /// <summary>The indicator's code, when the face knows it (a computed one's target is refused before its series is read).</summary>
    public string? Code { get; init; }
}

/// <summary>An indicator of the network catalogue as an administrator writes it (a revision leaves out what stays).</summary>
public sealed record IndicatorInput(
    string? Code, string? Name, string? Right, string? Attribute, string? Type, string? Unit, string? UnitKind,
    int? RateBase, string? Direction, string? Source, IReadOnlyList<string?>? Disaggregations,
    IReadOnlyList<string?>? SdgCodes, string? Origin, bool? Core);

/// <summary>Add an indicator to the network catalogue (version 1).</summary>
public sealed record AddIndicator(Guid AdministratorId, IndicatorInput Input);

/// <summary>Revise indicator <paramref name="Code"/> of the catalogue: the body of the next revision.</summary>
public sealed record ReviseIndicator(string Code, Guid AdministratorId, IndicatorInput Input);
