using Platform.Api.Assessments;
using Platform.Api.Scorecards;

namespace Platform.Api.Pages.Scorecards;

/// <summary>A city's scorecard, read as the API reads it (the same figures, the same rules).</summary>
[CachedForVisitors]
public sealed class ScorecardModel(CityDirectory directory, IDocumentStore store, ScorecardReader reader,
    Platform.Api.EqualParticipation.ParticipationBreakdownReader participation) : CityPageModel(directory)
{
    public ScorecardDetails Scorecard { get; private set; } = null!;
    /// <summary>The city's recognition by the network (as the API answers it); its current level is null until one is awarded.</summary>
    public CityRecognition Recognition { get; private set; } = null!;
    /// <summary>Names of the reviewing cities of the awards, by slug.</summary>
    public Dictionary<string, City> Reviewers { get; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellation)
    {
        // The scorecard is a network-wide document keyed by city: any session reads it.
        await using var session = store.QuerySession();
        if (await reader.ScorecardAsync(session, CitySlug, cancellation) is not { } scorecard) return NotFound();
        Scorecard = scorecard;
        await using var citySession = store.QuerySession(CitySlug);
        Scorecard = scorecard with { Participation = await participation.ReadAsync(citySession, CitySlug, cancellation) };
        Recognition = await AssessmentReader.RecognitionAsync(citySession, CitySlug, cancellation);
        foreach (var reviewer in Recognition.Awards.Select(a => a.ReviewerCity).OfType<string>().Distinct())
            if (await Cities.FindAsync(reviewer, cancellation) is { } city) Reviewers[reviewer] = city;
        return Page();
    }

    public string ReviewerName(string? slug) => slug is null ? "–" : Reviewers.TryGetValue(slug, out var city) ? city.Name() : slug;
}
