using Microsoft.AspNetCore.SignalR;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Platform.Api.Infrastructure;

/// <summary>
/// Traces and metrics of a node with OpenTelemetry: ASP.NET Core (requests, SignalR), Npgsql (every command; the pool),
/// Marten (its sessions and daemon, events appended) and Wolverine (messages, its meter), and the platform's own
/// (<see cref="PlatformMetrics"/>, <see cref="ProjectionLag"/>). Exported over OTLP when
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set. Off (see <see cref="TelemetryOptions.Enabled"/>), nothing listens,
/// so instruments and activity sources cost next to nothing per request.
/// <para>
/// Log entries carry the trace and span ids of the request or message that wrote them (as a logging scope, which
/// the JSON console format writes), whether or not telemetry is on.
/// </para>
/// </summary>
public static class Telemetry
{
    /// <summary>The standard OpenTelemetry setting of the collector's address (the SDK reads its siblings itself).</summary>
    public const string OtlpEndpoint = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>The service name when <c>OTEL_SERVICE_NAME</c> does not give one.</summary>
    public const string DefaultServiceName = "platform-api";

    public static WebApplicationBuilder AddPlatformTelemetry(this WebApplicationBuilder builder, TelemetryOptions options)
    {
        builder.Logging.Configure(o => o.ActivityTrackingOptions =
            ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId | ActivityTrackingOptions.ParentId);

        var endpoint = builder.Configuration[OtlpEndpoint];
        var export = !string.IsNullOrWhiteSpace(endpoint);
        if (!(options.Enabled ?? export)) return builder;

        builder.Services.ConfigureMarten(opts => opts.OpenTelemetry.TrackEventCounters());
        builder.Services.Configure<HubOptions>(o => o.AddFilter(new HubConnectionCount()));
        builder.Services.AddSingleton<ProjectionLag>();

        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(
                builder.Configuration["OTEL_SERVICE_NAME"] is { Length: > 0 } name ? name : DefaultServiceName,
                serviceInstanceId: $"{Environment.MachineName}/{Environment.ProcessId}")) // one node: a pod, or a process of deploy/cluster
            .WithTracing(tracing =>
            {
                tracing
                    .SetSampler(new ParentBasedSampler(new PollingSpansDropped())) // spans within a sampled trace are all kept
                    .AddAspNetCoreInstrumentation(o => o.Filter = context => !context.Request.Path.StartsWithSegments("/health"))
                    .AddNpgsql()
                    .AddSource("Marten", "Wolverine");
                if (export) tracing.AddOtlpExporter();
            })
            .WithMetrics(metrics =>
            {
                metrics
                    .AddAspNetCoreInstrumentation()
                    .AddNpgsqlInstrumentation()
                    .AddMeter("Marten", "Wolverine:*", "System.Runtime", PlatformMetrics.MeterName)
                    .AddInstrumentation(provider => provider.GetRequiredService<ProjectionLag>());
                if (export) metrics.AddOtlpExporter();
            });
        return builder;
    }
}
