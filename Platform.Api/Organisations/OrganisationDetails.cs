using Platform.Domain.Organisations;
using Platform.Projections.Organisations;

namespace Platform.Api.Organisations;

/// <summary>
/// An organisation as the API shows it. <paramref name="Members"/> and the names in member steps of
/// <paramref name="History"/> are shown to its members, the city's officials and network administrators only (null and
/// left out for everyone else); <paramref name="YouAreMember"/> tells the caller they act for it.
/// </summary>
public sealed record OrganisationDetails(
    Guid Id,
    string City,
    string Name,
    string Kind,
    string Description,
    string? Website,
    string[] Groups,
    OrganisationStatus Status,
    DateTimeOffset RegisteredAt,
    DateTimeOffset? VerifiedAt,
    string? StatusReason,
    bool YouAreMember,
    IReadOnlyList<OrganisationMemberView>? Members,
    IReadOnlyList<OrganisationHistoryEntry> History,
    long Version);

/// <summary>One organisation in a list.</summary>
public sealed record OrganisationSummary(Guid Id, string Name, string Kind, string[] Groups, OrganisationStatus Status, DateTimeOffset RegisteredAt,
    DateTimeOffset? VerifiedAt);

/// <summary>The organisation and group a concern was raised on behalf of.</summary>
public sealed record ConcernOnBehalf(Guid OrganisationId, string OrganisationName, string Group);

/// <summary>
/// A shadow report as the API shows it: every version (the last is <paramref name="Current"/>). A report hidden by a
/// moderator shows its reason to everyone and its text only to moderators and the publishing organisation's members
/// (<paramref name="Current"/> null and <paramref name="Versions"/> empty for everyone else).
/// </summary>
public sealed record ShadowReportDetails(
    Guid Id,
    string City,
    int Year,
    Guid OrganisationId,
    string OrganisationName,
    ShadowReportVersionView? Current,
    IReadOnlyList<ShadowReportVersionView> Versions,
    DateTimeOffset PublishedAt,
    DateTimeOffset UpdatedAt,
    bool Hidden,
    string? HiddenReason,
    DateTimeOffset? HiddenAt,
    string? RestoredReason,
    string Page,
    long Version);

/// <summary>The id of an organisation just registered, a concern just raised on behalf of one, or a shadow report just published.</summary>
public sealed record CreatedId(Guid Id);
