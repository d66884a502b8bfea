namespace Platform.Domain.Assessments;

/// <summary>The reviewed city's answer to a recommendation, as in the UN Universal Periodic Review.</summary>
public enum RecommendationResponse
{
    /// <summary>The city accepts it and commits to act (it may become a commitment).</summary>
    Supported,
    /// <summary>The city takes note without committing (with a note saying why).</summary>
    Noted,
}
