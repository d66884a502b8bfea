using Platform.Api.Reports;
using Platform.Domain.Monitoring;
using Platform.Projections.Commitments;
using Platform.Projections.Concerns;

namespace Platform.Api.Pages.Reports;

/// <summary>
/// The city's annual reports, by year: from the first year the platform holds something of the city (its registration,
/// its first concern or commitment, its earliest indicator baseline) to the current one (to date), and always the last
/// full year, the one the city's navigation links to.
/// </summary>
public sealed class IndexModel(CityDirectory directory, IDocumentStore store, TimeProvider clock) : CityPageModel(directory)
{
    /// <summary>The years, latest first.</summary>
    public IReadOnlyList<int> Years { get; private set; } = [];

    public int CurrentYear { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellation)
    {
        CurrentYear = clock.GetUtcNow().Year;
        await using var session = store.QuerySession(CitySlug);
        var first = Math.Min(City.RegisteredAt.Year, LastFullYear(clock));
        var concern = await session.Query<ConcernView>().OrderBy(c => c.RaisedAt).Select(c => c.RaisedAt).Take(1).ToListAsync(cancellation);
        if (concern.Count > 0) first = Math.Min(first, concern[0].Year);
        var commitment = await session.Query<CommitmentView>().OrderBy(c => c.PublishedAt).Select(c => c.PublishedAt).Take(1).ToListAsync(cancellation);
        if (commitment.Count > 0) first = Math.Min(first, commitment[0].Year);
        foreach (var baseline in await session.Query<IndicatorSeries>().Select(s => s.BaselinePeriod).ToListAsync(cancellation))
            if (Period.TryParse(baseline, out var period)) first = Math.Min(first, period.Year);
        first = Math.Max(first, CityReportReader.FirstYear);
        Years = Enumerable.Range(first, CurrentYear - first + 1).Reverse().ToList();
    }

    /// <summary>The last full calendar year (UTC): the report the city's navigation links to.</summary>
    public static int LastFullYear(TimeProvider clock) => clock.GetUtcNow().Year - 1;
}
