namespace Platform.Domain;

/// <summary>
/// The state a participation is decided on (a support, a vote, an answer): the item as its rules see it (null when it
/// does not exist) and the person's own stream about it (<see cref="PersonalStream"/>; null when they never took part).
/// </summary>
public sealed record Participation<TItem, TMine>(TItem? Item, TMine? Mine) where TItem : class where TMine : class;

/// <summary>
/// Verified residency as an input of the participation deciders: the face says whether the person is a verified
/// resident of the city, the handler whether the city requires it (<c>SupportsRequireVerifiedResidency</c>).
/// </summary>
public static class Residency
{
    public static readonly DomainError Required = new(ErrorKind.Forbidden, "verified-residency-required",
        "Only verified residents can support or vote in this city.");

    /// <summary>The refusal when the city requires verified residency and the person lacks it; null otherwise.</summary>
    public static Decision? Refusal(bool required, bool verified) => required && !verified ? Decision.Refuse(Required) : null;
}

/// <summary>
/// A verified email address as an input of the participation deciders, beside <see cref="Residency"/>: the face says
/// whether the person's address is verified, the handler whether the city requires it (<c>SupportsRequireVerifiedEmail</c>).
/// </summary>
public static class EmailVerification
{
    public static readonly DomainError Required = new(ErrorKind.Forbidden, "verified-email-required",
        "Verify your email address before you support or vote in this city.");

    /// <summary>The refusal when the city requires a verified email address and the person's is not; null otherwise.</summary>
    public static Decision? Refusal(bool required, bool verified) => required && !verified ? Decision.Refuse(Required) : null;
}
