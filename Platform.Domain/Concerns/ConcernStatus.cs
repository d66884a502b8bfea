namespace Platform.Domain.Concerns;

/// <summary>Where a concern stands in its lifecycle.</summary>
public enum ConcernStatus
{
    Open,
    Acknowledged,
    Answered,
    Resolved,
    Declined,
    Hidden,
    Withdrawn,
}
