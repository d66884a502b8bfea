using Platform.Domain.Concerns;

namespace Platform.Domain.Organisations;

/// <summary>
/// Register an organisation in the route's city as <paramref name="OrganisationId"/> (a new id), by the signed-in
/// <paramref name="AccountId"/>, who becomes its first member. It waits for the city's officials or a network administrator.
/// </summary>
public sealed record RegisterOrganisation(
    Guid OrganisationId,
    Guid AccountId,
    string? Name,
    string? Kind,
    string? Description,
    string? Website,
    IReadOnlyList<string>? Groups)
{
    /// <summary>How the organisation's history names its first member: the account's display name (the handler sets it).</summary>
    public string MemberName { get; init; } = "";
}

/// <summary>An official of the city, or a network administrator, verifies the organisation (also one suspended before).</summary>
public sealed record VerifyOrganisation(Guid OrganisationId, Guid VerifierId);

/// <summary>An official of the city, or a network administrator, declines a registration, saying why.</summary>
public sealed record DeclineOrganisation(Guid OrganisationId, Guid VerifierId, string? Reason);

/// <summary>An official of the city, or a network administrator, suspends a verified organisation, saying why.</summary>
public sealed record SuspendOrganisation(Guid OrganisationId, Guid VerifierId, string? Reason);

/// <summary>
/// A member adds another account by its email address. The face looks the address up: <see cref="MemberId"/> and
/// <see cref="MemberName"/> are the account found (null: no account has it).
/// </summary>
public sealed record AddOrganisationMember(Guid OrganisationId, Guid AccountId, string? Email)
{
    public Guid? MemberId { get; init; }
    public string MemberName { get; init; } = "";
}

/// <summary>A member removes a member (or themselves) from the organisation.</summary>
public sealed record RemoveOrganisationMember(Guid OrganisationId, Guid AccountId, Guid MemberId);

/// <summary>
/// A member of a verified organisation raises <paramref name="Concern"/> on behalf of the organisation and one of the
/// groups it speaks for (<paramref name="Group"/>). The concern is named (never anonymous): its author is the member.
/// </summary>
public sealed record RaiseConcernOnBehalf(RaiseConcern Concern, Guid OrganisationId, string? Group);

/// <summary>
/// What a shadow report says, as sent: its title, its sections on the city's indicators, commitments and
/// self-assessment, and the indicator codes and commitment ids of the city it refers to.
/// </summary>
public sealed record ShadowReportDraft(
    string? Title,
    string? Indicators,
    string? Commitments,
    string? Assessment,
    IReadOnlyList<string>? IndicatorCodes,
    IReadOnlyList<Guid>? CommitmentIds);

/// <summary>
/// What the city holds that a shadow report may refer to, and the years it may be about: the handler reads it and
/// adds it to the commands, so the decider stays pure.
/// </summary>
public sealed record ShadowReportContext(IReadOnlySet<string> IndicatorCodes, IReadOnlySet<Guid> CommitmentIds, int FirstYear, int CurrentYear);

/// <summary>A member of a verified organisation publishes a shadow report on the city's report of <paramref name="Year"/>.</summary>
public sealed record PublishShadowReport(Guid ReportId, Guid OrganisationId, Guid AccountId, int? Year, ShadowReportDraft Draft)
{
    public ShadowReportContext Context { get; init; } = new(new HashSet<string>(), new HashSet<Guid>(), 2000, 2000);
}

/// <summary>A member of the publishing organisation publishes a corrected version (the earlier ones stay), saying what changed.</summary>
public sealed record CorrectShadowReport(Guid ReportId, Guid AccountId, string? Note, ShadowReportDraft Draft)
{
    public ShadowReportContext Context { get; init; } = new(new HashSet<string>(), new HashSet<Guid>(), 2000, 2000);
}

/// <summary>A moderator hides a shadow report that breaks the platform's content rules, with a public reason.</summary>
public sealed record HideShadowReport(Guid ReportId, Guid ModeratorId, string? Reason);

/// <summary>A moderator shows a hidden shadow report again, with a public reason.</summary>
public sealed record RestoreShadowReport(Guid ReportId, Guid ModeratorId, string? Reason);
