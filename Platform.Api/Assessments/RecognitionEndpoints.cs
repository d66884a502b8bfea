using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Platform.Api.Accounts;
using Platform.Api.Infrastructure;
using Platform.Domain.Assessments;
using Platform.Domain.Reference;
using Platform.Projections.Assessments;
using Wolverine.Http;

namespace Platform.Api.Assessments;

/// <summary>The network awards recognition on a cycle when the documented rules are met; the city's profile shows it.</summary>
public static class RecognitionEndpoints
{
    /// <summary>Awards <c>recognised</c> or <c>advanced</c>; 422 with one entry per unmet rule under <c>errors.rules</c>.</summary>
    [WolverinePost("/api/cities/{city}/assessments/{cycle}/recognition", OperationId = "awardRecognition")]
    [Authorize(Policy = Policies.NetworkAdministrator)]
    public static Task<IResult> Award(AwardRecognition command, string city, string cycle, ClaimsPrincipal user, IDocumentSession session,
        AssessmentReader reader, FrameworkCatalogue framework, TimeProvider clock, CancellationToken cancellation)
    {
        var caller = user.Caller();
        return AssessmentWrites.WriteAsync(city, cycle, session, reader, caller, cancellation,
            a => AssessmentDecider.Decide(command, a, caller, clock.GetUtcNow(), framework));
    }

    /// <summary>The city's public recognition: the highest level held (latest award first among equals) and every award.</summary>
    [WolverineGet("/api/cities/{city}/recognition", OperationId = "getCityRecognition")]
    public static async Task<IResult> Get(string city, IQuerySession session, CancellationToken cancellation)
    {
        var views = await session.Query<AssessmentView>().Where(a => a.Stage == AssessmentStage.Reviewed).ToListAsync(cancellation);
        var awards = views.SelectMany(v => v.Recognitions).OrderByDescending(r => r.AwardedAt).ToArray();
        var current = awards.OrderByDescending(r => r.Level).ThenByDescending(r => r.AwardedAt).FirstOrDefault();
        return Results.Ok(new CityRecognition(city, current, awards));
    }
}

/// <summary>A city's recognition: <paramref name="Current"/> is null until one is awarded.</summary>
public sealed record CityRecognition(string City, RecognitionView? Current, RecognitionView[] Awards);
