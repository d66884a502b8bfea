using Platform.Api.Assessments;
using Platform.Domain.Assessments;
using Platform.Projections.Assessments;
using Platform.Projections.Scorecards;

namespace Platform.Api.Scorecards;

/// <summary>
/// Reads the accountability views for the HTTP endpoints and the live hub alike: one document load per
/// view (plus the city documents for their settings), never the event table. Takes no store of its own:
/// the live-view sources that use it are built while the store itself is (through the live subscription).
/// </summary>
public sealed class ScorecardReader(TimeProvider clock)
{
    /// <param name="session">Any session: the views are network-wide documents keyed by city.</param>
    public async Task<ScorecardDetails?> ScorecardAsync(IQuerySession session, string city, CancellationToken cancellation)
    {
        var registered = await session.LoadAsync<City>(city, cancellation);
        if (registered is null) return null;
        var scorecard = await session.LoadAsync<CityScorecard>(city, cancellation) ?? new CityScorecard { Id = city };
        return ToResponse(registered, scorecard, clock.GetUtcNow());
    }

    public async Task<NetworkOverviewDetails> NetworkAsync(IQuerySession session, CancellationToken cancellation)
    {
        var cities = await session.Query<City>().OrderBy(c => c.Id).ToListAsync(cancellation);
        var overview = await session.LoadAsync<NetworkOverview>(NetworkOverview.DocumentId, cancellation) ?? new NetworkOverview();
        var now = clock.GetUtcNow();
        return new NetworkOverviewDetails(overview.Version, now, cities
            .Select(c => new NetworkCityDetails(c.Id, c.Names, c.Population,
                ToResponse(c, overview.Cities.GetValueOrDefault(c.Id) ?? new CityScorecard { Id = c.Id }, now)))
            .ToList());
    }

    private static ScorecardDetails ToResponse(City city, CityScorecard scorecard, DateTimeOffset now)
    {
        var days = city.Settings.ConcernResponseDays;
        var figures = scorecard.Figures(now, days);
        return new ScorecardDetails(city.Id, scorecard.Version, now, scorecard.UpdatedAt, days,
            figures.Concerns, figures.Proposals, figures.Commitments, figures.Consultations);
    }
}
