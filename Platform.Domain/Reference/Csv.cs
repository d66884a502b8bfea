namespace Platform.Domain.Reference;

/// <summary>A small RFC 4180 reader for the embedded reference files (quoted fields, doubled quotes).</summary>
public static class Csv
{
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
