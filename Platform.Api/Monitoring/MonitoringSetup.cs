using Marten.Services;
using JasperFx.Events.Projections;
using Platform.Domain.Monitoring;

namespace Platform.Api.Monitoring;

/// <summary>Everything the Monitoring feature registers: its handler and reader, the series snapshot and the network catalogue documents.</summary>
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
    }
}
