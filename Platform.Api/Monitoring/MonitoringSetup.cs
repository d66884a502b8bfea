using Marten.Services;
using JasperFx.Events.Projections;
using Platform.Domain.Monitoring;
using Platform.Projections.Monitoring;

namespace Platform.Api.Monitoring;

/// <summary>Everything the Monitoring feature registers: its handler and reader, the series snapshot, the network catalogue documents and the complaint figures.</summary>
public static class MonitoringSetup
{
    public static IServiceCollection AddMonitoring(this IServiceCollection services) =>
        services.AddSingleton<MonitoringHandler>().AddSingleton<MonitoringReader>();

    public static void AddMonitoring(this StoreOptions opts, string schema)
    {
        opts.Projections.Add(new StateProjection<IndicatorSeries>(), ProjectionLifecycle.Inline);
        opts.Events.UseBinarySerializer<MeasurementsImported>(new ImportEventFormat()); // a file's rows: stored as bytes, not parsed into jsonb
        ((SystemTextJsonSerializer)opts.Serializer()).Configure(json => json.Converters.Add(new SeriesPointsFormat())); // compact data points
        opts.Schema.For<IndicatorSeries>().Index(x => x.Code);
        opts.Schema.For<CatalogueIndicator>().SingleTenanted();
        // The complaint indicators, computed from concern events in the daemon: one figures document per city (keyed by
        // its slug, under the default tenant), which writes the city's computed series (docs/co-created-indicators.md).
        opts.Projections.Add<ComplaintFiguresProjection>(ProjectionLifecycle.Async);
        opts.Schema.For<ComplaintFiguresView>().SingleTenanted();
    }
}
