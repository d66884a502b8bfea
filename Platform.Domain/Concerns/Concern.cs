namespace Platform.Domain.Concerns;

/// <summary>The write-side state of a concern: only what its rules need.</summary>
public sealed record Concern(Guid Id, ConcernStatus Status, Guid AuthorId, bool Anonymous)
{
    public static Concern Create(ConcernRaised e) => new(e.ConcernId, ConcernStatus.Open, e.AuthorId, e.Anonymous);

    /// <summary>Residents may support a concern while the council has not closed it and it is visible.</summary>
    public bool AcceptsSupport => Status is ConcernStatus.Open or ConcernStatus.Acknowledged or ConcernStatus.Answered;
}
