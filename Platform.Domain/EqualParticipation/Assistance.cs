namespace Platform.Domain.EqualParticipation;

/// <summary>
/// An official of the city, or an organisation of it, recorded a concern, a support or a consultation answer on behalf
/// of a resident met offline, with the resident's consent noted. Appended to the item's own stream (the concern's, the
/// consultation's) in the transaction of the participation it accompanies. <paramref name="OnBehalfOf"/> is who the
/// participation is recorded under: the resident's pseudonym (an account) or their offline resident record.
/// <see cref="AssistedAs"/> is the role the assisting account acted in (<see cref="AssistanceRules.Official"/> or
/// <see cref="AssistanceRules.Organisation"/>): what the item's public history shows.
/// </summary>
public sealed record ParticipationAssisted(Guid ItemId, string ItemKind, Guid OnBehalfOf, Guid AssistedBy, string ConsentNote, DateTimeOffset At)
{
    public string AssistedAs { get; init; } = AssistanceRules.Official;
}

/// <summary>
/// A resident met offline, without an account: a display name or initials only (<see cref="AssistanceRules.NameMaxLength"/>),
/// recorded by the assisting account so the same person keeps one voice over several assisted participations.
/// </summary>
public sealed class OfflineResident
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public Guid RecordedBy { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}

/// <summary>Who an assisted participation is for, as a caller says it: an account (by email), an offline resident recorded before, or a new one (a name).</summary>
public sealed record AssistedResidentInput(string? Email, Guid? OfflineResidentId, string? Name);

/// <summary>Record <paramref name="ItemKind"/> about <paramref name="ItemId"/> on behalf of <paramref name="OnBehalfOf"/>, assisted by <paramref name="AssistedBy"/>.</summary>
public sealed record AssistParticipation(Guid ItemId, string ItemKind, Guid OnBehalfOf, Guid AssistedBy, string AssistedAs, string? ConsentNote);

public static class AssistanceRules
{
    public const string Concern = "concern";
    public const string Support = "support";
    public const string Answer = "answer";
    public const string Official = "official";
    public const string Organisation = "organisation";
    public const int ConsentNoteMaxLength = 300;
    public const int NameMaxLength = 60;
    public const int EmailMaxLength = 254;

    /// <summary>The length of an offline resident's number as the platform gives it (an id's 36 characters).</summary>
    public const int OfflineResidentIdLength = 36;
}

/// <summary>The rules of assisted participation; the participation itself is decided by its item's own decider.</summary>
public static class AssistanceDecider
{
    /// <summary>Who the resident is: exactly one of an email, an offline resident's id, or a name for a new offline resident.</summary>
    public static IReadOnlyList<DomainError> CheckResident(AssistedResidentInput? resident)
    {
        var errors = new List<DomainError>();
        var email = Check.Optional(resident?.Email);
        var name = Check.Optional(resident?.Name);
        var given = (email is null ? 0 : 1) + (resident?.OfflineResidentId is null ? 0 : 1) + (name is null ? 0 : 1);
        if (given != 1)
            errors.Add(DomainError.Invalid("resident", "Name the resident once: the email of their account, an offline resident's id, or a name or initials."));
        Check.MaxLength(email, "resident.email", AssistanceRules.EmailMaxLength, errors);
        Check.MaxLength(name, "resident.name", AssistanceRules.NameMaxLength, errors);
        return errors;
    }

    /// <summary>The consent note is required: how and where the resident consented.</summary>
    public static DomainError? CheckConsent(string? note) => Check.RequiredError(note, "consentNote", AssistanceRules.ConsentNoteMaxLength);

    /// <summary>
    /// The participation's own decision with the assistance beside it: a refusal of either refuses both; a participation
    /// that changes nothing (a repeat: one resident, one voice) records no assistance either.
    /// </summary>
    public static Decision Decide(AssistParticipation command, Decision participation, DateTimeOffset now)
    {
        if (CheckConsent(command.ConsentNote) is { } consent) return Decision.Refuse(participation.Errors.Prepend(consent).ToList());
        if (participation.IsRefused || participation.Events.Count == 0) return participation;
        return Decision.Accept([.. participation.Events, Assisted(command, now)]);
    }

    /// <summary>The event of an assistance whose participation was written.</summary>
    public static ParticipationAssisted Assisted(AssistParticipation command, DateTimeOffset now) =>
        new(command.ItemId, command.ItemKind, command.OnBehalfOf, command.AssistedBy, command.ConsentNote!.Trim(), now) { AssistedAs = command.AssistedAs };

    /// <summary>A new offline resident record, or the error naming <c>resident.name</c>.</summary>
    public static (OfflineResident? Resident, DomainError? Error) Offline(Guid id, string? name, Guid recordedBy, DateTimeOffset now)
    {
        if (Check.RequiredError(name, "resident.name", AssistanceRules.NameMaxLength) is { } error) return (null, error);
        return (new OfflineResident { Id = id, Name = name!.Trim(), RecordedBy = recordedBy, RecordedAt = now }, null);
    }
}
