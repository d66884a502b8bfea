using System.Text;
using System.Text.Json;

namespace Platform.Api.OpenData;

/// <summary>
/// The one way a cell is written, so CSV and JSON carry the same values: numbers as numbers (invariant culture),
/// instants in ISO 8601 UTC, dates as yyyy-MM-dd, names of kinds in camelCase, lists joined with ";", nothing as empty.
/// In CSV only, a text cell that starts like a formula gets an apostrophe before it; JSON keeps the raw value.
/// </summary>
public static class OpenDataCells
{
    public const char ListSeparator = ';';

    public static object? Cell(object? value) => value switch
    {
        null => null,
        string s => s,
        bool or int or long or double or decimal => value,
        Guid g => g.ToString(),
        DateTimeOffset t => t.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Enum e => JsonNamingPolicy.CamelCase.ConvertName(e.ToString()),
        System.Collections.IEnumerable list => string.Join(ListSeparator, list.Cast<object?>().Select(x => Text(Cell(x)))),
        _ => value.ToString(),
    };

    public static string Text(object? cell) => cell switch
    {
        null => "",
        bool b => b ? "true" : "false",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => cell.ToString() ?? "",
    };

    public static string Csv(IReadOnlyList<OpenDataField> fields, IEnumerable<object?[]> rows)
    {
        var text = new StringBuilder();
        text.AppendJoin(',', fields.Select(f => Escape(f.Name))).Append('\n');
        foreach (var row in rows) text.AppendJoin(',', row.Select(c => Escape(CsvText(Cell(c))))).Append('\n');
        return text.ToString();
    }

    public static IEnumerable<Dictionary<string, object?>> Json(IReadOnlyList<OpenDataField> fields, IEnumerable<object?[]> rows) =>
        rows.Select(row => fields.Select((f, i) => (f.Name, Cell: Cell(row[i]))).ToDictionary(x => x.Name, x => x.Cell));

    /// <summary>
    /// A cell as CSV text: as <see cref="Text"/>, with text cells that a spreadsheet would run as a formula neutralised
    /// (<see cref="Platform.Domain.Reference.Csv.Neutralise"/>); numbers, booleans and empty cells are never changed.
    /// </summary>
    public static string CsvText(object? cell) => cell is string text ? Platform.Domain.Reference.Csv.Neutralise(text) : Text(cell);

    private static string Escape(string field) =>
        field.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{field.Replace("\"", "\"\"")}\"" : field;
}
