namespace Platform.Api.Concerns;

/// <summary>The body of <c>POST /api/cities/{city}/concerns</c>: what a resident writes to raise a concern.</summary>
public sealed record RaiseConcernRequest(
    string? Title,
    string? Description,
    IReadOnlyList<string>? Rights,
    IReadOnlyList<string>? SdgTargets,
    string? District,
    bool Anonymous = false)
{
    /// <summary>The groups the concern affects (codes of <see cref="Platform.Domain.Groups"/>, at most 5), if any.</summary>
    public IReadOnlyList<string>? Groups { get; init; }
}

/// <summary>The body of an acknowledgement: the department that takes the concern up.</summary>
public sealed record AcknowledgeConcernRequest(string? Department);

/// <summary>The body of the council's answer.</summary>
public sealed record AnswerConcernRequest(string? Answer);

/// <summary>The body of a declination: why the council does not act.</summary>
public sealed record DeclineConcernRequest(string? Reason);

/// <summary>The body of a resolution: an optional note.</summary>
public sealed record ResolveConcernRequest(string? Note);

/// <summary>The body of a resident's contest or escalation: why.</summary>
public sealed record ContestConcernRequest(string? Reason);

/// <summary>The body of the independent body's finding: the finding and its outcome (upheld, partly-upheld, not-upheld).</summary>
public sealed record EscalationFindingRequest(string? Finding, string? Outcome);

/// <summary>The body of an official's tagging of the groups a concern affects (the whole set; empty clears it).</summary>
public sealed record TagConcernGroupsRequest(IReadOnlyList<string>? Groups);

/// <summary>The body of a moderator's hiding, restoration or redaction: why.</summary>
public sealed record ModerateConcernRequest(string? Reason);
