using Platform.Domain.Reference;

namespace Platform.Domain.Assessments;

/// <summary>
/// The rules of assessment cycles, peer reviews and recognition, as pure functions of command, state and time.
/// A draft is visible to the city's officials only: to anyone else every command on it answers "not found".
/// </summary>
public static class AssessmentDecider
{
    /// <summary>The framework every cycle is assessed against (the catalogue's current version).</summary>
    private static FrameworkCatalogue Framework => FrameworkCatalogue.Default;

    /// <summary>
    /// Starts a cycle on its new stream: a stream that exists already is a cycle the city has (409 <c>cycle-exists</c>);
    /// the city's cycle still in draft (<see cref="StartAssessment.OpenCycle"/>) refuses another.
    /// </summary>
    public static Decision Decide(StartAssessment command, Assessment? assessment, DateTimeOffset now)
    {
        var cycle = AssessmentRules.NormaliseCycle(command.Cycle);
        if (cycle is null)
            return Decision.Refuse(DomainError.Invalid("cycle", "Name the cycle, such as 2026."));
        if (cycle.Length > AssessmentRules.CycleMaxLength || !AssessmentRules.CyclePattern().IsMatch(cycle))
            return Decision.Refuse(DomainError.Invalid("cycle",
                $"A cycle has at most {AssessmentRules.CycleMaxLength} letters, digits, dots, dashes or underscores, such as 2026."));
        if (assessment is not null)
            return Decision.Refuse(DomainError.Conflict("cycle-exists", $"The city already has an assessment for cycle {cycle}."));
        if (command.OpenCycle is { } openCycle)
            return Decision.Refuse(DomainError.Conflict("open-cycle-exists",
                $"Cycle {openCycle} is still open (not submitted); submit it before starting another."));
        return Decision.Accept(new AssessmentStarted(command.AssessmentId, command.City, cycle, Framework.Version, command.Caller.Id, now));
    }

    public static Decision Decide(AssessElement command, Assessment? assessment, DateTimeOffset now)
    {
        var caller = command.Caller;
        if (Hidden(assessment, caller)) return Decision.Refuse(NotFound);
        if (!caller.IsOfficialOf(assessment!.City)) return Decision.Refuse(NotAnOfficial);
        if (assessment.Stage != AssessmentStage.Draft) return Decision.Refuse(AlreadySubmitted);

        var errors = new List<DomainError>();
        if (string.IsNullOrWhiteSpace(command.Item))
            errors.Add(DomainError.Invalid("item", "Name the framework item, such as A1."));
        else if (!Framework.IsItem(command.Item.Trim()))
            errors.Add(DomainError.Invalid("item", $"'{command.Item}' is not an item of the framework (A1-A5, B1-B7, C1-C10)."));
        if (!AssessmentRules.TryParseName<AssessmentLevel>(command.Level, out var level))
            errors.Add(DomainError.Invalid("level", "The level is one of notStarted, planned, inPlace, inPlaceAndEvaluated."));
        var evidence = command.Evidence ?? [];
        if (evidence.Count > AssessmentRules.MaxEvidence)
            errors.Add(DomainError.Invalid("evidence", $"Give at most {AssessmentRules.MaxEvidence} evidence links."));
        else
            for (var i = 0; i < evidence.Count; i++)
                if (!AssessmentRules.IsEvidenceLink(evidence[i]?.Trim()))
                    errors.Add(DomainError.Invalid($"evidence[{i}]", "Evidence is an absolute http or https link."));
        var note = Check.Optional(command.Note);
        Check.MaxLength(note, "note", AssessmentRules.NoteMaxLength, errors);
        if (errors.Count > 0) return Decision.Refuse(errors);

        var links = evidence.Select(e => e!.Trim()).Distinct(StringComparer.Ordinal).ToArray();
        return Decision.Accept(new AssessmentElementAssessed(assessment.Id, command.Item!.Trim(), level, links, note, caller.Id, now));
    }

    /// <summary>Submits a draft once every item of its framework has a level; 422 listing the items still missing.</summary>
    public static Decision Decide(SubmitAssessment command, Assessment? assessment, DateTimeOffset now)
    {
        var (caller, framework) = (command.Caller, Framework);
        if (Hidden(assessment, caller)) return Decision.Refuse(NotFound);
        if (!caller.IsOfficialOf(assessment!.City)) return Decision.Refuse(NotAnOfficial);
        if (assessment.Stage != AssessmentStage.Draft) return Decision.Refuse(AlreadySubmitted);
        var missing = framework.Items.Where(i => !assessment.Levels.ContainsKey(i.Code)).Select(i => i.Code).ToArray();
        if (missing.Length > 0)
            return Decision.Refuse(missing.Select(code =>
                DomainError.Rule("assessment-incomplete", $"{code} is not assessed yet.", "items")).ToArray());
        return Decision.Accept(new AssessmentSubmitted(assessment.Id, assessment.City, assessment.Cycle,
            framework.Items.ToDictionary(i => i.Code, i => assessment.Levels[i.Code]), caller.Id, now));
    }

    /// <summary>Assigns the reviewing city, once: another city of the network (<see cref="AssignPeerReviewer.ReviewerCityExists"/>).</summary>
    public static Decision Decide(AssignPeerReviewer command, Assessment? assessment, DateTimeOffset now)
    {
        var administrator = command.Caller;
        if (Hidden(assessment, administrator)) return Decision.Refuse(NotFound);
        var reviewer = Check.Optional(command.ReviewerCity);
        if (reviewer is null) return Decision.Refuse(DomainError.Invalid("reviewerCity", "Name the reviewing city by its slug."));
        if (assessment!.ReviewerCity is not null)
            return Decision.Refuse(DomainError.Conflict("reviewer-already-assigned", $"{assessment.ReviewerCity} already reviews this assessment."));
        if (reviewer == assessment.City)
            return Decision.Refuse(DomainError.Rule("reviewer-is-reviewed-city", "A city cannot review its own assessment.", "reviewerCity"));
        if (!command.ReviewerCityExists)
            return Decision.Refuse(DomainError.Rule("unknown-city", $"'{reviewer}' is not a city of the network.", "reviewerCity"));
        return Decision.Accept(new PeerReviewerAssigned(assessment.Id, reviewer, administrator.Id, now));
    }

    public static Decision Decide(RecordFinding command, Assessment? assessment, DateTimeOffset now)
    {
        var caller = command.Caller;
        if (ReviewRefusal(assessment, caller) is { } refused) return Decision.Refuse(refused);
        var errors = new List<DomainError>();
        if (string.IsNullOrWhiteSpace(command.Item))
            errors.Add(DomainError.Invalid("item", "Name the framework item the finding is about, such as B3."));
        else if (!Framework.IsItem(command.Item.Trim()))
            errors.Add(DomainError.Invalid("item", $"'{command.Item}' is not an item of the framework."));
        Check.Required(command.Finding, "finding", AssessmentRules.FindingMaxLength, errors);
        if (errors.Count > 0) return Decision.Refuse(errors);
        return Decision.Accept(new PeerReviewFindingRecorded(assessment!.Id, command.Item!.Trim(), command.Finding!.Trim(), caller.Id, now));
    }

    public static Decision Decide(DraftRecommendation command, Assessment? assessment, DateTimeOffset now)
    {
        var caller = command.Caller;
        if (ReviewRefusal(assessment, caller) is { } refused) return Decision.Refuse(refused);
        if (assessment!.Recommendations.Count >= AssessmentRules.MaxRecommendations)
            return Decision.Refuse(DomainError.Rule("too-many-recommendations", $"A review holds at most {AssessmentRules.MaxRecommendations} recommendations."));
        var errors = new List<DomainError>();
        Check.Required(command.Text, "text", AssessmentRules.RecommendationMaxLength, errors);
        if (string.IsNullOrWhiteSpace(command.Item))
            errors.Add(DomainError.Invalid("item", "Name the framework item the recommendation is about, such as C3."));
        else if (!Framework.IsItem(command.Item.Trim()))
            errors.Add(DomainError.Invalid("item", $"'{command.Item}' is not an item of the framework."));
        var rights = command.Rights ?? [];
        if (rights.Count > AssessmentRules.MaxRights)
            errors.Add(DomainError.Invalid("rights", $"Tag at most {AssessmentRules.MaxRights} rights."));
        else Check.Codes(rights, "rights", AssessmentRules.MaxRights, ReferenceCatalogue.Default.IsRight, "is not a right of the platform's taxonomy", errors);
        if (errors.Count > 0) return Decision.Refuse(errors);
        return Decision.Accept(new PeerReviewRecommendationDrafted(assessment.Id, command.RecommendationId, command.Item!.Trim(), command.Text!.Trim(),
            rights.Select(r => r!).Distinct(StringComparer.Ordinal).ToArray(), caller.Id, now));
    }

    /// <summary>Submits the review; it needs at least one finding or recommendation.</summary>
    public static Decision Decide(SubmitPeerReview command, Assessment? assessment, DateTimeOffset now)
    {
        var caller = command.Caller;
        if (ReviewRefusal(assessment, caller) is { } refused) return Decision.Refuse(refused);
        if (assessment!.FindingItems.Count == 0 && assessment.Recommendations.Count == 0)
            return Decision.Refuse(DomainError.Rule("review-empty", "Record at least one finding or recommendation before submitting the review."));
        return Decision.Accept(new PeerReviewSubmitted(assessment.Id, assessment.ReviewerCity!, assessment.FindingItems.Count,
            assessment.Recommendations.Select(r => r.Id).ToArray(), caller.Id, now));
    }

    public static Decision Decide(AnswerRecommendation command, Assessment? assessment, DateTimeOffset now)
    {
        var (caller, recommendationId) = (command.Caller, command.RecommendationId);
        if (ReviewedCityRefusal(assessment, recommendationId, caller) is { } refused) return Decision.Refuse(refused);
        if (assessment!.Recommendation(recommendationId)!.Response is not null)
            return Decision.Refuse(DomainError.Conflict("recommendation-already-answered", "The city has answered this recommendation already."));
        var errors = new List<DomainError>();
        var (response, note) = RecommendationChecks.Answer(command.Response, command.Note, errors);
        if (errors.Count > 0) return Decision.Refuse(errors);
        return Decision.Accept(new RecommendationAnswered(assessment.Id, recommendationId, response, note, caller.Id, now));
    }

    /// <summary>Reports follow-up on an answered recommendation; its date may not lie in the future (a day of slack for time zones).</summary>
    public static Decision Decide(ReportFollowUp command, Assessment? assessment, DateTimeOffset now)
    {
        var (caller, recommendationId) = (command.Caller, command.RecommendationId);
        if (ReviewedCityRefusal(assessment, recommendationId, caller) is { } refused) return Decision.Refuse(refused);
        if (assessment!.Recommendation(recommendationId)!.Response is null)
            return Decision.Refuse(DomainError.Rule("recommendation-not-answered", "Mark the recommendation supported or noted before reporting follow-up."));
        var errors = new List<DomainError>();
        var (text, date, status) = RecommendationChecks.FollowUp(command.Text, command.Date, command.Status, now, errors);
        if (errors.Count > 0) return Decision.Refuse(errors);
        return Decision.Accept(new RecommendationFollowUpReported(assessment.Id, recommendationId, text, date, status, caller.Id, now));
    }

    /// <summary>Records the commitment a supported recommendation became (the id as given: commitments live in their own feature).</summary>
    public static Decision Decide(LinkCommitment command, Assessment? assessment, DateTimeOffset now)
    {
        var (caller, recommendationId) = (command.Caller, command.RecommendationId);
        if (ReviewedCityRefusal(assessment, recommendationId, caller) is { } refused) return Decision.Refuse(refused);
        var recommendation = assessment!.Recommendation(recommendationId)!;
        if (command.CommitmentId is not { } commitment || commitment == Guid.Empty)
            return Decision.Refuse(DomainError.Invalid("commitmentId", "Give the id of the commitment."));
        if (recommendation.Response != RecommendationResponse.Supported)
            return Decision.Refuse(DomainError.Rule("recommendation-not-supported", "Only a supported recommendation can become a commitment."));
        if (recommendation.CommitmentId == commitment) return Decision.NoChange;
        return Decision.Accept(new RecommendationLinkedToCommitment(assessment.Id, recommendationId, commitment, caller.Id, now));
    }

    /// <summary>Awards a level when <see cref="RecognitionRules"/> are met (422 naming each unmet rule); once per level and cycle.</summary>
    public static Decision Decide(AwardRecognition command, Assessment? assessment, DateTimeOffset now)
    {
        var administrator = command.Caller;
        if (Hidden(assessment, administrator)) return Decision.Refuse(NotFound);
        if (!AssessmentRules.TryParseName<RecognitionLevel>(command.Level, out var level))
            return Decision.Refuse(DomainError.Invalid("level", "The level is recognised or advanced."));
        if (assessment!.Recognitions.Contains(level))
            return Decision.Refuse(DomainError.Conflict("recognition-already-awarded", $"This cycle already holds the level {level}."));
        var unmet = RecognitionRules.Unmet(assessment, level, Framework);
        if (unmet.Count > 0) return Decision.Refuse(unmet);
        return Decision.Accept(new RecognitionAwarded(assessment.Id, assessment.City, assessment.Cycle, level, assessment.ReviewerCity, administrator.Id, now));
    }

    /// <summary>A draft is private to the city's officials; to anyone else it does not exist.</summary>
    public static bool Hidden(Assessment? assessment, AssessmentCaller caller) =>
        assessment is null || (assessment.Stage == AssessmentStage.Draft && !caller.IsOfficialOf(assessment.City));

    /// <summary>Only officials of the assigned reviewing city, who are not officials of the reviewed one, write the review, and only until it is submitted.</summary>
    private static DomainError? ReviewRefusal(Assessment? assessment, AssessmentCaller caller)
    {
        if (Hidden(assessment, caller)) return NotFound;
        if (assessment!.ReviewerCity is null)
            return DomainError.Conflict("reviewer-not-assigned", "No reviewing city is assigned to this assessment yet.");
        if (!caller.IsOfficialOf(assessment.ReviewerCity) || caller.IsOfficialOf(assessment.City))
            return new DomainError(ErrorKind.Forbidden, "not-the-reviewer",
                $"Only officials of the reviewing city ({assessment.ReviewerCity}) write this review; the reviewed city cannot review itself.");
        if (assessment.Stage == AssessmentStage.Reviewed)
            return DomainError.Conflict("review-submitted", "The peer review is submitted; it cannot change.");
        return null;
    }

    /// <summary>Answers and follow-up come from the reviewed city's officials, on a recommendation of a submitted review.</summary>
    private static DomainError? ReviewedCityRefusal(Assessment? assessment, Guid recommendationId, AssessmentCaller caller)
    {
        if (Hidden(assessment, caller)) return NotFound;
        if (!caller.IsOfficialOf(assessment!.City)) return NotAnOfficial;
        if (assessment.Stage != AssessmentStage.Reviewed)
            return assessment.Recommendation(recommendationId) is null
                ? DomainError.NotFound("recommendation")
                : DomainError.Conflict("review-not-submitted", "The peer review is not submitted yet.");
        return assessment.Recommendation(recommendationId) is null ? DomainError.NotFound("recommendation") : null;
    }

    private static readonly DomainError NotFound = DomainError.NotFound("assessment");
    private static readonly DomainError AlreadySubmitted = DomainError.Conflict("assessment-submitted", "The assessment is submitted; its items cannot change.");
    private static readonly DomainError NotAnOfficial = new(ErrorKind.Forbidden, "not-an-official", "Only officials of the city do this.");
}
