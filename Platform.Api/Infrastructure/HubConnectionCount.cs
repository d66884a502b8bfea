using Microsoft.AspNetCore.SignalR;

namespace Platform.Api.Infrastructure;

/// <summary>Counts the hub connections open on this node (<c>platform.live.connections</c>); added only when telemetry is on.</summary>
public sealed class HubConnectionCount : IHubFilter
{
    public async Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        PlatformMetrics.HubConnections.Add(1);
        try
        {
            await next(context);
        }
        catch
        {
            PlatformMetrics.HubConnections.Add(-1); // refused: it never counts as disconnected
            throw;
        }
    }

    public Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        PlatformMetrics.HubConnections.Add(-1);
        return next(context, exception);
    }
}
