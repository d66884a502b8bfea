namespace Platform.Api.Infrastructure;

/// <summary>
/// Traces and metrics (<c>Platform:Telemetry</c>). The OTLP exporter takes the standard OpenTelemetry settings
/// (<c>OTEL_EXPORTER_OTLP_ENDPOINT</c>, <c>OTEL_EXPORTER_OTLP_PROTOCOL</c>, <c>OTEL_SERVICE_NAME</c>, ...).
/// </summary>
public sealed class TelemetryOptions
{
    /// <summary>
    /// Record traces and metrics. Unset: on exactly when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set, so that a node
    /// with nowhere to send them spends nothing on them. On without an endpoint, nothing is exported unless an
    /// exporter is added in code (as the tests add an in-memory one).
    /// </summary>
    public bool? Enabled { get; set; }
}
