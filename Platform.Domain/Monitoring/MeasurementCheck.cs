namespace Platform.Domain.Monitoring;

/// <summary>A problem with one input field of a measurement (JSON field name, or the CSV column it came from).</summary>
public sealed record FieldProblem(string Field, string Message);

/// <summary>
/// The checks every measurement passes, whether it comes as JSON or as a CSV row: the period (a year or quarter,
/// begun, not before the baseline), the value against the unit, a rate's denominator, the source, and the groups
/// (only dimensions the indicator declares).
/// </summary>
public static class MeasurementCheck
{
    public static Measurement? Validate(MeasurementInput input, IndicatorDefinition definition, IndicatorSeries series,
        DateTimeOffset now, List<FieldProblem> problems)
    {
        var before = problems.Count;
        if (!Period.TryParse(input.Period, out var period))
            problems.Add(new("period", "The period is a year (2024) or a quarter (2024-Q2)."));
        else if (period.IsFutureAt(now))
            problems.Add(new("period", $"The period {period} has not begun; values cannot be recorded for the future."));
        else if (period.Position < series.Baseline().Position)
            problems.Add(new("period", $"The period {period} is before the series' baseline ({series.BaselinePeriod})."));

        if (input.Value is not { } value)
            problems.Add(new("value", "A value is required."));
        else if (UnitKinds.Problem(definition.UnitKind, value) is { } unitProblem)
            problems.Add(new("value", unitProblem));

        if (definition.UnitKind == UnitKind.Rate && input.Denominator is not > 0)
            problems.Add(new("denominator", $"A rate (per {definition.RateBase:N0}) needs its denominator: the population it was computed over, above 0."));
        else if (input.Denominator is { } d && (!double.IsFinite(d) || d <= 0))
            problems.Add(new("denominator", "A denominator is above 0."));

        if (input.Units is { Length: > 0 } units && !IsUnitOf(units, definition))
            problems.Add(new("units", $"Unknown unit '{units}': this indicator is measured in '{definition.Unit}' ({UnitKinds.Name(definition.UnitKind)})."));

        var source = definition.Source;
        if (input.Source is { Length: > 0 } sourceName && (!Enum.TryParse(sourceName, ignoreCase: true, out source) || source == SourceKind.Platform))
            problems.Add(new("source", "The source is one of events, administrative, survey, expert, community."));
        if (input.MethodNote is { Length: > MonitoringRules.MethodNoteMaxLength })
            problems.Add(new("methodNote", $"The method note may have at most {MonitoringRules.MethodNoteMaxLength} characters."));
        if (input.GeoCode is { Length: > MonitoringRules.GeoCodeMaxLength })
            problems.Add(new("geoCode", $"A geo code may have at most {MonitoringRules.GeoCodeMaxLength} characters."));

        var groups = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, group) in input.Disaggregation ?? new Dictionary<string, string?>())
        {
            if (string.IsNullOrWhiteSpace(group)) continue; // blank = total for this dimension (Open SDG)
            var dimension = Disaggregation.Dimension(name);
            if (!definition.Declares(dimension))
                problems.Add(new($"disaggregation.{name}", definition.Disaggregations.Length == 0
                    ? $"'{name}' is not a disaggregation of {definition.Code}, which declares none."
                    : $"'{name}' is not a disaggregation of {definition.Code}; it declares {string.Join(", ", definition.Disaggregations)}."));
            else if (group.Trim().Length > MonitoringRules.GroupMaxLength)
                problems.Add(new($"disaggregation.{name}", $"A group name may have at most {MonitoringRules.GroupMaxLength} characters."));
            else if (!groups.TryAdd(dimension, group.Trim()))
                problems.Add(new($"disaggregation.{name}", $"The dimension '{dimension}' is given twice."));
        }

        if (problems.Count > before) return null;
        return new Measurement(period.ToString(), groups, input.Value!.Value, input.Denominator, source,
            string.IsNullOrWhiteSpace(input.MethodNote) ? null : input.MethodNote.Trim(),
            string.IsNullOrWhiteSpace(input.GeoCode) ? null : input.GeoCode.Trim());
    }

    /// <summary>A file or client may name the unit by its label ("% of budget") or its kind ("percentage").</summary>
    public static bool IsUnitOf(string units, IndicatorDefinition definition) =>
        string.Equals(units.Trim(), definition.Unit, StringComparison.OrdinalIgnoreCase)
        || UnitKinds.Parse(units) == definition.UnitKind;
}
