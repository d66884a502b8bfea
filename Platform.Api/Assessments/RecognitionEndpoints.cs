using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Platform.Api.Accounts;
using Platform.Domain.Assessments;
using Platform.Projections.Assessments;
using Wolverine.Http;

namespace Platform.Api.Assessments;

/// <summary>The network awards recognition on a cycle when the documented rules are met; the city's profile shows it.</summary>
public static class RecognitionEndpoints
{
    /// <summary>Awards <c>recognised</c> or <c>advanced</c>; 422 with one entry per unmet rule under <c>errors.rules</c>.</summary>
    [WolverinePost("/api/cities/{city}/assessments/{cycle}/recognition", OperationId = "awardRecognition")]
    [Authorize(Policy = Policies.NetworkAdministrator)]
    public static Task<IResult> Award(AwardRecognitionRequest body, string city, string cycle, ClaimsPrincipal user, AssessmentHandler handler,
        IDocumentSession session, AssessmentReader reader, CancellationToken cancellation)
    {
        var route = AssessmentRoute.Of(city, cycle, user);
        return route.AnswerAsync(handler.Handle(new AwardRecognition(route.Id, route.Caller, body.Level), session, cancellation), session, reader, cancellation);
    }

    /// <summary>The city's public recognition: the highest level held (latest award first among equals) and every award.</summary>
    [WolverineGet("/api/cities/{city}/recognition", OperationId = "getCityRecognition")]
    public static async Task<IResult> Get(string city, IQuerySession session, CancellationToken cancellation) =>
        Results.Ok(await AssessmentReader.RecognitionAsync(session, city, cancellation));
}

/// <summary>The recognition level to award: <c>recognised</c> or <c>advanced</c>.</summary>
public sealed record AwardRecognitionRequest(string? Level);

/// <summary>A city's recognition: <paramref name="Current"/> is null until one is awarded.</summary>
public sealed record CityRecognition(string City, RecognitionView? Current, RecognitionView[] Awards);
