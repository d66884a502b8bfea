using System.Text;
using Platform.Domain.Reference;

namespace Platform.Tests.Domain;

/// <summary>
/// The CSV reader of imports and reference files: RFC 4180 records, read by cutting fields out of the text. Checked on
/// the cases files bring and, on random texts, against the rules stated one character at a time.
/// </summary>
public class CsvRecordsTests
{
    private static List<List<string>> Read(string text)
    {
        var records = new CsvRecords(text);
        var all = new List<List<string>>();
        var fields = new List<string>();
        while (records.Next(fields)) all.Add([.. fields]);
        return all;
    }

    [Theory]
    [InlineData("a,b\n1,2\n", "[a|b][1|2]")]
    [InlineData("a,b\r\n1,2", "[a|b][1|2]")] // carriage returns dropped, a last record without a line feed counts
    [InlineData("\"x, \"\"y\"\"\",z\n", "[x, \"y\"|z]")] // a quoted field keeps its commas; doubled quotes are one
    [InlineData("\"two\nlines\",b\n", "[two\nlines|b]")] // a quoted line feed is part of the field
    [InlineData("a\n\nb\n", "[a][][b]")] // a blank line is a record of one empty field
    [InlineData("a,\n", "[a|]")]
    [InlineData("a,", "[a|]")]
    [InlineData("", "")]
    [InlineData("\n", "[]")]
    [InlineData("ab\"c,d\"e\n", "[abc,de]")] // a quote inside a field opens a quoted part
    [InlineData("\"\"\n", "[]")] // an empty quoted field
    public void Records_are_read_as_RFC_4180_says(string text, string expected)
    {
        var read = string.Concat(Read(text).Select(r => $"[{string.Join("|", r)}]"));
        Assert.Equal(expected, read);
    }

    [Fact]
    public void Random_texts_read_the_same_as_the_rules_applied_one_character_at_a_time()
    {
        var random = new Random(17);
        const string alphabet = "ab ,\"\n\r'";
        for (var i = 0; i < 5000; i++)
        {
            var text = new string(Enumerable.Range(0, random.Next(0, 40)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
            Assert.Equal(OneCharacterAtATime(text), Read(text));
        }
    }

    /// <summary>The rules, one character at a time: outside quotes a comma ends a field, a line feed a record, a carriage return is dropped and a quote opens quotes; inside, a doubled quote is a quote and a single one closes them.</summary>
    private static List<List<string>> OneCharacterAtATime(string text)
    {
        var records = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var inQuotes = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (inQuotes)
            {
                if (c != '"') field.Append(c);
                else if (i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else inQuotes = false;
                continue;
            }
            switch (c)
            {
                case '"': inQuotes = true; break;
                case ',': row.Add(field.ToString()); field.Clear(); break;
                case '\r': break;
                case '\n': row.Add(field.ToString()); field.Clear(); records.Add(row); row = []; break;
                default: field.Append(c); break;
            }
        }
        if (field.Length > 0 || row.Count > 0)
        {
            row.Add(field.ToString());
            records.Add(row);
        }
        return records;
    }
}
