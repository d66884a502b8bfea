using Platform.Api.Live;

namespace Platform.Tests.Live;

/// <summary>
/// How often a view is pushed: at most <c>MaxPushesPerSecond</c>, and less often when its watchers on the node would
/// otherwise receive more than <c>MaxDeliveriesPerSecond</c> messages a second (docs/live-views.md).
/// </summary>
public class PushSpacingTests
{
    [Theory]
    [InlineData(0, 100)]
    [InlineData(1, 100)]
    [InlineData(2_000, 100)]
    [InlineData(4_000, 200)]
    [InlineData(10_000, 500)]
    [InlineData(40_000, 2_000)]
    public void A_view_is_pushed_ten_times_a_second_until_its_watchers_would_get_more_than_twenty_thousand_messages_a_second(int watchers, int milliseconds)
    {
        var options = new LiveOptions();
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), options.PushIntervalFor(watchers));
    }

    [Fact]
    public void Both_limits_are_settings()
    {
        var options = new LiveOptions { MaxPushesPerSecond = 4, MaxDeliveriesPerSecond = 1_000 };
        Assert.Equal(TimeSpan.FromMilliseconds(250), options.PushIntervalFor(100));
        Assert.Equal(TimeSpan.FromSeconds(2), options.PushIntervalFor(2_000));
    }
}
