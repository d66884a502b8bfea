namespace Platform.Api.Organisations;

/// <summary>The body of <c>POST /api/cities/{city}/organisations</c>: the organisation as it presents itself.</summary>
public sealed record RegisterOrganisationRequest(string? Name, string? Kind, string? Description, string? Website, IReadOnlyList<string>? Groups);

/// <summary>The body of a declination or a suspension: why.</summary>
public sealed record OrganisationReasonRequest(string? Reason);

/// <summary>The body of adding a member: the email address of their account.</summary>
public sealed record AddOrganisationMemberRequest(string? Email);

/// <summary>The body of a concern raised on behalf of an organisation: the concern, and the group it is raised for.</summary>
public sealed record RaiseOnBehalfRequest(
    string? Title,
    string? Description,
    IReadOnlyList<string>? Rights,
    IReadOnlyList<string>? SdgTargets,
    string? District,
    string? Group);

/// <summary>The body of a shadow report's publication: the year it comments on, and its text.</summary>
public sealed record PublishShadowReportRequest(
    int? Year,
    string? Title,
    string? Indicators,
    string? Commitments,
    string? Assessment,
    IReadOnlyList<string>? IndicatorCodes,
    IReadOnlyList<Guid>? CommitmentIds);

/// <summary>The body of a correction: the whole new text, and a note on what changed.</summary>
public sealed record CorrectShadowReportRequest(
    string? Note,
    string? Title,
    string? Indicators,
    string? Commitments,
    string? Assessment,
    IReadOnlyList<string>? IndicatorCodes,
    IReadOnlyList<Guid>? CommitmentIds);

/// <summary>The body of a moderator's hiding or restoring of a shadow report: the public reason.</summary>
public sealed record ModerateShadowReportRequest(string? Reason);
