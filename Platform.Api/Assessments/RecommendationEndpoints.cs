using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Platform.Api.Accounts;
using Platform.Api.Infrastructure;
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
    public static Task<IResult> Answer(AnswerRecommendation command, string city, string cycle, Guid recommendationId, ClaimsPrincipal user,
        IDocumentSession session, AssessmentReader reader, TimeProvider clock, CancellationToken cancellation)
    {
        var caller = user.Caller();
        return AssessmentWrites.WriteAsync(city, cycle, session, reader, caller, cancellation,
            a => AssessmentDecider.Decide(command, a, recommendationId, caller, clock.GetUtcNow()));
    }

    [WolverinePost("/api/cities/{city}/assessments/{cycle}/recommendations/{recommendationId}/follow-ups", OperationId = "reportRecommendationFollowUp")]
    [Authorize(Policy = Policies.Official)]
    public static Task<IResult> FollowUp(ReportFollowUp command, string city, string cycle, Guid recommendationId, ClaimsPrincipal user,
        IDocumentSession session, AssessmentReader reader, TimeProvider clock, CancellationToken cancellation)
    {
        var caller = user.Caller();
        return AssessmentWrites.WriteAsync(city, cycle, session, reader, caller, cancellation,
            a => AssessmentDecider.Decide(command, a, recommendationId, caller, clock.GetUtcNow()));
    }

    /// <summary>Records the id of the commitment a supported recommendation became (the commitment itself is not looked up).</summary>
    [WolverinePost("/api/cities/{city}/assessments/{cycle}/recommendations/{recommendationId}/commitment", OperationId = "linkRecommendationToCommitment")]
    [Authorize(Policy = Policies.Official)]
    public static Task<IResult> Commitment(LinkCommitment command, string city, string cycle, Guid recommendationId, ClaimsPrincipal user,
        IDocumentSession session, AssessmentReader reader, TimeProvider clock, CancellationToken cancellation)
    {
        var caller = user.Caller();
        return AssessmentWrites.WriteAsync(city, cycle, session, reader, caller, cancellation,
            a => AssessmentDecider.Decide(command, a, recommendationId, caller, clock.GetUtcNow()));
    }
}
