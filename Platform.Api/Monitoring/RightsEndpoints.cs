using Platform.Domain.Reference;
using Platform.Projections.Concerns;

namespace Platform.Api.Monitoring;

/// <summary>The rights taxonomy with the UDHR and EU Charter articles each covers and the indicators that measure it.</summary>
public static class RightsEndpoints
{
    [WolverineGet("/api/rights", OperationId = "listRights")]
    public static async Task<IResult> List(IQuerySession session, CancellationToken cancellation)
    {
        var indicators = await IndicatorCatalogue.AllAsync(session, cancellation);
        return Results.Ok(ReferenceCatalogue.Default.Rights.Values.OrderBy(r => r.Code, StringComparer.Ordinal).Select(r => new
        {
            r.Code, r.Name, r.UdhrArticles, r.EuCharterArticles, r.OhchrAttributes,
            Indicators = indicators.Count(i => i.Right == r.Code),
        }));
    }

    /// <summary>A right with its articles (titles), its indicators, and how many concerns across the network are tagged with it.</summary>
    [WolverineGet("/api/rights/{code}", OperationId = "getRight")]
    public static async Task<IResult> Get(string code, IQuerySession session, CancellationToken cancellation)
    {
        if (!ReferenceCatalogue.Default.Rights.TryGetValue(code, out var right)) return Problems.NotFound("right");
        var indicators = (await IndicatorCatalogue.AllAsync(session, cancellation)).Where(i => i.Right == code).ToList();
        var concerns = await session.Query<ConcernView>().Where(c => c.AnyTenant() && c.Rights.Contains(code)).CountAsync(cancellation);
        return Results.Ok(new
        {
            right.Code, right.Name, right.OhchrAttributes,
            Udhr = right.UdhrArticles.Select(a => Articles.Udhr.GetValueOrDefault(a) ?? new Article(a, "")),
            EuCharter = right.EuCharterArticles.Select(a => Articles.EuCharter.GetValueOrDefault(a) ?? new Article(a, "")),
            Indicators = indicators,
            Concerns = concerns,
        });
    }
}
