namespace Platform.Domain.Monitoring;

/// <summary>The outcome of an import: one event for the whole file, or every problem found, row by row.</summary>
public sealed record ImportDecision(MeasurementsImported? Event, IReadOnlyList<ImportProblem> Problems, int Unchanged);

/// <summary>
/// The rules of a file import: every row passes the checks of a single measurement, no period and group appears
/// twice, and a row that would replace a value needs the import's reason. All rows are taken, or none.
/// </summary>
public static class MeasurementImport
{
    public static ImportDecision Decide(IReadOnlyList<ImportRow> rows, string? source, string? methodNote, string? reason,
        IndicatorSeries series, IndicatorDefinition current, Guid officialId, DateTimeOffset now)
    {
        var problems = new List<ImportProblem>();
        var measurements = new List<Measurement>(rows.Count);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var unchanged = 0;
        var fieldProblems = new List<FieldProblem>();
        foreach (var row in rows)
        {
            fieldProblems.Clear();
            var input = row.Input with { Source = source, MethodNote = methodNote };
            var measurement = MeasurementCheck.Validate(input, current, series, now, fieldProblems);
            foreach (var p in fieldProblems)
                problems.Add(new(row.Line, ColumnOf(p.Field, row), p.Message));
            if (measurement is null) continue;

            var key = Disaggregation.PointKey(measurement.Period, measurement.Disaggregation, measurement.Source);
            if (seen.TryGetValue(key, out var first))
            {
                problems.Add(new(row.Line, row.Columns["period"], $"Line {first} has a value for {Disaggregation.Describe(measurement.Period, measurement.Disaggregation)} already."));
                continue;
            }
            seen[key] = row.Line;
            if (series.Points.GetValueOrDefault(key) is { } earlier)
            {
                if (earlier.Measurement.Value.Equals(measurement.Value) && earlier.Measurement.Denominator == measurement.Denominator) { unchanged++; continue; }
                if (string.IsNullOrWhiteSpace(reason))
                {
                    problems.Add(new(row.Line, row.Columns["value"], $"{Disaggregation.Describe(measurement.Period, measurement.Disaggregation)} has a value already ({earlier.Measurement.Value}); to correct it, import with a reason."));
                    continue;
                }
            }
            measurements.Add(measurement);
        }
        if (reason is { Length: > MonitoringRules.ReasonMaxLength })
            problems.Add(new(0, "reason", $"The reason may have at most {MonitoringRules.ReasonMaxLength} characters."));
        if (problems.Count > 0) return new(null, problems, 0);
        if (measurements.Count == 0) return new(null, [], unchanged);
        return new(new MeasurementsImported(series.Id, measurements.ToArray(), string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(),
            current.Version, officialId, now), [], unchanged);
    }

    private static string ColumnOf(string field, ImportRow row) =>
        row.Columns.TryGetValue(field, out var column) ? column : field;
}
