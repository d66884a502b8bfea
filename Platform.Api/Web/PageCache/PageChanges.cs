using System.Collections.Concurrent;
using StackExchange.Redis;

namespace Platform.Api.Web.PageCache;

/// <summary>
/// Where the cached pages hear of changes: a change found on this node moves its scopes' generations here at once
/// (<see cref="PageGenerations"/>), and goes to the other nodes through the live backplane's Redis
/// (<see cref="PageCacheBackplane"/>), which moves theirs as it arrives.
/// </summary>
public sealed class PageChanges(PageGenerations generations, PageCacheBackplane backplane)
{
    public void Changed(IReadOnlyCollection<string> scopes)
    {
        if (scopes.Count == 0) return;
        foreach (var scope in scopes) generations.Changed(scope);
        backplane.Publish(scopes);
    }
}

/// <summary>
/// The page changes between nodes: with <c>Platform:Live:Redis</c> set (several nodes), each node publishes the scopes
/// that changed on it to the channel <c>{RedisChannelPrefix}:page-cache</c> of the live backplane's Redis, and moves
/// the generations of the scopes the others publish. While this node cannot hear the channel (Redis away, or not
/// reached yet since the start), its cache is paused (<see cref="PageGenerations.Paused"/>): pages are rendered for
/// every request, and nothing is kept. Scopes it could not publish are published again once Redis is back.
/// Without Redis (one node) it does nothing.
/// </summary>
public sealed class PageCacheBackplane(PageGenerations generations, LiveOptions live, PageCacheOptions options, ILogger<PageCacheBackplane> logger)
    : IHostedService, IAsyncDisposable
{
    private readonly string _node = Guid.NewGuid().ToString("N");
    private readonly ConcurrentDictionary<string, byte> _unsent = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();
    private ConnectionMultiplexer? _redis;
    private volatile bool _subscribed;

    /// <summary>Whether this node shares page changes with others (Redis is configured and the cache is on).</summary>
    public static bool IsShared(LiveOptions live, PageCacheOptions options) => options.Cache && !string.IsNullOrWhiteSpace(live.Redis);

    private RedisChannel Channel => RedisChannel.Literal(live.RedisChannelPrefix + ":page-cache");

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!IsShared(live, options)) return;
        var configuration = ConfigurationOptions.Parse(live.Redis!);
        configuration.AbortOnConnectFail = false; // the node starts while Redis is away; the multiplexer keeps trying
        _redis = await ConnectionMultiplexer.ConnectAsync(configuration);
        _redis.ConnectionFailed += (_, e) =>
        {
            generations.Paused = true;
            logger.LogWarning("Page cache paused: Redis connection lost ({Type}, {Failure})", e.ConnectionType, e.FailureType);
        };
        _redis.ConnectionRestored += (_, _) => Resume();
        _ = SubscribeAsync();
    }

    private async Task SubscribeAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            try
            {
                await _redis!.GetSubscriber().SubscribeAsync(Channel, (_, message) => Received(message));
                _subscribed = true;
                Resume();
                return;
            }
            catch (Exception e) when (e is RedisException or TimeoutException)
            {
                logger.LogWarning("Page cache paused: cannot subscribe to page changes yet ({Message})", e.Message);
                try { await Task.Delay(TimeSpan.FromSeconds(1), _stopping.Token); }
                catch (OperationCanceledException) { return; }
            }
        }
    }

    private void Resume()
    {
        if (!_subscribed || _redis is not { IsConnected: true }) return;
        generations.Paused = false; // drops every page kept before: changes may have been missed meanwhile
        if (_unsent.IsEmpty) return;
        var scopes = _unsent.Keys.ToList();
        foreach (var scope in scopes) _unsent.TryRemove(scope, out _);
        Publish(scopes);
    }

    private void Received(RedisValue message)
    {
        var text = (string?)message ?? "";
        var parts = text.Split('\n');
        if (parts.Length < 2 || parts[0] == _node) return; // this node moved its own generations already
        foreach (var scope in parts.Skip(1).Where(s => s.Length > 0)) generations.Changed(scope);
    }

    public void Publish(IReadOnlyCollection<string> scopes)
    {
        if (_redis is null) return;
        _ = PublishAsync(_node + "\n" + string.Join('\n', scopes), scopes);
    }

    private async Task PublishAsync(string message, IReadOnlyCollection<string> scopes)
    {
        try
        {
            await _redis!.GetSubscriber().PublishAsync(Channel, message);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            foreach (var scope in scopes) _unsent.TryAdd(scope, 0);
            logger.LogWarning("Could not publish page changes ({Message}); they go out again once Redis is back", e.Message);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _stopping.Cancel();
        return Task.CompletedTask;
    }

    private int _disposed;

    /// <summary>Once only: the container disposes this instance both as itself and as the hosted service it also is.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        _stopping.Cancel();
        if (_redis is not null)
        {
            await _redis.CloseAsync();
            _redis.Dispose();
        }
        _stopping.Dispose();
    }
}
