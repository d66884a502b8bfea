using Platform.Domain.Assessments;
using Platform.Domain.Reference;
using Platform.Projections.Assessments;

namespace Platform.Api.Assessments;

/// <summary>Network-wide reads: the framework checklist and every city's framework coverage side by side.</summary>
public static class FrameworkEndpoints
{
    [WolverineGet("/api/network/framework", OperationId = "getFramework")]
    public static FrameworkCatalogueDetails Framework(FrameworkCatalogue framework) => new(framework.Version, [.. framework.Items]);

    /// <summary>
    /// Per city, the items at each level per section in its latest submitted assessment, and its current
    /// recognition level; a city that has submitted none is listed with <c>cycle</c> null.
    /// </summary>
    [WolverineGet("/api/network/framework-coverage", OperationId = "getFrameworkCoverage")]
    public static async Task<CityCoverage[]> Coverage(IQuerySession session, FrameworkCatalogue framework, CancellationToken cancellation)
    {
        var cities = await session.Query<City>().OrderBy(c => c.Id).ToListAsync(cancellation);
        var coverage = (await session.Query<FrameworkCoverage>().Where(c => c.AnyTenant()).ToListAsync(cancellation))
            .GroupBy(c => c.Id).ToDictionary(g => g.Key, g => g.OrderByDescending(c => c.SubmittedAt).First());
        var sizes = Enum.GetValues<FrameworkSection>().ToDictionary(s => s.ToString().ToLowerInvariant(), s => framework.In(s).Count());
        return cities.Select(city =>
        {
            if (!coverage.TryGetValue(city.Id, out var c)) return new CityCoverage(city.Id, null, null, null, []);
            // Sections and levels in framework order, whatever order the stored document kept.
            var sections = sizes.ToDictionary(s => s.Key, s =>
            {
                var stored = c.Sections.GetValueOrDefault(s.Key) ?? [];
                var levels = Enum.GetValues<AssessmentLevel>().ToDictionary(l => l, l => stored.GetValueOrDefault(l));
                return new SectionCoverage(s.Value, levels.Where(l => AssessmentRules.IsInPlace(l.Key)).Sum(l => l.Value), levels);
            });
            return new CityCoverage(city.Id, c.Cycle, c.SubmittedAt, c.Sequence, sections);
        }).ToArray();
    }
}

public sealed record FrameworkCatalogueDetails(string Version, FrameworkItem[] Items);

/// <summary>One city's coverage; <paramref name="Sections"/> is keyed foundations, structures, tools.</summary>
public sealed record CityCoverage(string City, string? Cycle, DateTimeOffset? SubmittedAt, long? Version, Dictionary<string, SectionCoverage> Sections);

/// <summary>A section's items: how many there are, how many are in place (evaluated or not), and the count per level.</summary>
public sealed record SectionCoverage(int Items, int InPlace, Dictionary<AssessmentLevel, int> Levels);
