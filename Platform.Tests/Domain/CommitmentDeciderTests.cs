using Platform.Domain.Commitments;
using static Platform.Tests.Domain.Scenario;

namespace Platform.Tests.Domain;

/// <summary>Given events / when a command / then events or errors, on the commitment rules, with no database.</summary>
public class CommitmentDeciderTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
    private static readonly Guid Id = Guid.CreateVersion7();
    private static readonly Guid ParentId = Guid.CreateVersion7();
    private static readonly Guid Official = Guid.NewGuid();
    private static readonly Guid ConcernId = Guid.NewGuid();
    private static readonly HashSet<CommitmentOrigin> Known = [new(OriginKind.Concern, ConcernId)];
    private static readonly DateOnly Due = new(2027, 6, 30);

    private static CommitmentInput Input(DateOnly? due = null, Guid? parentId = null, decimal? weight = null, params OriginInput?[] origins) => new(
        "Step-free bus stops", "All of route 6", ["housing"], ["11.2"], ["IND-002"], "Transport", due ?? Due, 1000m, origins, parentId, weight);

    /// <summary>The publication of <paramref name="input"/> as commitment <see cref="Id"/> in London, with <see cref="Known"/> origins.</summary>
    private static PublishCommitment Publish(CommitmentInput input, Commitment? parent = null) =>
        new(Id, Official, input) { Zone = London, Parent = parent, KnownOrigins = Known };

    /// <summary>The event of a publication (as the stream's first event), due on <paramref name="due"/>.</summary>
    private static CommitmentPublished Published(DateOnly? due = null, Guid? parentId = null, Guid? id = null)
    {
        var dueDate = due ?? Due;
        return new CommitmentPublished(id ?? Id, "Step-free bus stops", "All of route 6", ["housing"], ["11.2"], ["IND-002"], "Transport",
            dueDate, DueDates.EndOf(dueDate, London), 1000m, [], parentId, 1m, Official, Now.AddDays(-30));
    }

    private static Commitment ParentState(params object[] later) => Evolution<Commitment>.Fold([Published(id: ParentId), .. later])!;

    /// <summary>The command is refused with exactly one error, of <paramref name="code"/>, naming <paramref name="field"/>.</summary>
    private static DomainError RefusedOnly(Then then, string code, string field)
    {
        var error = then.Refused(code, field);
        Assert.Single(then.Decision.Errors);
        return error;
    }

    [Fact]
    public void Publishing_records_the_end_of_the_due_date_in_the_city()
    {
        var published = Given<Commitment>()
            .When(s => CommitmentDecider.Decide(Publish(Input(Due, null, null, new OriginInput(OriginKind.Concern, ConcernId))), s, Now))
            .Single<CommitmentPublished>();
        // London is on summer time (UTC+1) on 1 July: the day ends at 23:00 UTC.
        Assert.Equal(new DateTimeOffset(2027, 6, 30, 23, 0, 0, TimeSpan.Zero), published.DueAt.ToUniversalTime());
        Assert.Equal([new CommitmentOrigin(OriginKind.Concern, ConcernId)], published.Origins);
        Assert.Equal((Id, Official, Now, 1m), (published.CommitmentId, published.OfficialId, published.PublishedAt, published.Weight));
    }

    [Fact]
    public void Publishing_an_id_that_exists_is_a_conflict() =>
        Given<Commitment>(Published())
            .When(s => CommitmentDecider.Decide(Publish(Input()), s, Now))
            .Refused("commitment-exists");

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
        var input = field switch
        {
            "title" => Input() with { Title = " " },
            "department" => Input() with { Department = null },
            "rights" => Input() with { Rights = [] },
            "dueDate" => Input(new DateOnly(2026, 11, 21)),
            "budget" => Input() with { Budget = -1 },
            "weight" => Input(weight: 2),
            _ => Input() with { IndicatorCodes = ["IND-999"] },
        };
        var error = RefusedOnly(Given<Commitment>().When(s => CommitmentDecider.Decide(Publish(input), s, Now)), "invalid-" + field, field);
        Assert.Equal(ErrorKind.Invalid, error.Kind);
    }

    [Fact]
    public void An_unknown_concern_origin_is_not_found_naming_the_origin()
    {
        var error = RefusedOnly(Given<Commitment>()
            .When(s => CommitmentDecider.Decide(Publish(Input(null, null, null, new OriginInput(OriginKind.Concern, ConcernId), new OriginInput(OriginKind.Concern, Guid.NewGuid()))), s, Now)),
            "origin-not-found", "origins[1]");
        Assert.Equal(ErrorKind.NotFound, error.Kind);
    }

    [Fact]
    public void Proposal_and_town_hall_origins_must_be_known()
    {
        var then = Given<Commitment>().When(s => CommitmentDecider.Decide(
            Publish(Input(null, null, null, new OriginInput(OriginKind.Proposal, Guid.NewGuid()), new OriginInput(OriginKind.TownHall, Guid.NewGuid()))), s, Now));
        then.Refused("origin-not-found", "origins[0]");
        Assert.Equal(["origins[0]", "origins[1]"], then.Decision.Errors.Select(e => e.Field));
        Assert.All(then.Decision.Errors, e => Assert.Equal(ErrorKind.NotFound, e.Kind));

        var proposal = Guid.NewGuid();
        var known = Publish(Input(null, null, null, new OriginInput(OriginKind.Proposal, proposal))) with { KnownOrigins = new HashSet<CommitmentOrigin> { new(OriginKind.Proposal, proposal) } };
        var published = Given<Commitment>().When(s => CommitmentDecider.Decide(known, s, Now)).Single<CommitmentPublished>();
        Assert.Equal(proposal, published.Origins.Single().Id);
    }

    [Fact]
    public void A_sub_commitment_goes_under_an_active_parent_with_its_weight()
    {
        var published = Given<Commitment>()
            .When(s => CommitmentDecider.Decide(Publish(Input(parentId: ParentId, weight: 3), ParentState()), s, Now))
            .Single<CommitmentPublished>();
        Assert.Equal((ParentId, 3m), (published.ParentId, published.Weight));
    }

    [Fact]
    public void A_sub_commitment_needs_a_parent_that_exists() =>
        RefusedOnly(Given<Commitment>().When(s => CommitmentDecider.Decide(Publish(Input(parentId: Guid.NewGuid()), parent: null), s, Now)),
            "parent-not-found", "parentId");

    [Fact]
    public void Sub_commitments_go_one_level_deep() =>
        RefusedOnly(Given<Commitment>().When(s => CommitmentDecider.Decide(
                Publish(Input(parentId: Id), Evolution<Commitment>.Fold([Published(id: Id, parentId: ParentId)])), s, Now)),
            "parent-is-sub-commitment", "parentId");

    [Fact]
    public void A_settled_parent_takes_no_new_sub_commitments()
    {
        var fulfilled = ParentState(new CommitmentFulfilled(ParentId, "https://york.gov.uk/done", null, Official, Now));
        var error = RefusedOnly(Given<Commitment>().When(s => CommitmentDecider.Decide(Publish(Input(parentId: ParentId), fulfilled), s, Now)),
            "parent-fulfilled", "parentId");
        Assert.Equal(ErrorKind.Conflict, error.Kind);
    }

    [Fact]
    public void Planning_a_milestone_by_the_commitments_due_date()
    {
        var milestone = Guid.NewGuid();
        Given<Commitment>(Published())
            .When(s => CommitmentDecider.Decide(new PlanMilestone(Id, milestone, Official, " Contract signed ", new DateOnly(2027, 1, 15)), s, Now))
            .Events(new CommitmentMilestonePlanned(Id, milestone, "Contract signed", new DateOnly(2027, 1, 15), Official, Now));
        RefusedOnly(Given<Commitment>(Published())
            .When(s => CommitmentDecider.Decide(new PlanMilestone(Id, milestone, Official, "Late", Due.AddDays(1)), s, Now)), "invalid-dueDate", "dueDate");
        Given<Commitment>()
            .When(s => CommitmentDecider.Decide(new PlanMilestone(Id, milestone, Official, "Nowhere", Due), s, Now))
            .Refused("commitment-not-found");
    }

    [Fact]
    public void Progress_takes_a_percent_and_an_http_evidence_link()
    {
        Given<Commitment>(Published())
            .When(s => CommitmentDecider.Decide(new ReportProgress(Id, Official, 40, " kerbs done ", "https://york.gov.uk/kerbs"), s, Now))
            .Events(new CommitmentProgressReported(Id, 40, "kerbs done", "https://york.gov.uk/kerbs", Official, Now));
        RefusedOnly(Given<Commitment>(Published()).When(s => CommitmentDecider.Decide(new ReportProgress(Id, Official, 101, null, null), s, Now)),
            "invalid-percent", "percent");
        RefusedOnly(Given<Commitment>(Published()).When(s => CommitmentDecider.Decide(new ReportProgress(Id, Official, 10, null, "ftp://x/y"), s, Now)),
            "invalid-evidenceUrl", "evidenceUrl");
        RefusedOnly(Given<Commitment>(Published()).When(s => CommitmentDecider.Decide(new ReportProgress(Id, Official, 10, null, "/relative"), s, Now)),
            "invalid-evidenceUrl", "evidenceUrl");
    }

    [Fact]
    public void Progress_of_a_sub_commitment_names_its_parent() =>
        Given<Commitment>(Published(parentId: ParentId))
            .When(s => CommitmentDecider.Decide(new ReportProgress(Id, Official, 50, null, null), s, Now))
            .Events(new CommitmentProgressReported(Id, 50, "", null, Official, Now, ParentId));

    [Fact]
    public void Fulfilling_needs_evidence_and_abandoning_a_reason()
    {
        Given<Commitment>(Published())
            .When(s => CommitmentDecider.Decide(new FulfilCommitment(Id, Official, " https://york.gov.uk/done ", " "), s, Now))
            .Events(new CommitmentFulfilled(Id, "https://york.gov.uk/done", null, Official, Now));
        RefusedOnly(Given<Commitment>(Published()).When(s => CommitmentDecider.Decide(new FulfilCommitment(Id, Official, null, null), s, Now)),
            "invalid-evidenceUrl", "evidenceUrl");
        Given<Commitment>(Published())
            .When(s => CommitmentDecider.Decide(new AbandonCommitment(Id, Official, " No budget "), s, Now))
            .Events(new CommitmentAbandoned(Id, "No budget", Official, Now));
        RefusedOnly(Given<Commitment>(Published()).When(s => CommitmentDecider.Decide(new AbandonCommitment(Id, Official, " "), s, Now)),
            "invalid-reason", "reason");
    }

    [Fact]
    public void A_settled_commitment_takes_no_more_changes()
    {
        var fulfilled = new CommitmentFulfilled(Id, "https://york.gov.uk/done", null, Official, Now);
        var abandoned = new CommitmentAbandoned(Id, "No budget", Official, Now);
        Given<Commitment>(Published(), fulfilled)
            .When(s => CommitmentDecider.Decide(new ReportProgress(Id, Official, 50, null, null), s, Now))
            .Refused("commitment-fulfilled");
        Given<Commitment>(Published(), abandoned)
            .When(s => CommitmentDecider.Decide(new FulfilCommitment(Id, Official, "https://x.org/", null), s, Now))
            .Refused("commitment-abandoned");
        var error = Given<Commitment>(Published(), fulfilled)
            .When(s => CommitmentDecider.Decide(new ChangeDeadline(Id, Official, new DateOnly(2028, 1, 1), "later") { Zone = London }, s, Now))
            .Refused("commitment-fulfilled");
        Assert.Equal(ErrorKind.Conflict, error.Kind);
    }

    [Fact]
    public void A_deadline_change_needs_a_reason_and_a_new_date()
    {
        RefusedOnly(Given<Commitment>(Published(new DateOnly(2026, 11, 22)))
                .When(s => CommitmentDecider.Decide(new ChangeDeadline(Id, Official, new DateOnly(2027, 1, 1), null) { Zone = London }, s, Now)),
            "invalid-reason", "reason");
        RefusedOnly(Given<Commitment>(Published(new DateOnly(2026, 11, 22)))
                .When(s => CommitmentDecider.Decide(new ChangeDeadline(Id, Official, new DateOnly(2026, 11, 22), "same") { Zone = London }, s, Now)),
            "invalid-dueDate", "dueDate");
    }

    [Fact]
    public void A_deadline_change_ends_in_the_city_and_lifts_the_overdue_mark()
    {
        var given = Given<Commitment>(Published(new DateOnly(2026, 11, 22)), new CommitmentOverdue(Id, new DateOnly(2026, 11, 22), Now));
        Assert.True(given.State!.Overdue);
        var changed = given
            .When(s => CommitmentDecider.Decide(new ChangeDeadline(Id, Official, new DateOnly(2027, 1, 1), " Contractor late ") { Zone = London }, s, Now))
            .Single<CommitmentDeadlineChanged>();
        Assert.Equal(new CommitmentDeadlineChanged(Id, new DateOnly(2026, 11, 22), new DateOnly(2027, 1, 1),
            new DateTimeOffset(2027, 1, 2, 0, 0, 0, TimeSpan.Zero), "Contractor late", Official, Now), changed);
        Assert.False(Evolution<Commitment>.Fold([Published(new DateOnly(2026, 11, 22)), new CommitmentOverdue(Id, new DateOnly(2026, 11, 22), Now), changed])!.Overdue);
    }

    [Fact]
    public void The_overdue_check_fires_only_after_the_due_date_and_only_for_the_current_one()
    {
        var due = new DateOnly(2026, 11, 22);
        var end = new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.Zero); // London is on UTC in November
        Given<Commitment>(Published(due)).When(s => CommitmentDecider.Decide(new MarkCommitmentOverdue(Id, due), s, end.AddSeconds(-1)))
            .Refused("commitment-not-yet-due");
        Given<Commitment>(Published(due)).When(s => CommitmentDecider.Decide(new MarkCommitmentOverdue(Id, due), s, end))
            .Events(new CommitmentOverdue(Id, due, end));
        Given<Commitment>(Published(due)).When(s => CommitmentDecider.Decide(new MarkCommitmentOverdue(Id, new DateOnly(2026, 11, 21)), s, end))
            .Nothing();
        Given<Commitment>(Published(due), new CommitmentFulfilled(Id, "https://e.org", null, Official, Now))
            .When(s => CommitmentDecider.Decide(new MarkCommitmentOverdue(Id, due), s, end))
            .Nothing();
        Given<Commitment>(Published(due), new CommitmentOverdue(Id, due, end))
            .When(s => CommitmentDecider.Decide(new MarkCommitmentOverdue(Id, due), s, end))
            .Nothing();
        Given<Commitment>().When(s => CommitmentDecider.Decide(new MarkCommitmentOverdue(Id, due), s, end))
            .Refused("commitment-not-found");
    }

    [Fact]
    public void Linking_an_origin_adds_it_once_to_any_commitment()
    {
        var proposal = new CommitmentOrigin(OriginKind.Proposal, Guid.NewGuid());
        var link = new LinkCommitmentOrigin(Id, Official, proposal);
        var linked = new CommitmentOriginLinked(Id, proposal, Official, Now);
        Given<Commitment>(Published()).When(s => CommitmentDecider.Decide(link, s, Now)).Events(linked);
        Given<Commitment>(Published(), linked).When(s => CommitmentDecider.Decide(link, s, Now)).Nothing();
        Given<Commitment>(Published(), new CommitmentFulfilled(Id, "https://e.org", null, Official, Now))
            .When(s => CommitmentDecider.Decide(link, s, Now)).Events(linked);
        Given<Commitment>().When(s => CommitmentDecider.Decide(link, s, Now)).Refused("commitment-not-found");
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
}
