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

    /// <summary>
    /// Why a file cannot be read as CSV at all, with the line to look at, or null when it can: quotes come in pairs (a
    /// quote inside a field is doubled), so an odd count is a quoted field never closed, which would otherwise swallow
    /// the rest of the file into one cell; and U+0000 is no text (no database keeps it in text).
    /// </summary>
    public static (int Line, string Problem)? Unreadable(string text)
    {
        if (text.AsSpan().Count('"') % 2 != 0)
            return (text.AsSpan(0, text.LastIndexOf('"')).Count('\n') + 1,
                "A quoted field is never closed (the file has an odd number of quotes; the last one is on this line).");
        var nul = text.IndexOf('\0');
        return nul >= 0 ? (text.AsSpan(0, nul).Count('\n') + 1, "The file contains the character U+0000, which is not text.") : null;
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

    /// <summary>The rows of the text <paramref name="reader"/> gives (see <see cref="CsvRecords"/>), each a list of its own.</summary>
    public static IEnumerable<List<string>> ReadRows(TextReader reader)
    {
        var records = new CsvRecords(reader.ReadToEnd());
        var row = new List<string>();
        while (records.Next(row))
        {
            yield return row;
            row = [];
        }
    }
}

/// <summary>
/// The records of a CSV text, one after the other (RFC 4180: quoted fields, doubled quotes inside them). Outside quotes
/// a comma ends a field, a line feed a record, and a carriage return is dropped; a quote anywhere outside quotes opens a
/// quoted part of the field. A last record without a line feed counts unless it is empty. Fields are cut out of the text
/// where they hold no quotes or carriage returns, so a large file is read without copying it character by character.
/// </summary>
public sealed class CsvRecords(string text)
{
    private static readonly System.Buffers.SearchValues<char> Special = System.Buffers.SearchValues.Create(",\n\r\"");
    private readonly System.Text.StringBuilder _built = new();
    private int _position;
    // The field being read: one run of the text [_runStart, _runEnd), or, once it has more parts, _built.
    private int _runStart, _runEnd;
    private bool _building;

    /// <summary>
    /// The data rows of an import after its header: each is read into <paramref name="fields"/> with its cells restored
    /// (<see cref="Csv.Restore"/>) and yielded as its line in the file (the header is line 1). Blank lines are skipped; a
    /// row with another number of fields than <paramref name="columns"/> is told to <paramref name="wrongWidth"/> (line,
    /// problem) and not yielded.
    /// </summary>
    public IEnumerable<int> DataRows(List<string> fields, int columns, Action<int, string> wrongWidth)
    {
        var line = 1;
        while (Next(fields))
        {
            line++;
            for (var i = 0; i < fields.Count; i++) fields[i] = Csv.Restore(fields[i]);
            if (fields is [""]) continue; // a blank line (often the last)
            if (fields.Count != columns)
            {
                wrongWidth(line, $"The row has {fields.Count} fields; the header has {columns}.");
                continue;
            }
            yield return line;
        }
    }

    /// <summary>Reads the next record into <paramref name="fields"/> (cleared first); false when the text has no more.</summary>
    public bool Next(List<string> fields)
    {
        fields.Clear();
        var i = _position;
        if (i >= text.Length) return false;
        ResetField();
        var inQuotes = false;
        while (i < text.Length)
        {
            var rest = text.AsSpan(i);
            if (inQuotes)
            {
                var quote = rest.IndexOf('"');
                if (quote < 0) { Take(i, text.Length); i = text.Length; break; }
                Take(i, i + quote);
                i += quote + 1;
                if (i < text.Length && text[i] == '"') { TakeQuote(); i++; }
                else inQuotes = false;
                continue;
            }
            var next = rest.IndexOfAny(Special);
            if (next < 0) { Take(i, text.Length); i = text.Length; break; }
            Take(i, i + next);
            i += next + 1;
            switch (text[i - 1])
            {
                case ',': fields.Add(EndField()); break;
                case '"': inQuotes = true; break;
                case '\n':
                    fields.Add(EndField());
                    _position = i;
                    return true;
                // '\r': dropped
            }
        }
        _position = text.Length;
        if (FieldLength == 0 && fields.Count == 0) return false;
        fields.Add(EndField());
        return true;
    }

    private int FieldLength => _building ? _built.Length : _runEnd - _runStart;

    private void ResetField()
    {
        _runStart = _runEnd = 0;
        _building = false;
        _built.Clear();
    }

    private void Take(int from, int to)
    {
        if (to == from) return;
        if (!_building && _runEnd == _runStart) { _runStart = from; _runEnd = to; return; }
        Build();
        _built.Append(text, from, to - from);
    }

    private void TakeQuote()
    {
        Build();
        _built.Append('"');
    }

    private void Build()
    {
        if (_building) return;
        _building = true;
        _built.Append(text, _runStart, _runEnd - _runStart);
    }

    private string EndField()
    {
        var field = _building ? _built.ToString() : _runEnd == _runStart ? "" : text.Substring(_runStart, _runEnd - _runStart);
        ResetField();
        return field;
    }
}
