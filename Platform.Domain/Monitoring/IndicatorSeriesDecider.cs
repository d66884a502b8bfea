namespace Platform.Domain.Monitoring;

/// <summary>The rules of a city's indicator series, as pure functions of command, state, catalogue revision and time.</summary>
public static class IndicatorSeriesDecider
{
    /// <summary>
    /// Adopt the catalogue's current revision of the code (<see cref="AdoptIndicator.Catalogued"/>), or a local
    /// indicator when the code is not in the catalogue and the command defines one. The series must not exist yet.
    /// </summary>
    public static Decision Decide(AdoptIndicator command, IndicatorSeries? existing, DateTimeOffset now)
    {
        var errors = new List<DomainError>();
        if (string.IsNullOrWhiteSpace(command.Code)) return Decision.Refuse(DomainError.Invalid("code", "Name the indicator (its code)."));
        var code = command.Code.Trim();
        if (PlatformIndicators.IsComputed(code)) return Decision.Refuse(PlatformIndicators.Computed(code));
        if (existing is not null)
            return Decision.Refuse(DomainError.Conflict("indicator-already-adopted", $"The city has adopted {code} already; change its target instead."));

        var catalogued = command.Catalogued;
        IndicatorDefinition definition;
        if (catalogued is not null)
        {
            if (command.Local is not null)
                return Decision.Refuse(DomainError.Invalid("local", $"{code} is a catalogue indicator; a local indicator needs a code of its own."));
            definition = catalogued;
        }
        else if (command.Local is null)
            return Decision.Refuse(DomainError.NotFound("indicator"));
        else
        {
            var local = CatalogueDecider.Define(ToIndicatorInput(code, command.Local), version: 1, errors, prefix: "local.");
            if (local is null) return Decision.Refuse(errors);
            definition = local with { Core = false, Origin = "local" };
        }

        var baseline = default(Period);
        if (command.Baseline is null)
            errors.Add(DomainError.Invalid("baseline", "A baseline (period and value) is required."));
        else
        {
            if (!Period.TryParse(command.Baseline.Period, out baseline))
                errors.Add(DomainError.Invalid("baseline.period", "The baseline period is a year (2024) or a quarter (2024-Q2)."));
            else if (baseline.IsFutureAt(now))
                errors.Add(DomainError.Invalid("baseline.period", "The baseline period has not begun."));
            if (command.Baseline.Value is not { } value)
                errors.Add(DomainError.Invalid("baseline.value", "A baseline value is required."));
            else if (UnitKinds.Problem(definition.UnitKind, value) is { } problem)
                errors.Add(DomainError.Invalid("baseline.value", problem));
        }
        ValidateTarget(command.Target, command.TargetYear, definition, command.Baseline?.Period, errors);
        if (string.IsNullOrWhiteSpace(command.Department))
            errors.Add(DomainError.Invalid("department", "Name the responsible department."));
        else Check.Required(command.Department, "department", MonitoringRules.DepartmentMaxLength, errors);
        if (errors.Count > 0) return Decision.Refuse(errors);
        if (command.ConsultationId is not null && !command.ConsultationKnown)
            return Decision.Refuse(DomainError.Invalid("consultationId", "No consultation of this city has this id."));

        return Decision.Accept(new IndicatorAdopted(command.SeriesId, definition.Code, definition, catalogued is null,
            baseline.ToString(), command.Baseline!.Value!.Value, command.Target, command.TargetYear,
            command.Department!.Trim(), command.ConsultationId, command.OfficialId, now, command.Proposal));
    }

    /// <summary>
    /// A first value for a period and group, or a correction of it: a correction needs a reason (409 naming
    /// <c>reason</c> without one), and an identical repeat changes nothing. Values are checked against the
    /// indicator's current definition (<see cref="Current"/>).
    /// </summary>
    public static Decision Decide(RecordMeasurement command, IndicatorSeries? series, DateTimeOffset now)
    {
        if (PlatformIndicators.IsComputed(command.Code)) return Decision.Refuse(PlatformIndicators.Computed(command.Code.Trim()));
        if (series is null) return NotAdopted(command.Catalogued);
        var current = Current(series, command.Catalogued);
        var input = command.Input;
        var problems = new List<FieldProblem>();
        var measurement = MeasurementCheck.Validate(input, current, series, now, problems);
        var errors = problems.Select(p => DomainError.Invalid(p.Field, p.Message)).ToList();
        Check.MaxLength(input.Reason, "reason", MonitoringRules.ReasonMaxLength, errors);
        if (measurement is null || errors.Count > 0) return Decision.Refuse(errors);

        var earlier = series.Find(measurement.Period, measurement.Disaggregation, measurement.Source);
        if (earlier is null)
            return Decision.Accept(new MeasurementRecorded(series.Id, measurement, current.Version, command.OfficialId, now));
        if (SameAs(earlier.Measurement, measurement)) return Decision.NoChange;
        if (string.IsNullOrWhiteSpace(input.Reason))
            return Decision.Refuse(new DomainError(ErrorKind.Conflict, "correction-needs-reason",
                $"{Disaggregation.Describe(measurement.Period, measurement.Disaggregation)} has a value already ({earlier.Measurement.Value}); give a reason to correct it.", "reason"));
        return Decision.Accept(new MeasurementCorrected(series.Id, measurement, earlier.Measurement.Value, input.Reason.Trim(),
            current.Version, command.OfficialId, now));
    }

    /// <summary>A file's rows, all or none (see <see cref="MeasurementImport"/>).</summary>
    public static Decision Decide(ImportMeasurements command, IndicatorSeries? series, DateTimeOffset now) =>
        PlatformIndicators.IsComputed(command.Code) ? Decision.Refuse(PlatformIndicators.Computed(command.Code.Trim())) : MeasurementImport.Decide(command, series, now);

    public static Decision Decide(ChangeTarget command, IndicatorSeries? series, DateTimeOffset now)
    {
        if ((command.Code ?? series?.Code) is { } code && PlatformIndicators.IsComputed(code)) return Decision.Refuse(PlatformIndicators.Computed(code));
        if (series is null) return Decision.Refuse(DomainError.NotFound("series"));
        var errors = new List<DomainError>();
        ValidateTarget(command.Target, command.TargetYear, series.Definition, series.BaselinePeriod, errors);
        if (string.IsNullOrWhiteSpace(command.Reason))
            errors.Add(DomainError.Invalid("reason", "Say why the target changes."));
        else Check.MaxLength(command.Reason, "reason", MonitoringRules.ReasonMaxLength, errors);
        if (errors.Count > 0) return Decision.Refuse(errors);
        return Decision.Accept(new TargetChanged(series.Id, command.Target, command.TargetYear, command.Reason!.Trim(), command.OfficialId, now));
    }

    /// <summary>The definition values are checked against: the catalogue's current revision, or a local indicator's own.</summary>
    public static IndicatorDefinition Current(IndicatorSeries series, IndicatorDefinition? catalogued) =>
        series.Local ? series.Definition : catalogued ?? series.Definition;

    /// <summary>An unknown indicator, or one the city has not adopted: both 404, told apart by their code.</summary>
    public static Decision NotAdopted(IndicatorDefinition? catalogued) =>
        Decision.Refuse(DomainError.NotFound(catalogued is null ? "indicator" : "series"));

    private static void ValidateTarget(double? target, int? targetYear, IndicatorDefinition definition, string? baselinePeriod, List<DomainError> errors)
    {
        if (target is { } t && UnitKinds.Problem(definition.UnitKind, t) is { } problem)
            errors.Add(DomainError.Invalid("target", problem));
        if (target is not null && targetYear is null)
            errors.Add(DomainError.Invalid("targetYear", "A target needs the year it should be reached by."));
        if (target is null && targetYear is not null)
            errors.Add(DomainError.Invalid("target", "A target year needs a target value."));
        if (targetYear is { } year && (year > Period.MaxYear
                                       || Period.TryParse(baselinePeriod, out var baseline) && year <= baseline.Year))
            errors.Add(DomainError.Invalid("targetYear", $"The target year comes after the baseline year and no later than {Period.MaxYear}."));
    }

    private static bool SameAs(Measurement a, Measurement b) =>
        a.Value.Equals(b.Value) && a.Denominator == b.Denominator && a.Source == b.Source && a.MethodNote == b.MethodNote && a.GeoCode == b.GeoCode;

    private static IndicatorInput ToIndicatorInput(string code, LocalIndicatorInput local) => new(
        code, local.Name, local.Right, null, local.Type ?? "outcome", local.Unit, local.UnitKind, local.RateBase,
        local.Direction, local.Source, local.Disaggregations, [], "local", false);
}
