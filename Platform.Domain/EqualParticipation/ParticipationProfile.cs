namespace Platform.Domain.EqualParticipation;

/// <summary>
/// A person's self-described participation profile, given with their consent (<see cref="ProfileDecider"/>): every
/// answer optional. Kept as one document under the person's pseudonym (the key their supports, votes and answers are
/// stored under), never in the event store: a changed answer replaces the old one, a withdrawn profile is deleted, so
/// nothing of a withdrawn answer stays. It is never shown per person; only counts of many are (docs/participation.md).
/// </summary>
public sealed class ParticipationProfile
{
    /// <summary>The person's pseudonym (not their account id).</summary>
    public Guid Id { get; set; }
    public string? AgeBand { get; set; }
    public string? Gender { get; set; }
    public bool? Disability { get; set; }
    public bool? MigrantBackground { get; set; }
    public string? District { get; set; }
    /// <summary>When the person consented (with their latest change).</summary>
    public DateTimeOffset ConsentedAt { get; set; }
}

/// <summary>
/// Save the profile of <paramref name="Participant"/> (their pseudonym). <paramref name="Consent"/> must be true: without
/// the person's explicit consent nothing is stored. A null answer is "not said".
/// </summary>
public sealed record SaveProfile(Guid Participant, bool? Consent, string? AgeBand, string? Gender, bool? Disability, bool? MigrantBackground,
    string? District);

/// <summary>The rules of a participation profile: consent first, then each answer one of its dimension's.</summary>
public static class ProfileDecider
{
    public static readonly DomainError ConsentRequired = DomainError.Invalid("consent",
        "Tick the consent box: without your consent nothing is stored.");

    /// <summary>The profile to store, or the errors naming each field at fault.</summary>
    public static (ParticipationProfile? Profile, IReadOnlyList<DomainError> Errors) Decide(SaveProfile command, DateTimeOffset now)
    {
        var errors = new List<DomainError>();
        if (command.Consent is not true) errors.Add(ConsentRequired);
        OneOf(command.AgeBand, ProfileRules.AgeBand, ProfileRules.AgeBands, errors);
        OneOf(command.Gender, ProfileRules.Gender, ProfileRules.Genders, errors);
        Check.MaxLength(command.District, ProfileRules.District, ProfileRules.DistrictMaxLength, errors);
        if (errors.Count > 0) return (null, errors);
        return (new ParticipationProfile
        {
            Id = command.Participant,
            AgeBand = Check.Optional(command.AgeBand),
            Gender = Check.Optional(command.Gender),
            Disability = command.Disability,
            MigrantBackground = command.MigrantBackground,
            District = Check.Optional(command.District),
            ConsentedAt = now,
        }, errors);
    }

    private static void OneOf(string? value, string field, IReadOnlyList<string> allowed, List<DomainError> errors)
    {
        if (Check.Optional(value) is { } given && !allowed.Contains(given))
            errors.Add(DomainError.Invalid(field, $"The {field} is one of {string.Join(", ", allowed)}, or left out."));
    }
}
