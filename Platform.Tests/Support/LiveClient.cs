using System.Threading.Channels;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.TestHost;

namespace Platform.Tests.Support;

/// <summary>A real SignalR client on a WebSocket to the test server's live hub, recording every push it receives.</summary>
public sealed class LiveClient : IAsyncDisposable
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    private readonly Channel<JsonElement> _pushes = Channel.CreateUnbounded<JsonElement>();

    public HubConnection Connection { get; }

    private LiveClient(HubConnection connection)
    {
        Connection = connection;
        Connection.On<JsonElement>("ViewChanged", view => _pushes.Writer.TryWrite(view));
    }

    public static async Task<LiveClient> ConnectAsync(AppFixture app)
    {
        var client = new LiveClient(app.ConnectLive());
        await client.Connection.StartAsync();
        return client;
    }

    public Task<JsonElement> WatchAsync(string view, string city, Guid id) =>
        Connection.InvokeAsync<JsonElement>("Watch", view, city, id);

    /// <summary>The next push, or null when none arrives within <paramref name="wait"/>.</summary>
    public Task<JsonElement?> NextAsync(TimeSpan wait) => NextAsync(_pushes.Reader, wait);

    /// <summary>The next push a channel holds, or null when none arrives within <paramref name="wait"/>.</summary>
    public static async Task<JsonElement?> NextAsync(ChannelReader<JsonElement> pushes, TimeSpan wait)
    {
        using var timeout = new CancellationTokenSource(wait);
        try
        {
            return await pushes.ReadAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    /// <summary>Reads pushes until one satisfies <paramref name="done"/>; fails after <paramref name="patience"/> (<see cref="Patience"/>). Returns every push read.</summary>
    public async Task<IReadOnlyList<JsonElement>> UntilAsync(Func<JsonElement, bool> done, TimeSpan? patience = null)
    {
        var read = new List<JsonElement>();
        using var timeout = new CancellationTokenSource(patience ?? Patience);
        while (true)
        {
            var push = await _pushes.Reader.ReadAsync(timeout.Token);
            read.Add(push);
            if (done(push)) return read;
        }
    }

    /// <summary>The first push that satisfies <paramref name="done"/>; fails after <paramref name="patience"/> (<see cref="Patience"/>).</summary>
    public async Task<JsonElement> FirstAsync(Func<JsonElement, bool> done, TimeSpan? patience = null) => (await UntilAsync(done, patience))[^1];

    /// <summary>A push received and not read yet, without waiting.</summary>
    public bool TryTake(out JsonElement push) => _pushes.Reader.TryRead(out push);

    /// <summary>A push's (or a snapshot's) <c>data</c>.</summary>
    public static JsonElement Data(JsonElement view) => view.GetProperty("data");

    public ValueTask DisposeAsync() => Connection.DisposeAsync();
}

public static class LiveConnections
{
    /// <summary>A hub connection (not started) over a WebSocket to the test server's live hub.</summary>
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
