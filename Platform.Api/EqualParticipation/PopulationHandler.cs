using Platform.Domain.EqualParticipation;
using Platform.Projections.Monitoring;
using Wolverine.Attributes;

namespace Platform.Api.EqualParticipation;

/// <summary>The body of <c>PUT /api/cities/{city}/population</c>: the shares per group and their source.</summary>
public sealed record PopulationRequest(IReadOnlyList<PopulationShareInput?>? Shares, PopulationSourceInput? Source);

/// <summary>A city's population shares as served: each group's percentage, the source, when they were entered.</summary>
public sealed record PopulationDetails(string City, IReadOnlyList<PopulationShare> Shares, PopulationSource Source, DateTimeOffset EnteredAt)
{
    public static PopulationDetails Of(PopulationShares shares) => new(shares.Id, shares.Shares, shares.Source, shares.EnteredAt);
}

/// <summary>The city's population shares, entered by its officials (both faces call it) and read by the participation breakdown.</summary>
[WolverineIgnore]
public sealed class PopulationHandler(TimeProvider clock)
{
    /// <param name="session">A session of the city's tenant (the route's city).</param>
    public async Task<(PopulationDetails? Shares, IReadOnlyList<DomainError> Errors)> SaveAsync(IDocumentSession session, Guid officialId,
        PopulationRequest request, CancellationToken cancellation)
    {
        var (shares, errors) = PopulationDecider.Decide(new SetPopulationShares(session.TenantId, officialId, request.Shares, request.Source), clock.GetUtcNow());
        if (shares is null) return (null, errors);
        session.Store(shares);
        // The city's districts are the names the complaint series group by: write them again under the new names.
        if (await session.LoadAsync<ComplaintFiguresView>(session.TenantId, cancellation) is { } figures)
            foreach (var series in figures.Figures.Series(session.TenantId, shares.Districts()))
                session.Store(series);
        await session.SaveChangesAsync(cancellation);
        return (PopulationDetails.Of(shares), []);
    }

    /// <param name="session">A session of the city's tenant.</param>
    public static async Task<PopulationShares?> FindAsync(IQuerySession session, CancellationToken cancellation) =>
        await session.LoadAsync<PopulationShares>(session.TenantId, cancellation);
}
