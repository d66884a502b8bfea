using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Platform.Api.Accounts;
using Platform.Domain.Assessments;
using Wolverine.Http;

namespace Platform.Api.Assessments;

/// <summary>An official starts the city's assessment cycle (one open, i.e. unsubmitted, cycle per city at a time).</summary>
public static class StartAssessmentEndpoint
{
    [WolverinePost("/api/cities/{city}/assessments", OperationId = "startAssessment")]
    [Authorize(Policy = Policies.Official)]
    public static Task<IResult> Post(StartAssessmentRequest body, string city, ClaimsPrincipal user, AssessmentHandler handler, IDocumentSession session,
        AssessmentReader reader, CancellationToken cancellation)
    {
        var route = AssessmentRoute.Of(city, body.Cycle, user);
        return route.AnswerAsync(handler.Handle(new StartAssessment(route.Id, city, body.Cycle, route.Caller), session, cancellation), session, reader, cancellation,
            details => Results.Created($"/api/cities/{city}/assessments/{details.Cycle}", details));
    }
}

/// <summary>The cycle to start, such as "2026".</summary>
public sealed record StartAssessmentRequest(string? Cycle);
