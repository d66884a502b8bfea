using Platform.Domain;
using Platform.Domain.TownHalls;

namespace Platform.Tests.Domain;

/// <summary>Given / when / then on the town-hall rules, with no database.</summary>
public class TownHallDeciderTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 18, 0, 0, TimeSpan.Zero);
    private static readonly Guid Id = Guid.CreateVersion7();
    private static readonly Guid Official = Guid.NewGuid();
    private static readonly Guid Resident = Guid.NewGuid();
    private static readonly Guid Poll = Guid.CreateVersion7();

    private static readonly TownHall Scheduled =
        TownHall.Create(new TownHallScheduled(Id, "Town hall", Now.AddDays(1), "Hall", Official, Now, "About buses", "Tang Hall"));

    private static TownHall Open => Scheduled.Apply(new TownHallOpened(Id, Official, Now));

    private static TownHall WithPoll => Open.Apply(new TownHallPollOpened(Id, Poll, "Which?", ["a", "b", "c"], Official, Now));

    private static ResidentVote Voted => ResidentVote.Create(Guid.NewGuid(), new TownHallVoteCast(Id, Poll, Resident, 0, Now));

    private static DomainError Error(Decision decision) => Assert.Single(decision.Errors);

    [Fact]
    public void Scheduling_records_the_trimmed_fields()
    {
        var decision = TownHallDecider.Decide(new ScheduleTownHall("  Buses ", " Talk ", Now.AddDays(2), " Hall ", "  "), Id, Official, Now);
        var scheduled = Assert.IsType<TownHallScheduled>(Assert.Single(decision.Events));
        Assert.Equal(("Buses", "Talk", "Hall", (string?)null), (scheduled.Title, scheduled.Description, scheduled.Location, scheduled.District));
        Assert.Equal(Now.AddDays(2), scheduled.StartsAt);
    }

    [Theory]
    [InlineData(null, 1, "title")]
    [InlineData("ok", null, "startsAt")]
    [InlineData("ok", -1, "startsAt")]
    public void Scheduling_refuses_missing_title_and_start_in_the_past(string? title, int? days, string field)
    {
        var decision = TownHallDecider.Decide(new ScheduleTownHall(title, null, days is { } d ? Now.AddDays(d) : null, null, null), Id, Official, Now);
        Assert.Equal(field, Error(decision).Field);
    }

    [Fact]
    public void Opening_happens_once()
    {
        Assert.IsType<TownHallOpened>(Assert.Single(TownHallDecider.Decide(new OpenTownHall(Id), Scheduled, Official, Now).Events));
        Assert.Equal("town-hall-already-open", Error(TownHallDecider.Decide(new OpenTownHall(Id), Open, Official, Now)).Code);
        Assert.Equal("town-hall-not-found", Error(TownHallDecider.Decide(new OpenTownHall(Id), null, Official, Now)).Code);
    }

    [Fact]
    public void Polls_open_one_at_a_time_and_only_in_an_open_town_hall()
    {
        var opened = Assert.IsType<TownHallPollOpened>(Assert.Single(TownHallDecider.Decide(new OpenPoll(" Which? ", [" a", "b "]), Open, Poll, Official, Now).Events));
        Assert.Equal(["a", "b"], opened.Options);
        Assert.Equal("Which?", opened.Question);
        Assert.Equal("poll-already-open", Error(TownHallDecider.Decide(new OpenPoll("Next?", ["a", "b"]), WithPoll, Guid.NewGuid(), Official, Now)).Code);
        Assert.Equal("town-hall-not-open", Error(TownHallDecider.Decide(new OpenPoll("Next?", ["a", "b"]), Scheduled, Guid.NewGuid(), Official, Now)).Code);
    }

    [Theory]
    [InlineData("only")]
    [InlineData("a|a")]
    [InlineData("a|")]
    [InlineData("1|2|3|4|5|6|7|8|9|10|11")]
    public void A_poll_needs_two_to_ten_distinct_options(string options) =>
        Assert.Equal("options", Error(TownHallDecider.Decide(new OpenPoll("Which?", options.Split('|')), Open, Poll, Official, Now)).Field);

    [Fact]
    public void Closing_a_poll_frees_the_floor_for_the_next()
    {
        var closed = Assert.IsType<TownHallPollClosed>(Assert.Single(TownHallDecider.Decide(new ClosePoll(Poll), WithPoll, Official, Now).Events));
        var after = WithPoll.Apply(closed);
        Assert.Null(after.CurrentPoll);
        Assert.Equal("poll-closed", Error(TownHallDecider.Decide(new ClosePoll(Poll), after, Official, Now)).Code);
        Assert.Equal("poll-not-found", Error(TownHallDecider.Decide(new ClosePoll(Guid.NewGuid()), after, Official, Now)).Code);
        Assert.Single(TownHallDecider.Decide(new OpenPoll("Next?", ["a", "b"]), after, Guid.NewGuid(), Official, Now).Events);
    }

    [Fact]
    public void Closing_the_town_hall_closes_the_open_poll_and_records_minutes_and_commitments_as_given()
    {
        var commitments = new[] { Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid() };
        var events = TownHallDecider.Decide(new CloseTownHall(" We agreed. ", commitments), WithPoll, Official, Now).Events;
        Assert.Equal(Poll, Assert.IsType<TownHallPollClosed>(events[0]).PollId);
        var closed = Assert.IsType<TownHallClosed>(events[1]);
        Assert.Equal("We agreed.", closed.Minutes);
        Assert.Equal(commitments, closed.CommitmentIds);

        Assert.Equal("minutes", Error(TownHallDecider.Decide(new CloseTownHall(" ", null), Open, Official, Now)).Field);
        Assert.Equal("commitmentIds[0]", Error(TownHallDecider.Decide(new CloseTownHall("ok", [Guid.Empty]), Open, Official, Now)).Field);
        Assert.Equal("town-hall-not-open", Error(TownHallDecider.Decide(new CloseTownHall("ok", null), Scheduled, Official, Now)).Code);
    }

    [Fact]
    public void A_resident_votes_once_in_the_open_poll_for_an_offered_option()
    {
        var cast = Assert.IsType<TownHallVoteCast>(Assert.Single(TownHallDecider.Decide(new CastVote(Id, Poll, Resident, 2), new(WithPoll, null), Now).Events));
        Assert.Equal((Poll, Resident, 2), (cast.PollId, cast.ResidentId, cast.Option));

        Assert.Equal("already-voted", Error(TownHallDecider.Decide(new CastVote(Id, Poll, Resident, 1), new(WithPoll, Voted), Now)).Code);
        Assert.Equal("option", Error(TownHallDecider.Decide(new CastVote(Id, Poll, Resident, 3), new(WithPoll, null), Now)).Field);
        Assert.Equal("option", Error(TownHallDecider.Decide(new CastVote(Id, Poll, Resident, -1), new(WithPoll, null), Now)).Field);
        Assert.Equal("option", Error(TownHallDecider.Decide(new CastVote(Id, Poll, Resident, null), new(WithPoll, null), Now)).Field);
        Assert.Equal("poll-not-found", Error(TownHallDecider.Decide(new CastVote(Id, Guid.NewGuid(), Resident, 0), new(WithPoll, null), Now)).Code);
        Assert.Equal("town-hall-not-found", Error(TownHallDecider.Decide(new CastVote(Id, Poll, Resident, 0), new(null, null), Now)).Code);
    }

    [Fact]
    public void A_closed_poll_takes_no_votes()
    {
        var closed = WithPoll.Apply(new TownHallPollClosed(Id, Poll, Official, Now));
        var decision = TownHallDecider.Decide(new CastVote(Id, Poll, Resident, 0), new(closed, null), Now);
        Assert.Equal(ErrorKind.Conflict, Error(decision).Kind);
        Assert.Equal("poll-closed", Error(decision).Code);
    }
}
