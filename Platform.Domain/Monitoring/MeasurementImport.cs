using System.Globalization;

namespace Platform.Domain.Monitoring;

/// <summary>
/// The rules of a file import: every row passes the checks of a single measurement, no period and group appears
/// twice, and a row that would replace a value needs the import's reason. All rows are taken, or none: the decision is
/// one event for the whole file, or every problem found, row by row, as errors naming <c>rows[line].column</c>
/// (<see cref="RowField"/>, read back with <see cref="Problem"/>); rows equal to the recorded values change nothing.
/// </summary>
public static class MeasurementImport
{
    /// <summary>The code of an error about a row of the file.</summary>
    public const string RowProblem = "import-row";

    public static Decision Decide(ImportMeasurements command, IndicatorSeries? series, DateTimeOffset now)
    {
        if (series is null) return IndicatorSeriesDecider.NotAdopted(command.Catalogued);
        if (command.Malformed.Count > 0) return Decision.Refuse(Report(command.Malformed, ErrorKind.Invalid));
        var current = IndicatorSeriesDecider.Current(series, command.Catalogued);
        var problems = new List<ImportProblem>();
        var measurements = new List<Measurement>(command.Rows.Count);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var fieldProblems = new List<FieldProblem>();
        foreach (var row in command.Rows)
        {
            fieldProblems.Clear();
            var input = row.Input with { Source = command.Source, MethodNote = command.MethodNote };
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
                if (earlier.Measurement.Value.Equals(measurement.Value) && earlier.Measurement.Denominator == measurement.Denominator) continue; // unchanged
                if (string.IsNullOrWhiteSpace(command.Reason))
                {
                    problems.Add(new(row.Line, row.Columns["value"], $"{Disaggregation.Describe(measurement.Period, measurement.Disaggregation)} has a value already ({earlier.Measurement.Value}); to correct it, import with a reason."));
                    continue;
                }
            }
            measurements.Add(measurement);
        }
        if (command.Reason is { Length: > MonitoringRules.ReasonMaxLength })
            problems.Add(new(0, "reason", $"The reason may have at most {MonitoringRules.ReasonMaxLength} characters."));
        if (problems.Count > 0 || command.Cells.Count > 0)
            return Decision.Refuse(Report(command.Cells.Concat(problems).OrderBy(p => p.Line), ErrorKind.RuleViolated));
        if (measurements.Count == 0) return Decision.NoChange;
        return Decision.Accept(new MeasurementsImported(series.Id, measurements.ToArray(), string.IsNullOrWhiteSpace(command.Reason) ? null : command.Reason.Trim(),
            current.Version, command.OfficialId, now));
    }

    /// <summary>
    /// The problems as errors of <see cref="RowProblem"/>: <see cref="ErrorKind.Invalid"/> for a file not in the layout,
    /// <see cref="ErrorKind.RuleViolated"/> for rows that cannot be taken.
    /// </summary>
    public static List<DomainError> Report(IEnumerable<ImportProblem> problems, ErrorKind kind) =>
        problems.Select(p => new DomainError(kind, RowProblem, p.Problem, RowField(p.Line, p.Column))).ToList();

    /// <summary>Rows of the command taken as they were (equal to the recorded values) by an accepted <paramref name="decision"/>.</summary>
    public static int Unchanged(ImportMeasurements command, Decision decision) =>
        decision.IsRefused ? 0 : command.Rows.Count - Imported(decision);

    /// <summary>Values an accepted <paramref name="decision"/> stores.</summary>
    public static int Imported(Decision decision) =>
        decision.Events.OfType<MeasurementsImported>().Sum(e => e.Measurements.Length);

    /// <summary>The field of an error about line <paramref name="line"/>, column <paramref name="column"/> (line 0: the import's own fields).</summary>
    public static string RowField(int line, string column) => $"rows[{line.ToString(CultureInfo.InvariantCulture)}].{column}";

    /// <summary>The row problem an error of <see cref="RowProblem"/> reports; null for any other error.</summary>
    public static ImportProblem? Problem(DomainError error)
    {
        if (error.Code != RowProblem || error.Field is not { } field || !field.StartsWith("rows[", StringComparison.Ordinal)) return null;
        var close = field.IndexOf("].", StringComparison.Ordinal);
        return close < 0 || !int.TryParse(field.AsSpan(5, close - 5), NumberStyles.None, CultureInfo.InvariantCulture, out var line)
            ? null
            : new ImportProblem(line, field[(close + 2)..], error.Message);
    }

    private static string ColumnOf(string field, ImportRow row) =>
        row.Columns.TryGetValue(field, out var column) ? column : field;
}
