using Platform.Api.Live;

namespace Platform.Tests.Live;

/// <summary>The registry that lets the notifier skip views nobody watches.</summary>
public class WatchedViewsTests
{
    private const string Board = "concern-board:york:00000000000000000000000000000000";
    private const string Concern = "concern:york:0193b8a2c1f47c6e9d1a2b3c4d5e6f70";

    [Fact]
    public void A_view_is_watched_while_any_connection_watches_it()
    {
        var views = new LocalWatchedViews();
        Assert.False(views.IsWatched(Board));

        views.Watching("a", Board);
        views.Watching("b", Board);
        views.Unwatching("a", Board);
        Assert.True(views.IsWatched(Board));

        views.Unwatching("b", Board);
        Assert.False(views.IsWatched(Board));
    }

    [Fact]
    public void Watching_again_after_a_gap_does_not_count_the_connection_twice()
    {
        var views = new LocalWatchedViews();
        views.Watching("a", Board);
        views.Watching("a", Board); // the client re-requests the snapshot
        views.Unwatching("a", Board);
        Assert.False(views.IsWatched(Board));
    }

    [Fact]
    public void A_disconnected_client_stops_watching_everything_it_watched()
    {
        var views = new LocalWatchedViews();
        views.Watching("a", Board);
        views.Watching("a", Concern);
        views.Watching("b", Concern);

        views.Disconnected("a");

        Assert.False(views.IsWatched(Board));
        Assert.True(views.IsWatched(Concern));
        views.Unwatching("a", Concern); // late unwatch of a gone connection changes nothing
        Assert.True(views.IsWatched(Concern));
    }

    [Fact]
    public void Behind_a_backplane_every_view_counts_as_watched()
    {
        Assert.True(new EveryViewWatched().IsWatched(Concern));
    }
}
