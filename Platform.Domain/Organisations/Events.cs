namespace Platform.Domain.Organisations;

/// <summary>An organisation registered in the city; it waits for verification. The first event of an Organisation stream.</summary>
public sealed record OrganisationRegistered(
    Guid OrganisationId,
    string Name,
    string Kind,
    string Description,
    string? Website,
    string[] Groups,
    DateTimeOffset RegisteredAt);

/// <summary>
/// An account acts for the organisation from now on. <paramref name="Name"/> is the account's display name when it was
/// added, shown in the organisation's history to its members and the council; erasure masks both (docs/organisations.md).
/// </summary>
public sealed record OrganisationMemberAdded(Guid OrganisationId, Guid AccountId, string Name, DateTimeOffset AddedAt);

/// <summary>An account no longer acts for the organisation.</summary>
public sealed record OrganisationMemberRemoved(Guid OrganisationId, Guid AccountId, DateTimeOffset RemovedAt);

/// <summary>An official of the city or a network administrator verified the organisation: its members act for it.</summary>
public sealed record OrganisationVerified(Guid OrganisationId, Guid VerifiedBy, DateTimeOffset VerifiedAt);

/// <summary>The registration was declined, with the reason.</summary>
public sealed record OrganisationDeclined(Guid OrganisationId, Guid DeclinedBy, string Reason, DateTimeOffset DeclinedAt);

/// <summary>The organisation was suspended, with the reason: its members no longer act for it until it is verified again.</summary>
public sealed record OrganisationSuspended(Guid OrganisationId, Guid SuspendedBy, string Reason, DateTimeOffset SuspendedAt);

/// <summary>
/// The concern was raised on behalf of the organisation, for one of the groups it speaks for. Appended to the concern's
/// stream together with its <c>ConcernRaised</c>.
/// </summary>
public sealed record ConcernRaisedOnBehalf(Guid ConcernId, Guid OrganisationId, string Group, DateTimeOffset At);

/// <summary>What one version of a shadow report says (checked and trimmed).</summary>
public sealed record ShadowReportText(string Title, string Indicators, string Commitments, string Assessment, string[] IndicatorCodes, Guid[] CommitmentIds);

/// <summary>
/// An organisation published a shadow report on the city's annual report of <paramref name="Year"/>: its first version.
/// <paramref name="OrganisationName"/> is the organisation's public name at the time. The first event of a ShadowReport stream.
/// </summary>
public sealed record ShadowReportPublished(Guid ReportId, Guid OrganisationId, string OrganisationName, int Year, ShadowReportText Text, DateTimeOffset PublishedAt);

/// <summary>The organisation published a corrected version (<paramref name="Version"/>: 2, 3, ...); the earlier ones stay public.</summary>
public sealed record ShadowReportCorrected(Guid ReportId, int Version, ShadowReportText Text, string? Note, DateTimeOffset CorrectedAt);

/// <summary>A moderator hid the shadow report for breaking the platform's content rules; the reason is public.</summary>
public sealed record ShadowReportHidden(Guid ReportId, Guid ModeratorId, string Reason, DateTimeOffset HiddenAt);

/// <summary>A moderator showed the hidden shadow report again; the reason is public.</summary>
public sealed record ShadowReportRestored(Guid ReportId, Guid ModeratorId, string Reason, DateTimeOffset RestoredAt);
