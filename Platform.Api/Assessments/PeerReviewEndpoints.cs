using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Platform.Api.Accounts;
using Platform.Domain.Assessments;
using Wolverine.Http;

namespace Platform.Api.Assessments;

/// <summary>
/// The peer review of a submitted cycle. A network administrator assigns the reviewing city; then officials
/// of that city (not of the reviewed one, whose route these are) record findings and recommendations and
/// submit the review. Who may write is decided by the assessment's rules, not by the route city's roles.
/// </summary>
public static class PeerReviewEndpoints
{
    [WolverinePost("/api/cities/{city}/assessments/{cycle}/reviewer", OperationId = "assignPeerReviewer")]
    [Authorize(Policy = Policies.NetworkAdministrator)]
    public static Task<IResult> Assign(AssignPeerReviewerRequest body, string city, string cycle, ClaimsPrincipal user, AssessmentHandler handler,
        IDocumentSession session, AssessmentReader reader, CancellationToken cancellation)
    {
        var route = AssessmentRoute.Of(city, cycle, user);
        return route.AnswerAsync(handler.Handle(new AssignPeerReviewer(route.Id, route.Caller, body.ReviewerCity), session, cancellation), session, reader, cancellation);
    }

    /// <summary>Records the reviewers' finding on one item; a second finding on the same item replaces the first.</summary>
    [WolverinePost("/api/cities/{city}/assessments/{cycle}/review/findings", OperationId = "recordPeerReviewFinding")]
    [Authorize(Policy = Policies.SignedIn)]
    public static Task<IResult> Finding(RecordFindingRequest body, string city, string cycle, ClaimsPrincipal user, AssessmentHandler handler,
        IDocumentSession session, AssessmentReader reader, CancellationToken cancellation)
    {
        var route = AssessmentRoute.Of(city, cycle, user);
        return route.AnswerAsync(handler.Handle(new RecordFinding(route.Id, route.Caller, body.Item, body.Finding), session, cancellation), session, reader, cancellation);
    }

    /// <summary>Drafts a recommendation (<c>text</c>, related <c>item</c>, optional <c>rights</c>): 201 with the recommendation.</summary>
    [WolverinePost("/api/cities/{city}/assessments/{cycle}/review/recommendations", OperationId = "draftPeerReviewRecommendation")]
    [Authorize(Policy = Policies.SignedIn)]
    public static Task<IResult> Recommendation(DraftRecommendationRequest body, string city, string cycle, ClaimsPrincipal user, AssessmentHandler handler,
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
    public static Task<IResult> Submit(string city, string cycle, ClaimsPrincipal user, AssessmentHandler handler, IDocumentSession session,
        AssessmentReader reader, CancellationToken cancellation)
    {
        var route = AssessmentRoute.Of(city, cycle, user);
        return route.AnswerAsync(handler.Handle(new SubmitPeerReview(route.Id, route.Caller), session, cancellation), session, reader, cancellation);
    }
}

/// <summary>The reviewing city to assign, by its slug.</summary>
public sealed record AssignPeerReviewerRequest(string? ReviewerCity);

/// <summary>A reviewer's finding on one framework item.</summary>
public sealed record RecordFindingRequest(string? Item, string? Finding);

/// <summary>A recommendation to draft: its text, the framework item it is about, and optional rights codes.</summary>
public sealed record DraftRecommendationRequest(string? Text, string? Item, IReadOnlyList<string?>? Rights);
