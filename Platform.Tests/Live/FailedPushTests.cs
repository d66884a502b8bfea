using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging.Abstractions;
using Platform.Api.Live;
using Platform.Projections.Live;

namespace Platform.Tests.Live;

/// <summary>
/// A push the hub could not send (with several nodes: the Redis backplane away) is sent again later, with the version it
/// would have carried, and the push after it names the one watchers really got.
/// </summary>
public class FailedPushTests
{
    [Fact]
    public async Task A_push_that_could_not_be_sent_is_sent_again_with_its_version()
    {
        var hub = new FlakyHub(failures: 1);
        var options = new LiveOptions { MaxPushesPerSecond = 100, PushUnwatchedViews = true };
        using var notifier = new CoalescingLiveViewNotifier(hub, new LiveViews([new AnyConcern()]), new EveryViewWatched(), options,
            NullLogger<CoalescingLiveViewNotifier>.Instance);
        var id = Guid.CreateVersion7();

        await notifier.ViewsChangedAsync([new ViewChange("concern", "york", id, 5)], null!, CancellationToken.None);
        var first = await hub.NextAsync();
        await notifier.ViewsChangedAsync([new ViewChange("concern", "york", id, 7)], null!, CancellationToken.None);
        var second = await hub.NextAsync();

        Assert.Equal(1, hub.Failed);
        Assert.Equal((5L, (long?)null), (first.Version, first.PreviousVersion));
        Assert.Equal((7L, (long?)5L), (second.Version, second.PreviousVersion));
    }

    private sealed class AnyConcern : ILiveViewSource
    {
        public string View => "concern";
        public Task<LiveView?> LoadAsync(IDocumentStore store, string city, Guid id, CancellationToken cancellation) =>
            Task.FromResult<LiveView?>(new LiveView(View, city, id, 0, new { }));
    }

    /// <summary>A hub whose first sends fail, recording the pushes it did send.</summary>
    private sealed class FlakyHub(int failures) : IHubContext<LiveHub>, IHubClients, IClientProxy
    {
        private readonly BlockingCollection<LiveView> _sent = [];
        private int _failuresLeft = failures;
        public int Failed { get; private set; }

        public async Task<LiveView> NextAsync()
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            return await Task.Run(() => _sent.Take(timeout.Token));
        }

        public Task SendCoreAsync(string method, object?[] args, CancellationToken cancellationToken = default)
        {
            if (_failuresLeft > 0)
            {
                _failuresLeft--;
                Failed++;
                return Task.FromException(new InvalidOperationException("the backplane is away"));
            }
            _sent.Add((LiveView)args[0]!);
            return Task.CompletedTask;
        }

        IHubClients IHubContext<LiveHub>.Clients => this;
        IGroupManager IHubContext<LiveHub>.Groups => throw new NotSupportedException();
        public IClientProxy All => this;
        public IClientProxy AllExcept(IReadOnlyList<string> excludedConnectionIds) => this;
        public IClientProxy Client(string connectionId) => this;
        public IClientProxy Clients(IReadOnlyList<string> connectionIds) => this;
        public IClientProxy Group(string groupName) => this;
        public IClientProxy GroupExcept(string groupName, IReadOnlyList<string> excludedConnectionIds) => this;
        public IClientProxy Groups(IReadOnlyList<string> groupNames) => this;
        public IClientProxy User(string userId) => this;
        public IClientProxy Users(IReadOnlyList<string> userIds) => this;
    }
}
