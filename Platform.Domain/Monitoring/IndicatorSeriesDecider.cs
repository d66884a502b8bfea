namespace Platform.Domain.Monitoring;

/// <summary>The rules of a city's indicator series, as pure functions of command, state, catalogue revision and time.</summary>
public static class IndicatorSeriesDecider
{
    /// <summary>
    /// Adopt <paramref name="catalogued"/> (the catalogue's current revision of the code), or a local indicator
    /// when the code is not in the catalogue and the command defines one.
    /// </summary>
    public static Decision Decide(AdoptIndicator command, IndicatorSeries? existing, IndicatorDefinition? catalogued,
        Guid seriesId, Guid officialId, DateTimeOffset now)
    {
        var errors = new List<DomainError>();
        if (string.IsNullOrWhiteSpace(command.Code)) return Decision.Refuse(DomainError.Invalid("code", "Name the indicator (its code)."));
        var code = command.Code.Trim();
        if (existing is not null)
            return Decision.Refuse(DomainError.Conflict("indicator-already-adopted", $"The city has adopted {code} already; change its target instead."));

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
        else if (command.Department.Trim().Length > MonitoringRules.DepartmentMaxLength)
            errors.Add(DomainError.Invalid("department", $"The department may have at most {MonitoringRules.DepartmentMaxLength} characters."));
        if (errors.Count > 0) return Decision.Refuse(errors);

        return Decision.Accept(new IndicatorAdopted(seriesId, definition.Code, definition, catalogued is null,
            baseline.ToString(), command.Baseline!.Value!.Value, command.Target, command.TargetYear,
            command.Department!.Trim(), command.ConsultationId, officialId, now));
    }

    /// <summary>
    /// A first value for a period and group, or a correction of it: a correction needs a reason (409 naming
    /// <c>reason</c> without one), and an identical repeat changes nothing.
    /// </summary>
    public static Decision Decide(RecordMeasurement command, IndicatorSeries? series, IndicatorDefinition current,
        Guid officialId, DateTimeOffset now)
    {
        if (series is null) return Decision.Refuse(DomainError.NotFound("series"));
        var problems = new List<FieldProblem>();
        var measurement = MeasurementCheck.Validate(command, current, series, now, problems);
        if (command.Reason is { Length: > MonitoringRules.ReasonMaxLength })
            problems.Add(new("reason", $"The reason may have at most {MonitoringRules.ReasonMaxLength} characters."));
        if (measurement is null || problems.Count > 0)
            return Decision.Refuse(problems.Select(p => DomainError.Invalid(p.Field, p.Message)).ToList());

        var earlier = series.Find(measurement.Period, measurement.Disaggregation, measurement.Source);
        if (earlier is null)
            return Decision.Accept(new MeasurementRecorded(series.Id, measurement, current.Version, officialId, now));
        if (SameAs(earlier.Measurement, measurement)) return Decision.NoChange;
        if (string.IsNullOrWhiteSpace(command.Reason))
            return Decision.Refuse(new DomainError(ErrorKind.Conflict, "correction-needs-reason",
                $"{Disaggregation.Describe(measurement.Period, measurement.Disaggregation)} has a value already ({earlier.Measurement.Value}); give a reason to correct it.", "reason"));
        return Decision.Accept(new MeasurementCorrected(series.Id, measurement, earlier.Measurement.Value, command.Reason.Trim(),
            current.Version, officialId, now));
    }

    public static Decision Decide(ChangeTarget command, IndicatorSeries? series, Guid officialId, DateTimeOffset now)
    {
        if (series is null) return Decision.Refuse(DomainError.NotFound("series"));
        var errors = new List<DomainError>();
        ValidateTarget(command.Target, command.TargetYear, series.Definition, series.BaselinePeriod, errors);
        if (string.IsNullOrWhiteSpace(command.Reason))
            errors.Add(DomainError.Invalid("reason", "Say why the target changes."));
        else if (command.Reason.Length > MonitoringRules.ReasonMaxLength)
            errors.Add(DomainError.Invalid("reason", $"The reason may have at most {MonitoringRules.ReasonMaxLength} characters."));
        if (errors.Count > 0) return Decision.Refuse(errors);
        return Decision.Accept(new TargetChanged(series.Id, command.Target, command.TargetYear, command.Reason!.Trim(), officialId, now));
    }

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
