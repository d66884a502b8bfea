using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace Platform.Tests.Support;

/// <summary>A real SignalR client over a WebSocket to the test server's live hub.</summary>
public static class LiveClient
{
    public static HubConnection ConnectLive(this AppFixture app)
    {
        var server = app.Host.Server;
        return new HubConnectionBuilder()
            .WithUrl(new Uri(server.BaseAddress, "hubs/live"), o =>
            {
                o.Transports = HttpTransportType.WebSockets;
                o.SkipNegotiation = true;
                o.HttpMessageHandlerFactory = _ => server.CreateHandler();
                o.WebSocketFactory = async (context, token) => await server.CreateWebSocketClient().ConnectAsync(context.Uri, token);
            })
            .Build();
    }
}
