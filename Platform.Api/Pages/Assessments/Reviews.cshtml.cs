using Platform.Api.Assessments;
using Platform.Projections.Assessments;

namespace Platform.Api.Pages.Assessments;

/// <summary>The peer reviews the city was assigned to carry out for other cities, latest assignment first (as the API lists them).</summary>
public sealed class ReviewsModel(CityDirectory directory, IDocumentStore store) : CityPageModel(directory)
{
    public IReadOnlyList<AssessmentSummary> Reviews { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellation)
    {
        await using var session = store.QuerySession(CitySlug);
        var views = await session.Query<AssessmentView>()
            .Where(a => a.AnyTenant() && a.ReviewerCity == CitySlug)
            .OrderByDescending(a => a.ReviewerAssignedAt)
            .ToListAsync(cancellation);
        Reviews = views.Select(AssessmentReader.Summary).ToList();
    }
}
