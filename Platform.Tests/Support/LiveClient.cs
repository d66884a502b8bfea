using System.Threading.Channels;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.TestHost;

namespace Platform.Tests.Support;

/// <summary>
/// A real SignalR client on a WebSocket to the test server's live hub, recording every push it receives. It speaks the
/// hub's JSON protocol, or MessagePack (<see cref="ConnectAsync(AppFixture, bool)"/>): then what it receives is turned
/// into the same JSON elements (maps to objects, keys as sent), so tests read both the same way.
/// </summary>
public sealed class LiveClient : IAsyncDisposable
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    private readonly Channel<JsonElement> _pushes = Channel.CreateUnbounded<JsonElement>();
    private readonly bool _messagePack;

    public HubConnection Connection { get; }

    private LiveClient(HubConnection connection, bool messagePack)
    {
        Connection = connection;
        _messagePack = messagePack;
        if (messagePack) Connection.On<object?>("ViewChanged", view => _pushes.Writer.TryWrite(AsJson(view)));
        else Connection.On<JsonElement>("ViewChanged", view => _pushes.Writer.TryWrite(view));
    }

    public static Task<LiveClient> ConnectAsync(AppFixture app) => ConnectAsync(app, messagePack: false);

    public static async Task<LiveClient> ConnectAsync(AppFixture app, bool messagePack)
    {
        var client = new LiveClient(app.ConnectLive(messagePack), messagePack);
        await client.Connection.StartAsync();
        return client;
    }

    public async Task<JsonElement> WatchAsync(string view, string city, Guid id) =>
        _messagePack
            ? AsJson(await Connection.InvokeAsync<object?>("Watch", view, city, id))
            : await Connection.InvokeAsync<JsonElement>("Watch", view, city, id);

    /// <summary>A value read from MessagePack as plain objects (maps, arrays, strings, numbers), as a JSON element.</summary>
    private static JsonElement AsJson(object? value) => JsonSerializer.SerializeToElement(Plain(value));

    private static object? Plain(object? value) => value switch
    {
        IDictionary<object, object?> map => map.ToDictionary(e => Assert.IsType<string>(e.Key), e => Plain(e.Value)),
        object?[] items => items.Select(Plain).ToArray(),
        _ => value,
    };

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
    public static HubConnection ConnectLive(this AppFixture app) => app.ConnectLive(messagePack: false);

    /// <summary>A hub connection (not started) over a WebSocket to the test server's live hub, in MessagePack if asked.</summary>
    public static HubConnection ConnectLive(this AppFixture app, bool messagePack)
    {
        var server = app.Host.Server;
        var builder = new HubConnectionBuilder()
            .WithUrl(new Uri(server.BaseAddress, "hubs/live"), o =>
            {
                o.Transports = HttpTransportType.WebSockets;
                o.SkipNegotiation = true;
                o.HttpMessageHandlerFactory = _ => server.CreateHandler();
                o.WebSocketFactory = async (context, token) => await server.CreateWebSocketClient().ConnectAsync(context.Uri, token);
            });
        if (messagePack) builder.AddMessagePackProtocol();
        return builder.Build();
    }
}
