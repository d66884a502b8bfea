using Platform.Domain;
using Platform.Domain.Commitments;
using Platform.Domain.Reference;

namespace Platform.Tests.Domain;

/// <summary>Given / when / then on the commitment rules, with no database.</summary>
public class CommitmentDeciderTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
    private static readonly Guid Id = Guid.CreateVersion7();
    private static readonly Guid Official = Guid.NewGuid();
    private static readonly Guid ConcernId = Guid.NewGuid();
    private static readonly HashSet<CommitmentOrigin> Known = [new(OriginKind.Concern, ConcernId)];

    private static PublishCommitment Valid(DateOnly? due = null, Guid? parentId = null, decimal? weight = null, params OriginInput?[] origins) => new(
        "Step-free bus stops", "All of route 6", ["housing"], ["11.2"], ["IND-002"], "Transport", due ?? new DateOnly(2027, 6, 30), 1000m,
        origins, parentId, weight);

    private static Decision Publish(PublishCommitment command, Commitment? parent = null) =>
        CommitmentDecider.Decide(command, Id, Official, Now, London, ReferenceCatalogue.Default, parent, Known);

    private static Commitment Published(DateOnly? due = null, Guid? parentId = null) =>
        Commitment.Create((CommitmentPublished)Publish(Valid(due, parentId, parentId is null ? null : 1m), parentId is null ? null : Published()).Events.Single());

    private static string Field(Decision d) => Assert.Single(d.Errors).Field!;

    [Fact]
    public void Publishing_records_the_end_of_the_due_date_in_the_city()
    {
        var e = (CommitmentPublished)Publish(Valid(new DateOnly(2027, 6, 30), null, null, new OriginInput(OriginKind.Concern, ConcernId))).Events.Single();
        // London is on summer time (UTC+1) on 1 July: the day ends at 23:00 UTC.
        Assert.Equal(new DateTimeOffset(2027, 6, 30, 23, 0, 0, TimeSpan.Zero), e.DueAt.ToUniversalTime());
        Assert.Equal([new CommitmentOrigin(OriginKind.Concern, ConcernId)], e.Origins);
        Assert.Equal(1m, e.Weight);
    }

    [Theory]
    [InlineData("title")]
    [InlineData("department")]
    [InlineData("rights")]
    [InlineData("dueDate")]
    [InlineData("budget")]
    [InlineData("weight")]
    [InlineData("indicatorCodes[0]")]
    public void Publishing_refuses_bad_input_naming_the_field(string field)
    {
        var command = field switch
        {
            "title" => Valid() with { Title = " " },
            "department" => Valid() with { Department = null },
            "rights" => Valid() with { Rights = [] },
            "dueDate" => Valid(new DateOnly(2026, 11, 21)),
            "budget" => Valid() with { Budget = -1 },
            "weight" => Valid(weight: 2),
            _ => Valid() with { IndicatorCodes = ["IND-999"] },
        };
        var decision = Publish(command);
        Assert.Equal(ErrorKind.Invalid, decision.Errors[0].Kind);
        Assert.Equal(field, Field(decision));
    }

    [Fact]
    public void An_unknown_concern_origin_is_not_found_naming_the_origin()
    {
        var decision = Publish(Valid(null, null, null, new OriginInput(OriginKind.Concern, ConcernId), new OriginInput(OriginKind.Concern, Guid.NewGuid())));
        Assert.Equal(ErrorKind.NotFound, decision.Errors[0].Kind);
        Assert.Equal("origins[1]", Field(decision));
    }

    [Fact]
    public void Sub_commitments_go_one_level_deep_under_an_active_parent()
    {
        var parent = Published();
        Assert.Equal(parent.Id, ((CommitmentPublished)Publish(Valid(parentId: parent.Id, weight: 3), parent).Events.Single()).ParentId);
        Assert.Equal("parent-not-found", Publish(Valid(parentId: Guid.NewGuid()), null).Errors.Single().Code);
        Assert.Equal("parent-is-sub-commitment", Publish(Valid(parentId: Guid.NewGuid()), parent with { ParentId = Guid.NewGuid() }).Errors.Single().Code);
        Assert.Equal(ErrorKind.Conflict, Publish(Valid(parentId: parent.Id), parent with { Phase = CommitmentPhase.Fulfilled }).Errors.Single().Kind);
    }

    [Fact]
    public void Progress_takes_a_percent_and_an_http_evidence_link()
    {
        var c = Published();
        var e = (CommitmentProgressReported)CommitmentDecider.Decide(new ReportProgress(40, " kerbs done ", "https://york.gov.uk/kerbs"), c, Official, Now).Events.Single();
        Assert.Equal((40, "kerbs done"), (e.Percent, e.Note));
        Assert.Equal("percent", Field(CommitmentDecider.Decide(new ReportProgress(101, null, null), c, Official, Now)));
        Assert.Equal("evidenceUrl", Field(CommitmentDecider.Decide(new ReportProgress(10, null, "ftp://x/y"), c, Official, Now)));
        Assert.Equal("evidenceUrl", Field(CommitmentDecider.Decide(new ReportProgress(10, null, "/relative"), c, Official, Now)));
    }

    [Fact]
    public void A_settled_commitment_takes_no_more_changes()
    {
        var c = Published();
        var fulfilled = c.Apply((CommitmentFulfilled)CommitmentDecider.Decide(new FulfilCommitment("https://york.gov.uk/done", null), c, Official, Now).Events.Single());
        var abandoned = c.Apply((CommitmentAbandoned)CommitmentDecider.Decide(new AbandonCommitment("No budget"), c, Official, Now).Events.Single());
        Assert.Equal("commitment-fulfilled", CommitmentDecider.Decide(new ReportProgress(50, null, null), fulfilled, Official, Now).Errors.Single().Code);
        Assert.Equal("commitment-abandoned", CommitmentDecider.Decide(new FulfilCommitment("https://x.org/", null), abandoned, Official, Now).Errors.Single().Code);
        Assert.Equal(ErrorKind.Conflict, CommitmentDecider.Decide(new ChangeDeadline(new DateOnly(2028, 1, 1), "later"), fulfilled, Official, Now, London).Errors.Single().Kind);
        Assert.Equal("evidenceUrl", Field(CommitmentDecider.Decide(new FulfilCommitment(null, null), c, Official, Now)));
        Assert.Equal("reason", Field(CommitmentDecider.Decide(new AbandonCommitment(" "), c, Official, Now)));
    }

    [Fact]
    public void A_deadline_change_needs_a_reason_and_a_new_date_and_lifts_the_overdue_mark()
    {
        var c = Published(new DateOnly(2026, 11, 22)) with { Overdue = true };
        Assert.Equal("reason", Field(CommitmentDecider.Decide(new ChangeDeadline(new DateOnly(2027, 1, 1), null), c, Official, Now, London)));
        Assert.Equal("dueDate", Field(CommitmentDecider.Decide(new ChangeDeadline(new DateOnly(2026, 11, 22), "same"), c, Official, Now, London)));
        var e = (CommitmentDeadlineChanged)CommitmentDecider.Decide(new ChangeDeadline(new DateOnly(2027, 1, 1), "Contractor late"), c, Official, Now, London).Events.Single();
        Assert.Equal(new DateOnly(2026, 11, 22), e.PreviousDueDate);
        Assert.False(c.Apply(e).Overdue);
    }

    [Fact]
    public void The_overdue_check_fires_only_after_the_due_date_and_only_for_the_current_one()
    {
        var c = Published(new DateOnly(2026, 11, 22));
        var end = new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.Zero); // London is on UTC in November
        Assert.Equal("commitment-not-yet-due", CommitmentDecider.Decide(new MarkCommitmentOverdue(c.Id, c.DueDate), c, end.AddSeconds(-1)).Errors.Single().Code);
        Assert.IsType<CommitmentOverdue>(CommitmentDecider.Decide(new MarkCommitmentOverdue(c.Id, c.DueDate), c, end).Events.Single());
        Assert.Same(Decision.NoChange, CommitmentDecider.Decide(new MarkCommitmentOverdue(c.Id, new DateOnly(2026, 11, 21)), c, end));
        Assert.Same(Decision.NoChange, CommitmentDecider.Decide(new MarkCommitmentOverdue(c.Id, c.DueDate), c with { Phase = CommitmentPhase.Fulfilled }, end));
        Assert.Same(Decision.NoChange, CommitmentDecider.Decide(new MarkCommitmentOverdue(c.Id, c.DueDate), c with { Overdue = true }, end));
    }

    [Fact]
    public void A_parent_rolls_up_its_children_weighted()
    {
        Assert.Equal(40, CommitmentProgress.RollUp([new(20, 3, CommitmentPhase.Active), new(100, 1, CommitmentPhase.Active)]));
        Assert.Equal(55, CommitmentProgress.RollUp([new(10, 1, CommitmentPhase.Active), new(0, 1, CommitmentPhase.Fulfilled), new(90, 5, CommitmentPhase.Abandoned)]));
        Assert.Null(CommitmentProgress.RollUp([new(50, 1, CommitmentPhase.Abandoned)]));
    }

    [Theory]
    [InlineData(5, 0, "OnTrack")]    // 5 % elapsed: too early to judge
    [InlineData(50, 30, "OnTrack")]  // 20 points behind
    [InlineData(50, 24, "AtRisk")]   // 26 points behind
    [InlineData(100, 99, "Overdue")] // the due date has ended
    public void The_status_follows_progress_and_elapsed_time(int elapsedPercent, int progress, string status)
    {
        var published = Now;
        var due = Now.AddDays(100);
        Assert.Equal(Enum.Parse<CommitmentStatus>(status),
            CommitmentProgress.StatusOf(CommitmentPhase.Active, false, progress, published, due, published.AddDays(elapsedPercent)));
    }

    [Fact]
    public void Linking_an_origin_adds_it_once_to_any_commitment_and_an_unknown_commitment_is_not_found()
    {
        var proposal = new CommitmentOrigin(OriginKind.Proposal, Guid.NewGuid());
        var commitment = Published();
        var linked = (CommitmentOriginLinked)Assert.Single(CommitmentDecider.LinkOrigin(commitment, proposal, Official, Now).Events);
        Assert.Equal((commitment.Id, proposal), (linked.CommitmentId, linked.Origin));
        Assert.Same(Decision.NoChange, CommitmentDecider.LinkOrigin(commitment.Apply(linked), proposal, Official, Now));
        var fulfilled = commitment.Apply(new CommitmentFulfilled(commitment.Id, "https://e.org", null, Official, Now));
        Assert.False(CommitmentDecider.LinkOrigin(fulfilled, proposal, Official, Now).IsRefused);
        Assert.Equal("commitment-not-found", Assert.Single(CommitmentDecider.LinkOrigin(null, proposal, Official, Now).Errors).Code);
    }

    [Fact]
    public void Proposal_and_town_hall_origins_must_be_known()
    {
        var decision = Publish(Valid(null, null, null, new OriginInput(OriginKind.Proposal, Guid.NewGuid()), new OriginInput(OriginKind.TownHall, Guid.NewGuid())));
        Assert.Equal(["origins[0]", "origins[1]"], decision.Errors.Select(e => e.Field));
        Assert.All(decision.Errors, e => Assert.Equal(ErrorKind.NotFound, e.Kind));

        var proposal = Guid.NewGuid();
        var known = CommitmentDecider.Decide(Valid(null, null, null, new OriginInput(OriginKind.Proposal, proposal)), Id, Official, Now, London,
            ReferenceCatalogue.Default, null, new HashSet<CommitmentOrigin> { new(OriginKind.Proposal, proposal) });
        Assert.Equal(proposal, ((CommitmentPublished)known.Events.Single()).Origins.Single().Id);
    }
}
