using JasperFx.Events.Projections;
using Platform.Domain.Open311;

namespace Platform.Api.Open311;

/// <summary>Everything the Open311 feature registers: its snapshots, the key check and rate limit, the handler, the reader.</summary>
public static class Open311Setup
{
    public static IServiceCollection AddOpen311(this IServiceCollection services)
    {
        services.AddSingleton<Open311Keys>();
        services.AddSingleton<Open311ClientHandler>();
        services.AddSingleton<GeoReportReader>();
        return services;
    }

    public static void AddOpen311(this StoreOptions opts)
    {
        opts.Projections.Add(new StateProjection<Open311Client>(), ProjectionLifecycle.Inline);
        opts.Projections.Add(new StateProjection<Open311Request>(), ProjectionLifecycle.Inline);
        opts.Schema.For<Open311Client>().Index(c => c.KeyHash);
        opts.Schema.For<Open311Request>().Index(r => r.ConcernId);
    }
}
