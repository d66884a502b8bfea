using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Platform.Api.Accounts;
using Platform.Domain.Assessments;
using Wolverine.Http;

namespace Platform.Api.Assessments;

/// <summary>The city's officials assess framework items in a draft cycle, then submit it.</summary>
public static class AssessmentItemEndpoints
{
    /// <summary>Assesses one item (<c>item</c>, <c>level</c>, <c>evidence</c> links, <c>note</c>); assessing it again replaces the earlier assessment.</summary>
    [WolverinePost("/api/cities/{city}/assessments/{cycle}/items", OperationId = "assessFrameworkItem")]
    [Authorize(Policy = Policies.Official)]
    public static Task<IResult> Assess(AssessElementRequest body, string city, string cycle, ClaimsPrincipal user, AssessmentHandler handler,
        IDocumentSession session, AssessmentReader reader, CancellationToken cancellation)
    {
        var route = AssessmentRoute.Of(city, cycle, user);
        return route.AnswerAsync(handler.Handle(new AssessElement(route.Id, route.Caller, body.Item, body.Level, body.Evidence, body.Note), session, cancellation), session, reader, cancellation);
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
}

/// <summary>The assessment of one framework item, as a caller sends it.</summary>
public sealed record AssessElementRequest(string? Item, string? Level, IReadOnlyList<string?>? Evidence, string? Note);
