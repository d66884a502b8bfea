using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Platform.Api.Accounts;

namespace Platform.Tests.Trust;

/// <summary>
/// Writes per account (<see cref="AccountWriteLimiter"/>): a full minute's writes at once, then a sixtieth of them back
/// at the end of each second, each account on its own; and however many accounts wrote, the ones full again are
/// dropped once a minute while one still short of writes keeps its count.
/// </summary>
public sealed class AccountWriteLimiterTests
{
    private sealed class ManualClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);
        public override DateTimeOffset GetUtcNow() => Now;
    }

    private static HttpContext Write(string? account) => new DefaultHttpContext { Items = { ["account"] = account } };

    private static AccountWriteLimiter Limiter(ManualClock clock) => new(300, context => context.Items["account"] as string, clock);

    [Fact]
    public void An_account_writes_a_minutes_worth_at_once_then_a_sixtieth_each_second_and_is_told_when_to_come_back()
    {
        var clock = new ManualClock();
        using var limiter = Limiter(clock);
        Assert.All(Enumerable.Range(0, 300), _ => Assert.True(limiter.AttemptAcquire(Write("ana")).IsAcquired));

        clock.Now += TimeSpan.FromMilliseconds(400);
        using var refused = limiter.AttemptAcquire(Write("ana"));
        Assert.False(refused.IsAcquired);
        Assert.True(refused.TryGetMetadata(MetadataName.RetryAfter, out var wait));
        Assert.Equal(TimeSpan.FromMilliseconds(600), wait); // the end of the second

        Assert.True(limiter.AttemptAcquire(Write("ben")).IsAcquired); // another account is not held back
        Assert.True(limiter.AttemptAcquire(Write(null)).IsAcquired); // nor a request with no account (a read)

        clock.Now += TimeSpan.FromMilliseconds(600);
        Assert.Equal(5, Enumerable.Range(0, 10).Count(_ => limiter.AttemptAcquire(Write("ana")).IsAcquired));
        clock.Now += TimeSpan.FromSeconds(2.5);
        Assert.Equal(10, Enumerable.Range(0, 20).Count(_ => limiter.AttemptAcquire(Write("ana")).IsAcquired));
    }

    [Fact]
    public async Task Accounts_full_again_are_dropped_once_a_minute_and_one_short_of_writes_keeps_its_count()
    {
        var clock = new ManualClock();
        using var limiter = Limiter(clock);
        foreach (var i in Enumerable.Range(0, 1000)) Assert.True(limiter.AttemptAcquire(Write($"resident-{i}")).IsAcquired);
        clock.Now += TimeSpan.FromSeconds(30);
        Assert.Equal(300, Enumerable.Range(0, 400).Count(_ => limiter.AttemptAcquire(Write("busy")).IsAcquired));
        Assert.Equal(1001, limiter.Accounts);

        clock.Now += TimeSpan.FromSeconds(40); // past the first minute: the next write sweeps
        Assert.True(limiter.AttemptAcquire(Write("late")).IsAcquired);
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (limiter.Accounts > 2 && waited.Elapsed < TimeSpan.FromSeconds(10)) await Task.Delay(10);
        Assert.Equal(2, limiter.Accounts); // "busy" (200 of 300 back after 40 s) and "late" (one short)

        Assert.Equal(200, Enumerable.Range(0, 300).Count(_ => limiter.AttemptAcquire(Write("busy")).IsAcquired));
        Assert.Equal(300, Enumerable.Range(0, 400).Count(_ => limiter.AttemptAcquire(Write("resident-7")).IsAcquired));
    }
}
