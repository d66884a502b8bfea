using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Platform.Api.Accounts;
using Platform.Api.Infrastructure;
using Platform.Domain.Assessments;
using Platform.Domain.Reference;
using Wolverine.Http;

namespace Platform.Api.Assessments;

/// <summary>The city's officials assess framework items in a draft cycle, then submit it.</summary>
public static class AssessmentItemEndpoints
{
    /// <summary>Assesses one item (<c>item</c>, <c>level</c>, <c>evidence</c> links, <c>note</c>); assessing it again replaces the earlier assessment.</summary>
    [WolverinePost("/api/cities/{city}/assessments/{cycle}/items", OperationId = "assessFrameworkItem")]
    [Authorize(Policy = Policies.Official)]
    public static Task<IResult> Assess(AssessElement command, string city, string cycle, ClaimsPrincipal user, IDocumentSession session,
        AssessmentReader reader, FrameworkCatalogue framework, TimeProvider clock, CancellationToken cancellation)
    {
        var caller = user.Caller();
        return AssessmentWrites.WriteAsync(city, cycle, session, reader, caller, cancellation,
            a => AssessmentDecider.Decide(command, a, caller, clock.GetUtcNow(), framework));
    }

    /// <summary>Submits the draft: every item needs a level (422 <c>assessment-incomplete</c> lists the others). It is public from now on.</summary>
    [WolverinePost("/api/cities/{city}/assessments/{cycle}/submit", OperationId = "submitAssessment")]
    [Authorize(Policy = Policies.Official)]
    public static Task<IResult> Submit(string city, string cycle, ClaimsPrincipal user, IDocumentSession session,
        AssessmentReader reader, FrameworkCatalogue framework, TimeProvider clock, CancellationToken cancellation)
    {
        var caller = user.Caller();
        return AssessmentWrites.WriteAsync(city, cycle, session, reader, caller, cancellation,
            a => AssessmentDecider.Decide(new SubmitAssessment(), a, caller, clock.GetUtcNow(), framework));
    }
}
