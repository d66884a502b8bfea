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

/// <summary>What the bodies of a shadow report's publication and correction share: its whole text.</summary>
public abstract record ShadowReportBody
{
    public string? Title { get; init; }
    public string? Indicators { get; init; }
    public string? Commitments { get; init; }
    public string? Assessment { get; init; }
    public IReadOnlyList<string>? IndicatorCodes { get; init; }
    public IReadOnlyList<Guid>? CommitmentIds { get; init; }

    /// <summary>The text as the deciders take it.</summary>
    public Domain.Organisations.ShadowReportDraft Draft() => new(Title, Indicators, Commitments, Assessment, IndicatorCodes, CommitmentIds);
}

/// <summary>The body of a shadow report's publication: the year it comments on, and its text.</summary>
public sealed record PublishShadowReportRequest : ShadowReportBody
{
    public int? Year { get; init; }
}

/// <summary>The body of a correction: the whole new text, and a note on what changed.</summary>
public sealed record CorrectShadowReportRequest : ShadowReportBody
{
    public string? Note { get; init; }
}

/// <summary>The body of a moderator's hiding or restoring of a shadow report: the public reason.</summary>
public sealed record ModerateShadowReportRequest(string? Reason);
