using System.Net;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace Platform.Tests.Cluster;

/// <summary>
/// A real SignalR client of one node or of the front, recording the pushes it receives and applying them as the
/// live-view contract tells a client to: a push below the version held is stale and ignored; a push whose
/// <c>previousVersion</c> is above the version held means one was missed (<see cref="Gaps"/>).
/// </summary>
public sealed class ClusterWatcher : IAsyncDisposable
{
    private readonly Channel<JsonElement> _pushes = Channel.CreateUnbounded<JsonElement>();

    private ClusterWatcher(HubConnection connection, CookieContainer cookies, Uri hub)
    {
        Connection = connection;
        Cookies = cookies;
        Hub = hub;
        Connection.On<JsonElement>("ViewChanged", view => _pushes.Writer.TryWrite(view));
    }

    public HubConnection Connection { get; }
    public CookieContainer Cookies { get; }
    public Uri Hub { get; }
    public long Held { get; private set; }
    public JsonElement? Latest { get; private set; }
    /// <summary>Pushes applied (version at least the one held), in order.</summary>
    public List<JsonElement> Applied { get; } = [];
    public int Stale { get; private set; }
    /// <summary>Pushes whose previousVersion showed that a push was missed.</summary>
    public int Gaps { get; private set; }

    /// <summary>
    /// Connects to <c>/hubs/live</c> of <paramref name="server"/>: by default as the tests' clients do (WebSockets without
    /// negotiation); with other <paramref name="transports"/> it negotiates first, as the pages' client does.
    /// </summary>
    /// <para>With <paramref name="reconnect"/>, it reconnects when its node goes away and watches its view again, as the
    /// pages' client does: the snapshot it gets then carries on from the version it held.</para>
    public static async Task<ClusterWatcher> ConnectAsync(Uri server, HttpTransportType transports = HttpTransportType.WebSockets, bool reconnect = false)
    {
        var cookies = new CookieContainer();
        var hub = new Uri(server, "hubs/live");
        var builder = new HubConnectionBuilder()
            .WithUrl(hub, o =>
            {
                o.Transports = transports;
                o.SkipNegotiation = transports == HttpTransportType.WebSockets;
                o.Cookies = cookies;
            });
        if (reconnect) builder.WithAutomaticReconnect([TimeSpan.Zero, TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2)]);
        var watcher = new ClusterWatcher(builder.Build(), cookies, hub);
        if (reconnect)
            watcher.Connection.Reconnected += async _ =>
            {
                watcher.Reconnections++;
                if (watcher._watched is { } watched) watcher._pushes.Writer.TryWrite(await watcher.Connection.InvokeAsync<JsonElement>("Watch", watched.View, watched.City, watched.Id));
            };
        await watcher.Connection.StartAsync();
        return watcher;
    }

    /// <summary>How often the connection came back after its node went away.</summary>
    public int Reconnections { get; private set; }

    private (string View, string City, Guid Id)? _watched;

    /// <summary>The node HAProxy pinned this connection to (its cookie), or null when none was set.</summary>
    public string? PinnedNode => Cookies.GetCookies(Hub)["PLATFORM_HUB_NODE"]?.Value;

    public async Task<JsonElement> WatchAsync(string view, string city, Guid id)
    {
        _watched = (view, city, id);
        var snapshot = await Connection.InvokeAsync<JsonElement>("Watch", view, city, id);
        Held = snapshot.GetProperty("version").GetInt64();
        Latest = snapshot;
        return snapshot;
    }

    /// <summary>Applies pushes until the view holds what <paramref name="done"/> waits for; false after <paramref name="patience"/>.</summary>
    public async Task<bool> UntilAsync(Func<JsonElement, bool> done, TimeSpan patience)
    {
        using var timeout = new CancellationTokenSource(patience);
        try
        {
            while (Latest is not { } latest || !done(latest))
                Apply(await _pushes.Reader.ReadAsync(timeout.Token));
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private void Apply(JsonElement push)
    {
        var version = push.GetProperty("version").GetInt64();
        if (version < Held)
        {
            Stale++;
            return;
        }
        if (push.TryGetProperty("previousVersion", out var previous) && previous.ValueKind == JsonValueKind.Number && previous.GetInt64() > Held)
            Gaps++;
        Held = version;
        Latest = push;
        Applied.Add(push);
    }

    public ValueTask DisposeAsync() => Connection.DisposeAsync();
}
