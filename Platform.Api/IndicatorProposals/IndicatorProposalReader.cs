using Platform.Domain.IndicatorProposals;
using Platform.Projections.IndicatorProposals;

namespace Platform.Api.IndicatorProposals;

/// <summary>
/// Reads a city's proposed indicators (the session is of the city) with their supports, counted from the residents'
/// own support streams (<see cref="IndicatorProposalSupport"/>, kept inline): for the API and the pages alike.
/// </summary>
public sealed class IndicatorProposalReader
{
    public const int DefaultPageSize = 20, MaxPageSize = 100;

    public async Task<IndicatorProposalDetails?> FindAsync(IQuerySession session, Guid id, ClaimsPrincipal user, CancellationToken cancellation)
    {
        var view = await session.LoadAsync<IndicatorProposalView>(id, cancellation);
        if (view is null) return null;
        var supports = await session.Query<IndicatorProposalSupport>().Where(s => s.ProposalId == id && s.Active).CountAsync(cancellation);
        return IndicatorProposalDetails.Of(view, supports, Caller(user));
    }

    /// <summary>One page of the city's proposals, newest first, optionally of one status.</summary>
    public async Task<Paged<IndicatorProposalDetails>> PageAsync(IQuerySession session, IndicatorProposalStatus? status, int page, int pageSize,
        ClaimsPrincipal user, CancellationToken cancellation)
    {
        var query = session.Query<IndicatorProposalView>().AsQueryable();
        if (status is { } only) query = query.Where(v => v.Status == only);
        var total = await query.CountAsync(cancellation);
        var views = await query.OrderByDescending(v => v.ProposedAt).Skip(Paging.Offset(page, pageSize)).Take(pageSize).ToListAsync(cancellation);
        var ids = views.Select(v => v.Id).ToArray();
        var supported = ids.Length == 0 ? [] : await session.Query<IndicatorProposalSupport>()
            .Where(s => s.Active && ids.Contains(s.ProposalId)).Select(s => s.ProposalId).ToListAsync(cancellation);
        var counts = supported.GroupBy(id => id).ToDictionary(g => g.Key, g => (long)g.Count());
        var caller = Caller(user);
        return new Paged<IndicatorProposalDetails>(views.Select(v => IndicatorProposalDetails.Of(v, counts.GetValueOrDefault(v.Id), caller)).ToList(),
            page, pageSize, total);
    }

    /// <summary>Whether <paramref name="user"/> supports the proposal now.</summary>
    public async Task<bool> SupportsAsync(IQuerySession session, Guid id, ClaimsPrincipal user, CancellationToken cancellation) =>
        user.IsSignedIn() && await session.LoadAsync<IndicatorProposalSupport>(PersonalStream.Id(id, user.ParticipantId()), cancellation) is { Active: true };

    /// <summary>The proposals of every city adopted as a local variant of catalogue indicator <paramref name="code"/> (any session: read across tenants).</summary>
    public async Task<IReadOnlyList<CoCreatedVariant>> VariantsAsync(IQuerySession session, string code, CancellationToken cancellation)
    {
        var views = await session.Query<IndicatorProposalView>()
            .Where(v => v.AnyTenant() && v.VariantOf == code && v.Status == IndicatorProposalStatus.Adopted)
            .ToListAsync(cancellation);
        return views.Select(v => new CoCreatedVariant(v.TenantId ?? "", v.Code!, v.Id, v.By)).ToList();
    }

    private static Guid? Caller(ClaimsPrincipal user) => user.IsSignedIn() ? user.AccountId() : null;
}

/// <summary>A city's indicator co-created as a variant of a catalogue indicator, from proposal <paramref name="ProposalId"/>.</summary>
public sealed record CoCreatedVariant(string City, string Code, Guid ProposalId, ProposedBy By);
