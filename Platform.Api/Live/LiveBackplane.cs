using Microsoft.AspNetCore.SignalR;
using StackExchange.Redis;

namespace Platform.Api.Live;

/// <summary>
/// The SignalR backplane of several API nodes: with <see cref="LiveOptions.Redis"/> set, a push to a group goes
/// through Redis to every node, and each node hands it to its own connections in the group. Group names carry only
/// view, city and id (<see cref="LiveGroups"/>), so clients need not know which node they are connected to.
/// </summary>
public static class LiveBackplane
{
    public static ISignalRServerBuilder AddLiveBackplane(this ISignalRServerBuilder signalR, LiveOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.Redis)) return signalR;
        return signalR.AddStackExchangeRedis(options.Redis, redis =>
        {
            redis.Configuration.ChannelPrefix = RedisChannel.Literal(options.RedisChannelPrefix);
            // A node starts, and serves pages and writes, while Redis is away; the multiplexer keeps trying to reach it.
            // A push that cannot be published meanwhile fails, and the notifier tries it again a second later with the
            // state of then (CoalescingLiveViewNotifier), so watchers end on the exact state once Redis is back.
            redis.Configuration.AbortOnConnectFail = false;
        });
    }
}
