namespace Platform.Domain.Concerns;

/// <summary>One resident's support of one item (the state of a support stream).</summary>
public sealed record ResidentSupport(Guid Id, Guid ItemId, Guid ResidentId, bool Active)
{
    public static ResidentSupport Create(Guid streamId, ConcernSupported e) => new(streamId, e.ConcernId, e.ResidentId, true);
    public ResidentSupport Apply(ConcernSupported _) => this with { Active = true };
    public ResidentSupport Apply(ConcernSupportWithdrawn _) => this with { Active = false };
}
