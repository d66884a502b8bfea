using Platform.Domain.Assessments;

namespace Platform.Api.Assessments;

/// <summary>
/// The writes of a city's assessment cycles, as thin faces of <see cref="AssessmentHandler"/>: each names the cycle
/// from its route (<see cref="AssessmentRoute"/>), builds the command with the caller, and answers the problem or the
/// cycle as the caller may now see it.
/// <list type="bullet">
/// <item>The city's officials start a cycle (one open, i.e. unsubmitted, cycle per city at a time), assess framework
/// items in the draft, then submit it.</item>
/// <item>The peer review of a submitted cycle: a network administrator assigns the reviewing city; then officials of
/// that city (not of the reviewed one, whose route these are) record findings and recommendations and submit the
/// review. Who may write is decided by the assessment's rules, not by the route city's roles.</item>
/// <item>The reviewed city's officials answer each recommendation (supported or noted), report follow-up, and record
/// the commitment a supported recommendation became, as in the UN Universal Periodic Review.</item>
/// <item>The network awards recognition on a cycle when the documented rules are met.</item>
/// </list>
/// </summary>
public static class AssessmentEndpoints
{
    [WolverinePost("/api/cities/{city}/assessments", OperationId = "startAssessment")]
    [Authorize(Policy = Policies.Official)]
    public static Task<IResult> Start(StartAssessmentRequest body, string city, ClaimsPrincipal user, AssessmentHandler handler, IDocumentSession session,
        AssessmentReader reader, CancellationToken cancellation)
    {
        var route = AssessmentRoute.Of(city, body.Cycle, user);
        return route.AnswerAsync(handler.Handle(new StartAssessment(route.Id, city, body.Cycle, route.Caller), session, cancellation), session, reader, cancellation,
            details => Results.Created($"/api/cities/{city}/assessments/{details.Cycle}", details));
    }

    /// <summary>Assesses one item (<c>item</c>, <c>level</c>, <c>evidence</c> links, <c>note</c>); assessing it again replaces the earlier assessment.</summary>
    [WolverinePost("/api/cities/{city}/assessments/{cycle}/items", OperationId = "assessFrameworkItem")]
    [Authorize(Policy = Policies.Official)]
    public static Task<IResult> Assess(AssessElementRequest body, string city, string cycle, ClaimsPrincipal user, AssessmentHandler handler,
        IDocumentSession session, AssessmentReader reader, CancellationToken cancellation)
    {
        var route = AssessmentRoute.Of(city, cycle, user);
        return route.AnswerAsync(handler.Handle(new AssessElement(route.Id, route.Caller, body.Item, body.Level, body.Evidence, body.Note), session, cancellation),
            session, reader, cancellation);
    }

    /// <summary>Submits the draft: every item needs a level (422 <c>assessment-incomplete</c> lists the others). It is public from now on.</summary>
    [WolverinePost("/api/cities/{city}/assessments/{cycle}/submit", OperationId = "submitAssessment")]
    [Authorize(Policy = Policies.Official)]
    public static Task<IResult> Submit(string city, string cycle, ClaimsPrincipal user, AssessmentHandler handler, IDocumentSession session,
        AssessmentReader reader, CancellationToken cancellation)
    {
        var route = AssessmentRoute.Of(city, cycle, user);
        return route.AnswerAsync(handler.Handle(new SubmitAssessment(route.Id, route.Caller), session, cancellation), session, reader, cancellation);
    }

    [WolverinePost("/api/cities/{city}/assessments/{cycle}/reviewer", OperationId = "assignPeerReviewer")]
    [Authorize(Policy = Policies.NetworkAdministrator)]
    public static Task<IResult> AssignReviewer(AssignPeerReviewerRequest body, string city, string cycle, ClaimsPrincipal user, AssessmentHandler handler,
        IDocumentSession session, AssessmentReader reader, CancellationToken cancellation)
    {
        var route = AssessmentRoute.Of(city, cycle, user);
        return route.AnswerAsync(handler.Handle(new AssignPeerReviewer(route.Id, route.Caller, body.ReviewerCity), session, cancellation), session, reader, cancellation);
    }

    /// <summary>Records the reviewers' finding on one item; a second finding on the same item replaces the first.</summary>
    [WolverinePost("/api/cities/{city}/assessments/{cycle}/review/findings", OperationId = "recordPeerReviewFinding")]
    [Authorize(Policy = Policies.SignedIn)]
    public static Task<IResult> RecordFinding(RecordFindingRequest body, string city, string cycle, ClaimsPrincipal user, AssessmentHandler handler,
        IDocumentSession session, AssessmentReader reader, CancellationToken cancellation)
    {
        var route = AssessmentRoute.Of(city, cycle, user);
        return route.AnswerAsync(handler.Handle(new RecordFinding(route.Id, route.Caller, body.Item, body.Finding), session, cancellation), session, reader, cancellation);
    }

    /// <summary>Drafts a recommendation (<c>text</c>, related <c>item</c>, optional <c>rights</c>): 201 with the recommendation.</summary>
    [WolverinePost("/api/cities/{city}/assessments/{cycle}/review/recommendations", OperationId = "draftPeerReviewRecommendation")]
    [Authorize(Policy = Policies.SignedIn)]
    public static Task<IResult> DraftRecommendation(DraftRecommendationRequest body, string city, string cycle, ClaimsPrincipal user, AssessmentHandler handler,
        IDocumentSession session, AssessmentReader reader, CancellationToken cancellation)
    {
        var route = AssessmentRoute.Of(city, cycle, user);
        var command = new DraftRecommendation(route.Id, Guid.CreateVersion7(), route.Caller, body.Text, body.Item, body.Rights);
        return route.AnswerAsync(handler.Handle(command, session, cancellation), session, reader, cancellation,
            details => Results.Created($"/api/cities/{city}/assessments/{details.Cycle}",
                details.Review!.Recommendations.First(r => r.Id == command.RecommendationId)));
    }

    /// <summary>Submits the review: its findings and recommendations become public, and the reviewed city can answer.</summary>
    [WolverinePost("/api/cities/{city}/assessments/{cycle}/review/submit", OperationId = "submitPeerReview")]
    [Authorize(Policy = Policies.SignedIn)]
    public static Task<IResult> SubmitReview(string city, string cycle, ClaimsPrincipal user, AssessmentHandler handler, IDocumentSession session,
        AssessmentReader reader, CancellationToken cancellation)
    {
        var route = AssessmentRoute.Of(city, cycle, user);
        return route.AnswerAsync(handler.Handle(new SubmitPeerReview(route.Id, route.Caller), session, cancellation), session, reader, cancellation);
    }

    [WolverinePost("/api/cities/{city}/assessments/{cycle}/recommendations/{recommendationId}/response", OperationId = "answerRecommendation")]
    [Authorize(Policy = Policies.Official)]
    public static Task<IResult> AnswerRecommendation(AnswerRecommendationRequest body, string city, string cycle, Guid recommendationId, ClaimsPrincipal user,
        AssessmentHandler handler, IDocumentSession session, AssessmentReader reader, CancellationToken cancellation)
    {
        var route = AssessmentRoute.Of(city, cycle, user);
        return route.AnswerAsync(handler.Handle(new AnswerRecommendation(route.Id, recommendationId, route.Caller, body.Response, body.Note), session, cancellation),
            session, reader, cancellation);
    }

    [WolverinePost("/api/cities/{city}/assessments/{cycle}/recommendations/{recommendationId}/follow-ups", OperationId = "reportRecommendationFollowUp")]
    [Authorize(Policy = Policies.Official)]
    public static Task<IResult> ReportFollowUp(ReportFollowUpRequest body, string city, string cycle, Guid recommendationId, ClaimsPrincipal user,
        AssessmentHandler handler, IDocumentSession session, AssessmentReader reader, CancellationToken cancellation)
    {
        var route = AssessmentRoute.Of(city, cycle, user);
        return route.AnswerAsync(handler.Handle(new ReportFollowUp(route.Id, recommendationId, route.Caller, body.Text, body.Date, body.Status), session, cancellation),
            session, reader, cancellation);
    }

    /// <summary>Records the id of the commitment a supported recommendation became (the commitment itself is not looked up).</summary>
    [WolverinePost("/api/cities/{city}/assessments/{cycle}/recommendations/{recommendationId}/commitment", OperationId = "linkRecommendationToCommitment")]
    [Authorize(Policy = Policies.Official)]
    public static Task<IResult> LinkCommitment(LinkCommitmentRequest body, string city, string cycle, Guid recommendationId, ClaimsPrincipal user,
        AssessmentHandler handler, IDocumentSession session, AssessmentReader reader, CancellationToken cancellation)
    {
        var route = AssessmentRoute.Of(city, cycle, user);
        return route.AnswerAsync(handler.Handle(new LinkCommitment(route.Id, recommendationId, route.Caller, body.CommitmentId), session, cancellation),
            session, reader, cancellation);
    }

    /// <summary>Awards <c>recognised</c> or <c>advanced</c>; 422 with one entry per unmet rule under <c>errors.rules</c>.</summary>
    [WolverinePost("/api/cities/{city}/assessments/{cycle}/recognition", OperationId = "awardRecognition")]
    [Authorize(Policy = Policies.NetworkAdministrator)]
    public static Task<IResult> AwardRecognition(AwardRecognitionRequest body, string city, string cycle, ClaimsPrincipal user, AssessmentHandler handler,
        IDocumentSession session, AssessmentReader reader, CancellationToken cancellation)
    {
        var route = AssessmentRoute.Of(city, cycle, user);
        return route.AnswerAsync(handler.Handle(new AwardRecognition(route.Id, route.Caller, body.Level), session, cancellation), session, reader, cancellation);
    }
}
