using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Platform.Api.Accounts;
using Platform.Api.Cities;
using Platform.Api.Infrastructure;
using Platform.Domain.Assessments;
using Platform.Domain.Reference;
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
    public static async Task<IResult> Assign(AssignPeerReviewer command, string city, string cycle, ClaimsPrincipal user, IDocumentSession session,
        AssessmentReader reader, CityDirectory cities, TimeProvider clock, CancellationToken cancellation)
    {
        var reviewer = command.ReviewerCity?.Trim();
        var exists = !string.IsNullOrEmpty(reviewer) && await cities.ExistsAsync(reviewer, cancellation);
        var caller = user.Caller();
        return await AssessmentWrites.WriteAsync(city, cycle, session, reader, caller, cancellation,
            a => AssessmentDecider.Decide(command, a, exists, caller, clock.GetUtcNow()));
    }

    /// <summary>Records the reviewers' finding on one item; a second finding on the same item replaces the first.</summary>
    [WolverinePost("/api/cities/{city}/assessments/{cycle}/review/findings", OperationId = "recordPeerReviewFinding")]
    [Authorize(Policy = Policies.SignedIn)]
    public static Task<IResult> Finding(RecordFinding command, string city, string cycle, ClaimsPrincipal user, IDocumentSession session,
        AssessmentReader reader, FrameworkCatalogue framework, TimeProvider clock, CancellationToken cancellation)
    {
        var caller = user.Caller();
        return AssessmentWrites.WriteAsync(city, cycle, session, reader, caller, cancellation,
            a => AssessmentDecider.Decide(command, a, caller, clock.GetUtcNow(), framework));
    }

    /// <summary>Drafts a recommendation (<c>text</c>, related <c>item</c>, optional <c>rights</c>): 201 with the recommendation.</summary>
    [WolverinePost("/api/cities/{city}/assessments/{cycle}/review/recommendations", OperationId = "draftPeerReviewRecommendation")]
    [Authorize(Policy = Policies.SignedIn)]
    public static Task<IResult> Recommendation(DraftRecommendation command, string city, string cycle, ClaimsPrincipal user, IDocumentSession session,
        AssessmentReader reader, FrameworkCatalogue framework, TimeProvider clock, CancellationToken cancellation)
    {
        var caller = user.Caller();
        var id = Guid.CreateVersion7();
        return AssessmentWrites.WriteAsync(city, cycle, session, reader, caller, cancellation,
            a => AssessmentDecider.Decide(command, a, id, caller, clock.GetUtcNow(), framework, ReferenceCatalogue.Default),
            details => Results.Created($"/api/cities/{city}/assessments/{details.Cycle}",
                details.Review!.Recommendations.First(r => r.Id == id)));
    }

    /// <summary>Submits the review: its findings and recommendations become public, and the reviewed city can answer.</summary>
    [WolverinePost("/api/cities/{city}/assessments/{cycle}/review/submit", OperationId = "submitPeerReview")]
    [Authorize(Policy = Policies.SignedIn)]
    public static Task<IResult> Submit(string city, string cycle, ClaimsPrincipal user, IDocumentSession session,
        AssessmentReader reader, TimeProvider clock, CancellationToken cancellation)
    {
        var caller = user.Caller();
        return AssessmentWrites.WriteAsync(city, cycle, session, reader, caller, cancellation,
            a => AssessmentDecider.Decide(new SubmitPeerReview(), a, caller, clock.GetUtcNow()));
    }
}
