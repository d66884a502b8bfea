using Platform.Projections.GoodPractices;

namespace Platform.Api.GoodPractices;

/// <summary>
/// Reads the practices' views for both faces. The library reads across the cities' tenants (a practice lives in the
/// tenant of the city that published it, an adoption in the tenant of the city that adopted it); withdrawn practices are
/// left out of every public read.
/// </summary>
public sealed class GoodPracticeReader
{
    /// <summary>One page of the library, the newest first.</summary>
    public async Task<Paged<PracticeDetails>> LibraryAsync(IQuerySession session, PracticeQuery query, CancellationToken cancellation)
    {
        IQueryable<GoodPracticeView> views = session.Query<GoodPracticeView>().Where(v => v.AnyTenant() && !v.Withdrawn);
        if (query.Right is { } right) views = views.Where(v => v.Rights.Contains(right));
        if (query.City is { } city) views = views.Where(v => v.City == city);
        if (query.Text is { } text)
        {
            var key = text.ToLowerInvariant();
            views = views.Where(v => v.TitleKey.Contains(key));
        }
        var total = await views.CountAsync(cancellation);
        var page = await views.OrderByDescending(v => v.PublishedAt).ThenBy(v => v.Id)
            .Skip(Paging.Offset(query.Page, query.PageSize)).Take(query.PageSize).ToListAsync(cancellation);
        return new Paged<PracticeDetails>(await DetailsAsync(session, page, withVersions: false, cancellation), query.Page, query.PageSize, total);
    }

    /// <summary>A practice of the library with every version, whichever city published it; null when unknown or withdrawn.</summary>
    public async Task<PracticeDetails?> FindAsync(IQuerySession session, Guid id, CancellationToken cancellation) =>
        await ViewAsync(session, id, cancellation) is { Withdrawn: false } view ? (await DetailsAsync(session, [view], true, cancellation))[0] : null;

    /// <summary>The view of a practice in any city's tenant (withdrawn ones too).</summary>
    public static async Task<GoodPracticeView?> ViewAsync(IQuerySession session, Guid id, CancellationToken cancellation) =>
        (await session.Query<GoodPracticeView>().Where(v => v.AnyTenant() && v.Id == id).ToListAsync(cancellation)).FirstOrDefault();

    /// <summary>A practice of the city (the session's tenant), withdrawn ones too: its officials' edit page and the answers to their writes.</summary>
    public async Task<PracticeDetails?> OwnAsync(IQuerySession session, Guid id, CancellationToken cancellation) =>
        await session.LoadAsync<GoodPracticeView>(id, cancellation) is { } view ? (await DetailsAsync(session, [view], true, cancellation))[0] : null;

    /// <summary>What <paramref name="city"/> published (still in the library) and what it says it adopted, the newest first.</summary>
    public async Task<CityPractices> CityAsync(IQuerySession session, string city, CancellationToken cancellation)
    {
        var adopted = await session.Query<PracticeAdoptionView>().Where(a => a.AnyTenant() && a.City == city && a.Adopted)
            .Select(a => a.PracticeId).ToListAsync(cancellation);
        var ids = adopted.ToArray();
        var views = await session.Query<GoodPracticeView>()
            .Where(v => v.AnyTenant() && !v.Withdrawn && (v.City == city || ids.Contains(v.Id)))
            .OrderByDescending(v => v.PublishedAt).ToListAsync(cancellation);
        var details = await DetailsAsync(session, views, withVersions: false, cancellation);
        return new CityPractices(city, details.Where(p => p.City == city).ToList(), details.Where(p => p.City != city).ToList());
    }

    /// <summary>The practices of the network published in [<paramref name="from"/>, <paramref name="to"/>) and still in the library, by city.</summary>
    public async Task<IReadOnlyList<PracticeDetails>> PublishedAsync(IQuerySession session, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellation)
    {
        var views = await session.Query<GoodPracticeView>()
            .Where(v => v.AnyTenant() && !v.Withdrawn && v.PublishedAt >= from && v.PublishedAt < to)
            .OrderBy(v => v.City).ThenBy(v => v.PublishedAt).ToListAsync(cancellation);
        return await DetailsAsync(session, views, withVersions: false, cancellation);
    }

    /// <summary>
    /// The standing adoptions, across the cities, made in [<paramref name="from"/>, <paramref name="to"/>): not taken
    /// back, of practices still in the library (not withdrawn).
    /// </summary>
    public async Task<IReadOnlyList<PracticeAdoptionView>> AdoptionsAsync(IQuerySession session, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellation)
    {
        var adoptions = await session.Query<PracticeAdoptionView>().Where(a => a.AnyTenant() && a.Adopted && a.AdoptedAt >= from && a.AdoptedAt < to).ToListAsync(cancellation);
        var ids = adoptions.Select(a => a.PracticeId).Distinct().ToArray();
        var inLibrary = ids.Length == 0 ? [] : (await session.Query<GoodPracticeView>().Where(v => v.AnyTenant() && !v.Withdrawn && ids.Contains(v.Id))
            .Select(v => v.Id).ToListAsync(cancellation)).ToHashSet();
        return adoptions.Where(a => inLibrary.Contains(a.PracticeId)).ToList();
    }

    /// <summary>The views with the standing adoptions of each (one query for all of them), in the order given.</summary>
    private static async Task<List<PracticeDetails>> DetailsAsync(IQuerySession session, IReadOnlyList<GoodPracticeView> views, bool withVersions,
        CancellationToken cancellation)
    {
        var ids = views.Select(v => v.Id).ToArray();
        var adoptions = ids.Length == 0 ? [] : await session.Query<PracticeAdoptionView>()
            .Where(a => a.AnyTenant() && a.Adopted && ids.Contains(a.PracticeId)).OrderBy(a => a.AdoptedAt).ToListAsync(cancellation);
        var byPractice = adoptions.ToLookup(a => a.PracticeId);
        return views.Select(v => PracticeDetails.Of(v, byPractice[v.Id].Select(AdoptionDetails.Of).ToList(), withVersions)).ToList();
    }
}
