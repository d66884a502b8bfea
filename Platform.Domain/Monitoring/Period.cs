using System.Globalization;

namespace Platform.Domain.Monitoring;

/// <summary>A reporting period: a year ("2024") or a quarter ("2024-Q2"). Events keep its text form.</summary>
public readonly record struct Period(int Year, int? Quarter) : IComparable<Period>
{
    public const int MinYear = 1900;
    public const int MaxYear = 2100;

    /// <summary>Reads "2024" or "2024-Q2" (surrounding white space ignored); digits are ASCII digits.</summary>
    public static bool TryParse(string? text, out Period period)
    {
        period = default;
        if (text is null) return false;
        var span = text.AsSpan().Trim();
        if (span.Length is not (4 or 7) || !char.IsAsciiDigit(span[0]) || !char.IsAsciiDigit(span[1]) || !char.IsAsciiDigit(span[2]) || !char.IsAsciiDigit(span[3]))
            return false;
        var year = (span[0] - '0') * 1000 + (span[1] - '0') * 100 + (span[2] - '0') * 10 + (span[3] - '0');
        if (year is < MinYear or > MaxYear) return false;
        int? quarter = null;
        if (span.Length == 7)
        {
            if (span[4] != '-' || span[5] != 'Q' || span[6] is < '1' or > '4') return false;
            quarter = span[6] - '0';
        }
        period = new Period(year, quarter);
        return true;
    }

    public static Period Parse(string text) =>
        TryParse(text, out var period) ? period : throw new FormatException($"'{text}' is not a year or a quarter.");

    /// <summary>The first day of the period: a period has begun when this day has come.</summary>
    public DateOnly Start => new(Year, ((Quarter ?? 1) - 1) * 3 + 1, 1);

    /// <summary>Where the period starts, in years (2024-Q3 is 2024.5): the time axis of growth rates.</summary>
    public double Position => Year + ((Quarter ?? 1) - 1) / 4.0;

    /// <summary>Not begun yet at <paramref name="now"/>: values for it cannot have been observed.</summary>
    public bool IsFutureAt(DateTimeOffset now) => Start > DateOnly.FromDateTime(now.UtcDateTime);

    public int CompareTo(Period other)
    {
        var byStart = Position.CompareTo(other.Position);
        // A year sorts before its own first quarter: same start, but the quarter is the finer, later report.
        return byStart != 0 ? byStart : (Quarter ?? 0).CompareTo(other.Quarter ?? 0);
    }

    public override string ToString() => Quarter is { } q ? $"{Year}-Q{q}" : Year.ToString(CultureInfo.InvariantCulture);
}
