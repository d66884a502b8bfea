namespace Platform.Domain.Monitoring;

/// <summary>OHCHR indicator types: laws and institutions exist, what authorities do, how far people enjoy the right.</summary>
public enum IndicatorType
{
    Structural,
    Process,
    Outcome,
}

/// <summary>
/// How a value of an indicator is checked. The catalogue keeps the unit's label as written (such as
/// "% of budget"); the kind is what validation needs.
/// </summary>
public enum UnitKind
{
    /// <summary>0 to 100.</summary>
    Percentage,
    /// <summary>A whole number, not negative.</summary>
    Count,
    /// <summary>Per <see cref="IndicatorDefinition.RateBase"/> people; a measurement states its denominator.</summary>
    Rate,
    /// <summary>Money, days, years, a ratio: not negative.</summary>
    Amount,
    /// <summary>A gap or index difference (percentage points): any sign.</summary>
    Difference,
    /// <summary>0 (no) or 1 (yes), for structural indicators.</summary>
    YesNo,
    /// <summary>The year something took effect (1900 to 2100), for structural indicators.</summary>
    Year,
}

/// <summary>Which way the indicator should move for the right to be better enjoyed.</summary>
public enum DesiredDirection
{
    Increase,
    Decrease,
}

/// <summary>OHCHR data sources, plus "community" for residents' perception surveys run as consultations.</summary>
public enum SourceKind
{
    Events,
    Administrative,
    Survey,
    Expert,
    Community,
    /// <summary>Computed by the platform from its own records (the complaint indicators, from concern events): never typed in.</summary>
    Platform,
}

/// <summary>Progress status after the Open SDG method (see <see cref="ProgressMethod"/>).</summary>
public enum ProgressStatus
{
    NoData,
    Achieved,
    OnTrack,
    AccelerationNeeded,
    LimitedProgress,
    Deterioration,
}

/// <summary>Latest headline value against the previous one, read in the indicator's desired direction.</summary>
public enum Trend
{
    Improving,
    Stable,
    Worsening,
}
