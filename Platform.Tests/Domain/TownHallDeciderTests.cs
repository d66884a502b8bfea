using Platform.Domain.TownHalls;

namespace Platform.Tests.Domain;

/// <summary>Given the town hall's events, when an official or a resident acts, then events or a refusal; no database.</summary>
public class TownHallDeciderTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 18, 0, 0, TimeSpan.Zero);
    private static readonly Guid Id = Guid.CreateVersion7();
    private static readonly Guid Official = Guid.NewGuid();
    private static readonly Guid Resident = Guid.NewGuid();
    private static readonly Guid Poll = Guid.CreateVersion7();

    private static readonly TownHallScheduled WasScheduled = new(Id, "Town hall", Now.AddDays(1), "Hall", Official, Now, "About buses", "Tang Hall");
    private static readonly TownHallOpened WasOpened = new(Id, Official, Now);
    private static readonly TownHallPollOpened PollWasOpened = new(Id, Poll, "Which?", ["a", "b", "c"], Official, Now);
    private static readonly TownHallPollClosed PollWasClosed = new(Id, Poll, Official, Now);

    private static ScheduleTownHall Schedule(string? title, string? description, DateTimeOffset? startsAt, string? location, string? district) =>
        new(Id, Official, title, description, startsAt, location, district);

    private static OpenPoll OpenPoll(string? question, IReadOnlyList<string?>? options, Guid? poll = null) => new(Id, poll ?? Guid.NewGuid(), Official, question, options);

    private static CloseTownHall Close(string? minutes, IReadOnlyList<Guid>? commitments) => new(Id, Official, minutes, commitments);

    [Fact]
    public void Scheduling_records_the_trimmed_fields()
    {
        var scheduled = Scenario.Given<TownHall>()
            .When(s => TownHallDecider.Decide(Schedule("  Buses ", " Talk ", Now.AddDays(2), " Hall ", "  "), s, Now))
            .Single<TownHallScheduled>();
        Assert.Equal((Id, Official), (scheduled.TownHallId, scheduled.OfficialId));
        Assert.Equal(("Buses", "Talk", "Hall", (string?)null), (scheduled.Title, scheduled.Description, scheduled.Location, scheduled.District));
        Assert.Equal(Now.AddDays(2), scheduled.StartsAt);
    }

    [Theory]
    [InlineData(null, 1, "title")]
    [InlineData("ok", null, "startsAt")]
    [InlineData("ok", -1, "startsAt")]
    public void Scheduling_refuses_missing_title_and_start_in_the_past(string? title, int? days, string field) =>
        Scenario.Given<TownHall>()
            .When(s => TownHallDecider.Decide(Schedule(title, null, days is { } d ? Now.AddDays(d) : null, null, null), s, Now))
            .Refused("invalid-" + field, field);

    [Fact]
    public void A_town_hall_is_scheduled_once() =>
        Scenario.Given<TownHall>(WasScheduled)
            .When(s => TownHallDecider.Decide(Schedule("Again", null, Now.AddDays(2), null, null), s, Now))
            .Refused("town-hall-exists");

    [Fact]
    public void Opening_happens_once()
    {
        Scenario.Given<TownHall>(WasScheduled).When(s => TownHallDecider.Decide(new OpenTownHall(Id, Official), s, Now))
            .Events(new TownHallOpened(Id, Official, Now));
        Scenario.Given<TownHall>(WasScheduled, WasOpened).When(s => TownHallDecider.Decide(new OpenTownHall(Id, Official), s, Now))
            .Refused("town-hall-already-open");
        Scenario.Given<TownHall>().When(s => TownHallDecider.Decide(new OpenTownHall(Id, Official), s, Now))
            .Refused("town-hall-not-found");
    }

    [Fact]
    public void Polls_open_one_at_a_time_and_only_in_an_open_town_hall()
    {
        var opened = Scenario.Given<TownHall>(WasScheduled, WasOpened)
            .When(s => TownHallDecider.Decide(OpenPoll(" Which? ", [" a", "b "], Poll), s, Now))
            .Single<TownHallPollOpened>();
        Assert.Equal(["a", "b"], opened.Options);
        Assert.Equal(("Which?", Poll, Official), (opened.Question, opened.PollId, opened.OfficialId));

        Scenario.Given<TownHall>(WasScheduled, WasOpened, PollWasOpened).When(s => TownHallDecider.Decide(OpenPoll("Next?", ["a", "b"]), s, Now))
            .Refused("poll-already-open");
        Scenario.Given<TownHall>(WasScheduled).When(s => TownHallDecider.Decide(OpenPoll("Next?", ["a", "b"]), s, Now))
            .Refused("town-hall-not-open");
    }

    [Theory]
    [InlineData("only")]
    [InlineData("a|a")]
    [InlineData("a|")]
    [InlineData("1|2|3|4|5|6|7|8|9|10|11")]
    public void A_poll_needs_two_to_ten_distinct_options(string options) =>
        Scenario.Given<TownHall>(WasScheduled, WasOpened)
            .When(s => TownHallDecider.Decide(OpenPoll("Which?", options.Split('|')), s, Now))
            .Refused("invalid-options", "options");

    [Fact]
    public void Closing_a_poll_frees_the_floor_for_the_next()
    {
        Scenario.Given<TownHall>(WasScheduled, WasOpened, PollWasOpened).When(s => TownHallDecider.Decide(new ClosePoll(Id, Poll, Official), s, Now))
            .Events(new TownHallPollClosed(Id, Poll, Official, Now));

        var after = Scenario.Given<TownHall>(WasScheduled, WasOpened, PollWasOpened, PollWasClosed);
        Assert.Null(after.State!.CurrentPoll);
        after.When(s => TownHallDecider.Decide(new ClosePoll(Id, Poll, Official), s, Now)).Refused("poll-closed");
        after.When(s => TownHallDecider.Decide(new ClosePoll(Id, Guid.NewGuid(), Official), s, Now)).Refused("poll-not-found");
        after.When(s => TownHallDecider.Decide(OpenPoll("Next?", ["a", "b"]), s, Now)).Single<TownHallPollOpened>();
    }

    [Fact]
    public void Closing_the_town_hall_closes_the_open_poll_and_records_minutes_and_commitments_as_given()
    {
        var commitments = new[] { Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid() };
        var then = Scenario.Given<TownHall>(WasScheduled, WasOpened, PollWasOpened).When(s => TownHallDecider.Decide(Close(" We agreed. ", commitments), s, Now));
        Assert.Equal(2, then.Decision.Events.Count);
        Assert.Equal(new TownHallPollClosed(Id, Poll, Official, Now), then.Decision.Events[0]);
        var closed = Assert.IsType<TownHallClosed>(then.Decision.Events[1]);
        Assert.Equal("We agreed.", closed.Minutes);
        Assert.Equal(commitments, closed.CommitmentIds);

        var open = Scenario.Given<TownHall>(WasScheduled, WasOpened);
        open.When(s => TownHallDecider.Decide(Close(" ", null), s, Now)).Refused("invalid-minutes", "minutes");
        open.When(s => TownHallDecider.Decide(Close("ok", [Guid.Empty]), s, Now)).Refused("invalid-commitmentIds[0]", "commitmentIds[0]");
        Scenario.Given<TownHall>(WasScheduled).When(s => TownHallDecider.Decide(Close("ok", null), s, Now)).Refused("town-hall-not-open");
    }

    // The votes' rules, as they were written (participation is being redesigned separately).
    private static readonly TownHall Scheduled = Evolution<TownHall>.Fold([WasScheduled])!;
    private static TownHall WithPoll => Scheduled.Then(WasOpened).Then(PollWasOpened);
    private static ResidentVote Voted => ResidentVote.From(new TownHallVoteCast(Id, Poll, Resident, 0, Now));
    private static DomainError Error(Decision decision) => Assert.Single(decision.Errors);

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
        var closed = WithPoll.Then(new TownHallPollClosed(Id, Poll, Official, Now));
        var decision = TownHallDecider.Decide(new CastVote(Id, Poll, Resident, 0), new(closed, null), Now);
        Assert.Equal(ErrorKind.Conflict, Error(decision).Kind);
        Assert.Equal("poll-closed", Error(decision).Code);
    }
}
