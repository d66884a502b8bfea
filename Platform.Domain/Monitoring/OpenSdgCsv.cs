using System.Globalization;
using System.Text;
using Platform.Domain.Reference;

namespace Platform.Domain.Monitoring;

/// <summary>A problem with one cell (or the header) of an imported file: line 1 is the header.</summary>
public sealed record ImportProblem(int Line, string Column, string Problem);

/// <summary>One data row of an imported file, as a measurement input, with the column each field came from.</summary>
public sealed record ImportRow(int Line, MeasurementInput Input, IReadOnlyDictionary<string, string> Columns);

/// <summary>
/// The Open SDG data layout, one file per indicator: first column <c>Year</c>, last <c>Value</c>, disaggregation
/// columns between them (blank = total), optional <c>GeoCode</c>, <c>Units</c> and <c>Series</c>; this platform
/// adds <c>Denominator</c> for rates.
/// </summary>
public static class OpenSdgCsv
{
    public const string Year = "Year", Value = "Value", Units = "Units", GeoCode = "GeoCode", Series = "Series", Denominator = "Denominator";
    private static readonly string[] Reserved = [Year, Value, Units, GeoCode, Series, Denominator];

    /// <summary>
    /// The rows of a file. <c>Malformed</c> are problems of the file's shape (header, field counts): the file is not
    /// in the layout. <c>Cells</c> are cells that are not numbers where numbers belong: problems of single rows.
    /// </summary>
    public static (IReadOnlyList<ImportRow> Rows, IReadOnlyList<ImportProblem> Malformed, IReadOnlyList<ImportProblem> Cells) Read(string text)
    {
        if (Csv.Unreadable(text) is { } unreadable) return ([], [new ImportProblem(unreadable.Line, "*", unreadable.Problem)], []);
        var problems = new List<ImportProblem>();
        var cells = new List<ImportProblem>();
        var rows = new List<ImportRow>();
        // One pass over the text: each record's fields are read into the same list, and what a row keeps is copied out.
        var records = new CsvRecords(text);
        var record = new List<string>();
        if (!records.Next(record) || record is [""])
            return ([], [new ImportProblem(1, Year, "The file is empty: it needs a header (Year, ..., Value) and rows.")], []);

        // Text cells a spreadsheet-safe export neutralised (Csv.Neutralise) read back as their values.
        var header = record.Select(h => Csv.Restore(h.Trim().TrimStart('\uFEFF'))).ToList();
        int Column(string name) => header.FindIndex(h => string.Equals(h, name, StringComparison.OrdinalIgnoreCase));
        var year = Column(Year);
        var value = Column(Value);
        if (year < 0) problems.Add(new(1, Year, "The header has no Year column (the first column of the Open SDG layout)."));
        if (value < 0) problems.Add(new(1, Value, "The header has no Value column (the last column of the Open SDG layout)."));
        var blank = header.FindIndex(string.IsNullOrEmpty);
        if (blank >= 0) problems.Add(new(1, $"#{blank + 1}", "A column has no name."));
        var duplicate = header.GroupBy(h => h, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1 && g.Key.Length > 0);
        if (duplicate is not null) problems.Add(new(1, duplicate.Key, "The column appears twice."));
        if (problems.Count > 0) return ([], problems, []);

        var units = Column(Units);
        var geo = Column(GeoCode);
        var denominator = Column(Denominator);
        var dimensions = header.Select((h, i) => (h, i)).Where(c => !Reserved.Contains(c.h, StringComparer.OrdinalIgnoreCase)).ToList();
        var columns = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["period"] = header[year], ["value"] = header[value], ["units"] = units >= 0 ? header[units] : Units,
            ["geoCode"] = geo >= 0 ? header[geo] : GeoCode, ["denominator"] = denominator >= 0 ? header[denominator] : Denominator,
        };
        foreach (var (h, _) in dimensions) columns[$"disaggregation.{h}"] = h;

        foreach (var line in records.DataRows(record, header.Count, (at, problem) => problems.Add(new(at, "*", problem))))
        {
            double? number = null;
            var cell = record[value].AsSpan().Trim();
            if (cell.Length > 0)
            {
                if (double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed)) number = parsed;
                else { cells.Add(new(line, header[value], $"'{cell}' is not a number (use a dot for decimals).")); continue; }
            }
            double? denominatorValue = null;
            if (denominator >= 0 && record[denominator].AsSpan().Trim() is { Length: > 0 } d)
            {
                if (double.TryParse(d, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed)) denominatorValue = parsed;
                else { cells.Add(new(line, header[denominator], $"'{d}' is not a number.")); continue; }
            }
            var groups = new Dictionary<string, string?>(dimensions.Count, StringComparer.Ordinal);
            foreach (var (h, i) in dimensions) groups[h] = record[i];
            rows.Add(new ImportRow(line, new MeasurementInput(record[year].Trim(), number, denominatorValue, null, null, groups,
                geo >= 0 ? record[geo] : null, units >= 0 ? record[units] : null, null), columns));
            if (rows.Count > MonitoringRules.MaxImportRows)
                return ([], [new ImportProblem(line, "*", $"A file may have at most {MonitoringRules.MaxImportRows:N0} rows; split it by year.")], []);
        }
        if (rows.Count == 0 && problems.Count == 0 && cells.Count == 0) problems.Add(new(2, Value, "The file has a header but no rows."));
        return (problems.Count > 0 ? [] : rows, problems, cells);
    }

    /// <summary>The columns of a series' file: Year, Units, its dimensions in use, Denominator (rates), GeoCode (if any), Value.</summary>
    public static IReadOnlyList<string> Columns(IndicatorSeries series)
    {
        var used = series.Points.Values.SelectMany(p => p.Measurement.Disaggregation.Keys).ToHashSet(StringComparer.Ordinal);
        var dimensions = series.Definition.Disaggregations.Where(used.Contains)
            .Concat(used.Where(d => !series.Definition.Declares(d)).Order(StringComparer.Ordinal));
        var columns = new List<string> { Year, Units };
        columns.AddRange(dimensions);
        if (series.Points.Values.Any(p => p.Measurement.Denominator is not null)) columns.Add(Denominator);
        if (series.Points.Values.Any(p => p.Measurement.GeoCode is not null)) columns.Add(GeoCode);
        // Residents' perception values sit beside official ones for the same period and group: the Series column tells them apart.
        if (series.Points.Values.Any(p => p.IsCommunity())) columns.Add(Series);
        columns.Add(Value);
        return columns;
    }

    /// <summary>The series' current values as rows of the layout (period order, headline first); blank cells are null.</summary>
    public static IEnumerable<IReadOnlyDictionary<string, object?>> Rows(IndicatorSeries series)
    {
        var columns = Columns(series);
        return series.Points.Values
            .OrderBy(p => p.PeriodOf())
            .ThenBy(p => p.IsCommunity())
            .ThenBy(p => p.Measurement.Disaggregation.Count)
            .ThenBy(p => Disaggregation.Key(p.Measurement.Disaggregation), StringComparer.Ordinal)
            .Select(p => (IReadOnlyDictionary<string, object?>)columns.ToDictionary(c => c, c => c switch
            {
                Year => p.Measurement.Period,
                Units => series.Definition.Unit,
                Denominator => p.Measurement.Denominator,
                GeoCode => p.Measurement.GeoCode,
                Series => p.IsCommunity() ? "community" : null,
                Value => (object?)p.Measurement.Value,
                _ => p.Measurement.Disaggregation.GetValueOrDefault(c),
            }));
    }

    public static string Write(IndicatorSeries series)
    {
        var columns = Columns(series);
        var text = new StringBuilder();
        text.AppendJoin(',', columns.Select(c => Escape(Csv.Neutralise(c)))).Append('\n');
        foreach (var row in Rows(series))
        {
            text.AppendJoin(',', columns.Select(c => Escape(row[c] switch
            {
                null => "",
                double d => d.ToString("R", CultureInfo.InvariantCulture),
                var other => Csv.Neutralise(other.ToString() ?? ""), // text: a group, a period, a unit
            })));
            text.Append('\n');
        }
        return text.ToString();
    }

    private static string Escape(string field) =>
        field.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{field.Replace("\"", "\"\"")}\"" : field;
}
