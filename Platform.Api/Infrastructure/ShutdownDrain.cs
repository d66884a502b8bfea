using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Platform.Api.Infrastructure;

/// <summary>
/// A node asked to stop (SIGTERM, as a rolling deploy or <c>deploy/cluster</c>'s Ctrl-C sends) first says it is not
/// ready and keeps serving for <see cref="ShutdownOptions.DrainSeconds"/>, so the proxy in front (HAProxy, a
/// Kubernetes Service) sends new requests to the other nodes before this one stops listening; then it stops as the
/// host does: requests already accepted are finished and answered, queued group-commit writes are written, within
/// <see cref="ShutdownOptions.GraceSeconds"/>.
/// </summary>
public sealed class ShutdownDrain(IHostApplicationLifetime lifetime, PlatformOptions platform, ILogger<ShutdownDrain> logger) : IHealthCheck, IHostedService
{
    private volatile bool _stopping;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(_stopping ? HealthCheckResult.Unhealthy("The node is stopping.") : HealthCheckResult.Healthy());

    public Task StartAsync(CancellationToken cancellationToken)
    {
        // ApplicationStopping runs before the server stops listening: the node keeps serving while the proxy notices.
        lifetime.ApplicationStopping.Register(() =>
        {
            _stopping = true;
            var drain = TimeSpan.FromSeconds(platform.Shutdown.DrainSeconds);
            if (drain <= TimeSpan.Zero) return;
            logger.LogInformation("Stopping: not ready any more; serving {Seconds} s more while the proxy moves new requests away", drain.TotalSeconds);
            Thread.Sleep(drain);
        });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>How a node stops (<c>Platform:Shutdown</c>).</summary>
public sealed class ShutdownOptions
{
    /// <summary>Seconds a stopping node keeps serving while it answers not ready (0: none; behind a proxy, more than its health check needs to notice).</summary>
    public int DrainSeconds { get; set; }

    /// <summary>Seconds after the drain for requests already accepted to finish before the node stops anyway.</summary>
    public int GraceSeconds { get; set; } = 30;
}
