namespace Platform.Domain.Assessments;

/// <summary>Where an assessment cycle stands. Only a draft is private to the city's officials.</summary>
public enum AssessmentStage
{
    /// <summary>Started, items being assessed; visible to the city's officials only.</summary>
    Draft,
    /// <summary>Submitted and public; waiting for the network to assign a reviewing city.</summary>
    Submitted,
    /// <summary>A reviewing city is assigned and drafting its findings and recommendations.</summary>
    UnderReview,
    /// <summary>The peer review is submitted; the city answers recommendations and reports follow-up.</summary>
    Reviewed,
}
