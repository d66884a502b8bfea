namespace Platform.Domain.Monitoring;

/// <summary>Names of unit kinds as clients and files write them ("percentage", "yes-no"), and the check of a value against one.</summary>
public static class UnitKinds
{
    public static UnitKind? Parse(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        "percentage" or "%" => UnitKind.Percentage,
        "count" => UnitKind.Count,
        "rate" => UnitKind.Rate,
        "amount" => UnitKind.Amount,
        "difference" => UnitKind.Difference,
        "yes-no" or "yesno" => UnitKind.YesNo,
        "year" => UnitKind.Year,
        _ => null,
    };

    public static string Name(UnitKind kind) => kind switch
    {
        UnitKind.YesNo => "yes-no",
        _ => kind.ToString().ToLowerInvariant(),
    };

    /// <summary>Why <paramref name="value"/> is not a value of this unit, or null when it is.</summary>
    public static string? Problem(UnitKind kind, double value)
    {
        if (!double.IsFinite(value)) return "The value must be a finite number.";
        return kind switch
        {
            UnitKind.Percentage when value is < 0 or > 100 => "A percentage is between 0 and 100.",
            UnitKind.Count when value < 0 || value != Math.Floor(value) => "A count is a whole number, not negative.",
            UnitKind.Rate or UnitKind.Amount when value < 0 => "This value cannot be negative.",
            UnitKind.YesNo when value is not (0 or 1) => "A yes/no indicator takes 1 (yes) or 0 (no).",
            UnitKind.Year when value != Math.Floor(value) || value is < Period.MinYear or > Period.MaxYear =>
                $"A year is a whole number from {Period.MinYear} to {Period.MaxYear}.",
            _ => null,
        };
    }
}
