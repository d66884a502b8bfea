namespace Platform.Domain.Assessments;

/// <summary>How far a city has got with one framework item.</summary>
public enum AssessmentLevel
{
    NotStarted,
    Planned,
    InPlace,
    /// <summary>In place, and its effect has been evaluated (the highest level).</summary>
    InPlaceAndEvaluated,
}
