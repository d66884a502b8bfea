namespace Platform.Domain.Consultations;

/// <summary>Where a consultation stands. An open consultation takes answers only inside its window.</summary>
public enum ConsultationStatus
{
    Draft,
    Open,
    Closed,
    OutcomePublished,
}
