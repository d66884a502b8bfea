namespace Platform.Domain.Assessments;

/// <summary>
/// Where a city stands on its way to recognition, as its public pages show it. <see cref="Candidate"/> is derived, never
/// awarded: it is not a <see cref="RecognitionLevel"/>, so no one can award it (<see cref="RecognitionStages"/>).
/// </summary>
public enum RecognitionStage
{
    /// <summary>Neither declared nor assessed yet (or only one of the two).</summary>
    None,
    /// <summary>The city declared its commitment and started its first self-assessment.</summary>
    Candidate,
    /// <summary>The network awarded the level recognised.</summary>
    Recognised,
    /// <summary>The network awarded the level advanced.</summary>
    Advanced,
}

/// <summary>The rule of the stages: an awarded level wins; else both steps of a candidate, since the later of the two.</summary>
public static class RecognitionStages
{
    /// <summary>
    /// The stage, and since when the city is a candidate (null unless both steps were taken). <paramref name="declaredAt"/>:
    /// when the city's declaration was recorded; <paramref name="firstAssessmentStartedAt"/>: when its first cycle started.
    /// </summary>
    public static (RecognitionStage Stage, DateTimeOffset? CandidateSince) Of(DateTimeOffset? declaredAt, DateTimeOffset? firstAssessmentStartedAt,
        RecognitionLevel? highest)
    {
        DateTimeOffset? since = declaredAt is { } d && firstAssessmentStartedAt is { } s ? (d > s ? d : s) : null;
        var stage = highest switch
        {
            RecognitionLevel.Advanced => RecognitionStage.Advanced,
            RecognitionLevel.Recognised => RecognitionStage.Recognised,
            _ => since is null ? RecognitionStage.None : RecognitionStage.Candidate,
        };
        return (stage, since);
    }

    /// <summary>The level a city at <paramref name="stage"/> works towards next; null at the top.</summary>
    public static RecognitionLevel? Next(RecognitionStage stage) => stage switch
    {
        RecognitionStage.Advanced => null,
        RecognitionStage.Recognised => RecognitionLevel.Advanced,
        _ => RecognitionLevel.Recognised,
    };

    /// <summary>
    /// Records the city's declaration, once: the council's decision date (not in the future; a day of slack for time
    /// zones) and a link to the decision anyone can open. The same declaration again changes nothing (a retry); another
    /// one is a conflict.
    /// </summary>
    public static Decision Decide(DeclareHumanRightsCommitment command, CommitmentDeclaration? declaration, DateTimeOffset now)
    {
        if (declaration is not null)
            return declaration.DecidedOn == command.DecidedOn && declaration.DecisionUrl == command.DecisionUrl?.Trim()
                ? Decision.NoChange
                : Decision.Refuse(DomainError.Conflict("commitment-declared", $"The city declared its commitment already (decision of {declaration.DecidedOn:yyyy-MM-dd})."));
        var errors = new List<DomainError>();
        if (command.DecidedOn is not { } decided)
            errors.Add(DomainError.Invalid("decidedOn", "Give the date of the council's decision (yyyy-mm-dd)."));
        else if (decided > DateOnly.FromDateTime(now.UtcDateTime).AddDays(1))
            errors.Add(DomainError.Invalid("decidedOn", "The decision's date cannot lie in the future."));
        var url = Check.Url(command.DecisionUrl, "decisionUrl", AssessmentRules.EvidenceMaxLength, required: true,
            "Give the link to the council's decision.", "The link to the decision is an absolute http or https link.", errors);
        if (errors.Count > 0) return Decision.Refuse(errors);
        return Decision.Accept(new HumanRightsCommitmentDeclared(command.DeclarationId, command.City, command.DecidedOn!.Value, url!, command.OfficialId, now));
    }
}
