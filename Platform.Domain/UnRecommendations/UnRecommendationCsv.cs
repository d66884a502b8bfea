using Platform.Domain.Monitoring;
using Platform.Domain.Reference;

namespace Platform.Domain.UnRecommendations;

/// <summary>
/// The layout of a file of UN recommendations: a header row naming the columns (any order, any case), then one
/// recommendation a row. <c>source</c>, <c>cycle</c> (or <c>session</c>), <c>text</c> and <c>rights</c> are required
/// columns; <c>paragraph</c> (or <c>symbol</c>) and <c>sdgTargets</c> may be left out; several rights or targets
/// in a cell are separated by <c>;</c>.
/// </summary>
public static class UnRecommendationCsv
{
    public const string Source = "source", Cycle = "cycle", Paragraph = "paragraph", Text = "text", Rights = "rights", SdgTargets = "sdgTargets";

    /// <summary>The column names a header may use, and the field each fills.</summary>
    private static readonly Dictionary<string, string> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        [Source] = Source, [Cycle] = Cycle, ["session"] = Cycle, [Paragraph] = Paragraph, ["symbol"] = Paragraph,
        [Text] = Text, [Rights] = Rights, [SdgTargets] = SdgTargets,
    };

    private static readonly string[] Required = [Source, Cycle, Text, Rights];

    /// <summary>
    /// The rows of a file, each with a new id from <paramref name="newId"/>, and the problems of its shape (an unreadable
    /// file, a header without the required columns or with unknown or repeated ones, rows of the wrong length, too many
    /// rows): when there are any, the file is not in the layout and no rows are given.
    /// </summary>
    public static (IReadOnlyList<UnRecommendationRow> Rows, IReadOnlyList<ImportProblem> Malformed) Read(string text, Func<Guid> newId)
    {
        if (Csv.Unreadable(text) is { } unreadable) return ([], [new ImportProblem(unreadable.Line, "*", unreadable.Problem)]);
        var records = new CsvRecords(text);
        var record = new List<string>();
        if (!records.Next(record) || record is [""])
            return ([], [new ImportProblem(1, "*", "The file is empty: it needs a header (source, cycle, paragraph, text, rights, sdgTargets) and rows.")]);

        var header = record.Select(h => Csv.Restore(h.Trim().TrimStart('\uFEFF'))).ToList();
        var problems = new List<ImportProblem>();
        var fields = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Count; i++)
        {
            if (header[i].Length == 0) problems.Add(new(1, $"#{i + 1}", "A column has no name."));
            else if (!Names.TryGetValue(header[i], out var field))
                problems.Add(new(1, header[i], "The column is not one of source, cycle (or session), paragraph (or symbol), text, rights, sdgTargets."));
            else if (!fields.TryAdd(field, i)) problems.Add(new(1, header[i], "The column appears twice."));
        }
        foreach (var required in Required.Where(r => !fields.ContainsKey(r)))
            problems.Add(new(1, required, $"The header has no {required} column."));
        if (problems.Count > 0) return ([], problems);

        var columns = fields.ToDictionary(f => f.Key, f => header[f.Value], StringComparer.Ordinal);
        string? Cell(List<string> row, string field) => fields.TryGetValue(field, out var i) ? row[i] : null;
        var rows = new List<UnRecommendationRow>();
        foreach (var line in records.DataRows(record, header.Count, (at, problem) => problems.Add(new(at, "*", problem))))
        {
            if (rows.Count == UnRecommendationRules.MaxImportRows)
                return ([], [new ImportProblem(line, "*", $"A file may have at most {UnRecommendationRules.MaxImportRows} rows; split it.")]);
            var input = new UnRecommendationInput(Cell(record, Source), Cell(record, Cycle), Cell(record, Paragraph), Cell(record, Text),
                Codes(Cell(record, Rights)), Codes(Cell(record, SdgTargets)));
            rows.Add(new UnRecommendationRow(line, newId(), input, columns));
        }
        if (rows.Count == 0 && problems.Count == 0) problems.Add(new(2, "*", "The file has a header but no rows."));
        return (problems.Count > 0 ? [] : rows, problems);
    }

    /// <summary>The codes of a cell, separated by semicolons; blank pieces are left out.</summary>
    public static string?[] Codes(string? cell) =>
        (cell ?? "").Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}
