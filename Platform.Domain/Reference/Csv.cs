namespace Platform.Domain.Reference;

/// <summary>
/// A small RFC 4180 reader (quoted fields, doubled quotes), and the rule that keeps a text cell from running as a
/// formula in the spreadsheet of whoever opens a file the platform writes.
/// </summary>
public static class Csv
{
    /// <summary>The characters a spreadsheet reads as the start of a formula (or that hide one) at the start of a cell.</summary>
    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];

    /// <summary>
    /// A text cell as a CSV file carries it: when it starts (after any apostrophes) with one of <c>= + - @</c>, a tab or
    /// a carriage return, an apostrophe goes before it, so a spreadsheet shows it as text instead of running it
    /// (<c>=HYPERLINK(...)</c>). Counting the apostrophes already there makes it reversible: <see cref="Restore"/>
    /// gives back the value exactly. Numbers are not text cells: <c>-3.5</c> is written as it is.
    /// </summary>
    public static string Neutralise(string cell)
    {
        var first = 0;
        while (first < cell.Length && cell[first] == '\'') first++;
        return first < cell.Length && Array.IndexOf(FormulaStarts, cell[first]) >= 0 ? "'" + cell : cell;
    }

    /// <summary>The value of a text cell read from a CSV file: undoes <see cref="Neutralise"/>, changes nothing else.</summary>
    public static string Restore(string cell)
    {
        if (cell.Length == 0 || cell[0] != '\'') return cell;
        var first = 0;
        while (first < cell.Length && cell[first] == '\'') first++;
        return first < cell.Length && Array.IndexOf(FormulaStarts, cell[first]) >= 0 ? cell[1..] : cell;
    }

    public static IReadOnlyList<IReadOnlyDictionary<string, string>> ReadRecords(TextReader reader)
    {
        var rows = ReadRows(reader).ToList();
        if (rows.Count == 0) return [];
        var header = rows[0];
        return rows.Skip(1)
            .Where(r => r.Count > 1 || r[0].Length > 0)
            .Select(r => (IReadOnlyDictionary<string, string>)header
                .Select((name, i) => (name, value: i < r.Count ? r[i] : ""))
                .ToDictionary(p => p.name, p => p.value))
            .ToList();
    }

    public static IEnumerable<List<string>> ReadRows(TextReader reader)
    {
        var row = new List<string>();
        var field = new System.Text.StringBuilder();
        var inQuotes = false;
        int c;
        while ((c = reader.Read()) != -1)
        {
            var ch = (char)c;
            if (inQuotes)
            {
                if (ch == '"')
                {
                    if (reader.Peek() == '"') { field.Append('"'); reader.Read(); }
                    else inQuotes = false;
                }
                else field.Append(ch);
                continue;
            }
            switch (ch)
            {
                case '"': inQuotes = true; break;
                case ',': row.Add(field.ToString()); field.Clear(); break;
                case '\r': break;
                case '\n':
                    row.Add(field.ToString()); field.Clear();
                    yield return row;
                    row = [];
                    break;
                default: field.Append(ch); break;
            }
        }
        if (field.Length > 0 || row.Count > 0)
        {
            row.Add(field.ToString());
            yield return row;
        }
    }
}
