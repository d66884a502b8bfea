namespace Platform.Domain.Assessments;

/// <summary>Where the implementation of a recommendation stands at a follow-up report.</summary>
public enum FollowUpStatus
{
    NotStarted,
    InProgress,
    PartlyImplemented,
    Implemented,
}
