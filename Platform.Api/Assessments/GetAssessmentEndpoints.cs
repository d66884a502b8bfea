using Platform.Domain.Assessments;
using Platform.Projections.Assessments;

namespace Platform.Api.Assessments;

/// <summary>Reads of a city's assessment cycles: public once submitted; drafts only for the city's officials (404 for others).</summary>
public static class GetAssessmentEndpoints
{
    [WolverineGet("/api/cities/{city}/assessments/{cycle}", OperationId = "getAssessment")]
    public static async Task<IResult> Get(string city, string cycle, ClaimsPrincipal user, IQuerySession session, AssessmentReader reader,
        CancellationToken cancellation)
    {
        var details = await reader.FindAsync(session, city, cycle, user.Caller(), cancellation);
        return details is null ? Problems.NotFound("assessment") : Results.Ok(details);
    }

    /// <summary>The city's cycles, latest started first (a city runs about one a year, so the list is not paged).</summary>
    [WolverineGet("/api/cities/{city}/assessments", OperationId = "listAssessments")]
    public static async Task<IResult> List(string city, ClaimsPrincipal user, IQuerySession session, CancellationToken cancellation)
    {
        var caller = user.Caller();
        var views = await session.Query<AssessmentView>().OrderByDescending(a => a.StartedAt).ToListAsync(cancellation);
        return Results.Ok(views.Where(v => AssessmentReader.MaySee(v, caller)).Select(AssessmentReader.Summary).ToArray());
    }

    /// <summary>
    /// The peer reviews the city was assigned to carry out for other cities (their assessments live in the
    /// reviewed cities' tenants, so this reads across tenants), latest assignment first.
    /// </summary>
    [WolverineGet("/api/cities/{city}/peer-reviews", OperationId = "listPeerReviewsByCity")]
    public static async Task<IResult> Reviews(string city, IQuerySession session, CancellationToken cancellation)
    {
        var views = await session.Query<AssessmentView>()
            .Where(a => a.AnyTenant() && a.ReviewerCity == city)
            .OrderByDescending(a => a.ReviewerAssignedAt)
            .ToListAsync(cancellation);
        return Results.Ok(views.Select(AssessmentReader.Summary).ToArray());
    }
}
