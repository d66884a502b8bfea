using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Platform.Api.Accounts;
using Platform.Domain.Assessments;
using Wolverine.Http;

namespace Platform.Api.Assessments;

/// <summary>
/// The reviewed city's officials answer each recommendation (supported or noted), report follow-up, and
/// record the commitment a supported recommendation became, as in the UN Universal Periodic Review.
/// </summary>
public static class RecommendationEndpoints
{
    [WolverinePost("/api/cities/{city}/assessments/{cycle}/recommendations/{recommendationId}/response", OperationId = "answerRecommendation")]
    [Authorize(Policy = Policies.Official)]
    public static Task<IResult> Answer(AnswerRecommendationRequest body, string city, string cycle, Guid recommendationId, ClaimsPrincipal user,
        AssessmentHandler handler, IDocumentSession session, AssessmentReader reader, CancellationToken cancellation)
    {
        var route = AssessmentRoute.Of(city, cycle, user);
        return route.AnswerAsync(handler.Handle(new AnswerRecommendation(route.Id, recommendationId, route.Caller, body.Response, body.Note), session, cancellation),
            session, reader, cancellation);
    }

    [WolverinePost("/api/cities/{city}/assessments/{cycle}/recommendations/{recommendationId}/follow-ups", OperationId = "reportRecommendationFollowUp")]
    [Authorize(Policy = Policies.Official)]
    public static Task<IResult> FollowUp(ReportFollowUpRequest body, string city, string cycle, Guid recommendationId, ClaimsPrincipal user,
        AssessmentHandler handler, IDocumentSession session, AssessmentReader reader, CancellationToken cancellation)
    {
        var route = AssessmentRoute.Of(city, cycle, user);
        return route.AnswerAsync(handler.Handle(new ReportFollowUp(route.Id, recommendationId, route.Caller, body.Text, body.Date, body.Status), session, cancellation),
            session, reader, cancellation);
    }

    /// <summary>Records the id of the commitment a supported recommendation became (the commitment itself is not looked up).</summary>
    [WolverinePost("/api/cities/{city}/assessments/{cycle}/recommendations/{recommendationId}/commitment", OperationId = "linkRecommendationToCommitment")]
    [Authorize(Policy = Policies.Official)]
    public static Task<IResult> Commitment(LinkCommitmentRequest body, string city, string cycle, Guid recommendationId, ClaimsPrincipal user,
        AssessmentHandler handler, IDocumentSession session, AssessmentReader reader, CancellationToken cancellation)
    {
        var route = AssessmentRoute.Of(city, cycle, user);
        return route.AnswerAsync(handler.Handle(new LinkCommitment(route.Id, recommendationId, route.Caller, body.CommitmentId), session, cancellation),
            session, reader, cancellation);
    }
}

/// <summary>The city's answer to a recommendation: <c>supported</c> or <c>noted</c> (a noted one needs a note saying why).</summary>
public sealed record AnswerRecommendationRequest(string? Response, string? Note);

/// <summary>A follow-up report on a recommendation: what was done, when, and where its implementation stands.</summary>
public sealed record ReportFollowUpRequest(string? Text, DateOnly? Date, string? Status);

/// <summary>The commitment a supported recommendation became.</summary>
public sealed record LinkCommitmentRequest(Guid? CommitmentId);
