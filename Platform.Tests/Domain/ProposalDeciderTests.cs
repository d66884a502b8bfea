using Platform.Domain.Concerns;
using Platform.Domain.Proposals;
using Platform.Domain.Commitments;

namespace Platform.Tests.Domain;

/// <summary>Given / when / then on the proposal rules, with no database.</summary>
public class ProposalDeciderTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);
    private static readonly Guid ProposalId = Guid.CreateVersion7();
    private static readonly Guid Author = Guid.NewGuid();
    private static readonly Guid Official = Guid.NewGuid();

    private static SubmitProposal Valid => new(ProposalId, Author, "  Step-free tram stops  ", "All of them.", ["mobility", "disability-inclusion", "mobility"], ["11.2"], " Tang Hall ")
        { SupportThreshold = 250 };

    private static readonly ProposalSubmitted Submitted = new(ProposalId, "t", "", ["housing"], [], null, Author, 5, Now);

    /// <summary>The state after the submission and <paramref name="events"/>, as the inline snapshot would hold it (for the support tests).</summary>
    private static Proposal Given(params object[] events) => Evolution<Proposal>.Fold([Submitted, .. events])!;

    /// <summary>A submitted proposal with <paramref name="events"/> after it.</summary>
    private static Given<Proposal> After(params object[] events) => Scenario.Given<Proposal>([Submitted, .. events]);

    private static readonly ProposalThresholdReached Reached = new(ProposalId, 5, Now.AddDays(90), Now);
    private static readonly ProposalAccepted Accepted = new(ProposalId, Official, "Yes", null, Now);
    private static readonly ProposalRejected Rejected = new(ProposalId, Official, "No budget", Now);
    private static readonly ProposalWithdrawn Withdrawn = new(ProposalId, Now);

    private static AcceptProposal Accept(string? decision, Guid? commitmentId = null, Platform.Domain.Commitments.CommitmentInput? commitment = null) =>
        new(ProposalId, Official, decision, commitmentId, commitment);

    private static ReachProposalThreshold Supports(long supports) => new(ProposalId, supports) { DecisionDays = 90 };

    [Fact]
    public void Submitting_a_valid_proposal_records_it_trimmed_with_the_city_threshold()
    {
        var submitted = Scenario.Given<Proposal>().When(s => ProposalDecider.Decide(Valid, s, Now)).Single<ProposalSubmitted>();

        Assert.Equal(new ProposalSubmitted(ProposalId, "Step-free tram stops", "All of them.", submitted.Rights, submitted.SdgTargets, "Tang Hall", Author, 250, Now), submitted);
        Assert.Equal(["mobility", "disability-inclusion"], submitted.Rights);
        Assert.Equal(["11.2"], submitted.SdgTargets);
    }

    [Fact]
    public void A_proposal_is_submitted_only_once() =>
        After().When(s => ProposalDecider.Decide(Valid, s, Now)).Refused("proposal-exists");

    public static TheoryData<SubmitProposal, string> InvalidProposals => new()
    {
        { Valid with { Title = null }, "title" },
        { Valid with { Title = new string('x', ConcernRules.TitleMaxLength + 1) }, "title" },
        { Valid with { Description = new string('x', ConcernRules.DescriptionMaxLength + 1) }, "description" },
        { Valid with { Rights = [] }, "rights" },
        { Valid with { Rights = ["housing", "flying"] }, "rights[1]" },
        { Valid with { SdgTargets = ["11.99"] }, "sdgTargets[0]" },
        { Valid with { District = new string('d', ConcernRules.DistrictMaxLength + 1) }, "district" },
    };

    [Theory, MemberData(nameof(InvalidProposals))]
    public void An_invalid_proposal_is_refused_naming_the_field_as_a_concern_would_be(SubmitProposal command, string field)
    {
        var then = Scenario.Given<Proposal>().When(s => ProposalDecider.Decide(command, s, Now));

        Assert.Equal(ErrorKind.Invalid, then.Refused("invalid-" + field, field).Kind);
        Assert.Single(then.Decision.Errors);
    }

    [Fact]
    public void A_first_support_is_recorded_and_a_repeat_changes_nothing()
    {
        var resident = Guid.NewGuid();
        Assert.Equal(new ProposalSupported(ProposalId, resident, Now),
            Assert.Single(ProposalDecider.Decide(new SupportProposal(ProposalId, resident), new(Given(), null), Now).Events));
        var active = new ResidentSupport(Guid.NewGuid(), ProposalId, resident, Active: true);
        Assert.Same(Decision.NoChange, ProposalDecider.Decide(new SupportProposal(ProposalId, resident), new(Given(), active), Now));
    }

    [Fact]
    public void Supports_still_count_after_the_threshold_and_can_be_withdrawn()
    {
        var resident = Guid.NewGuid();
        Assert.Single(ProposalDecider.Decide(new SupportProposal(ProposalId, resident), new(Given(Reached), null), Now).Events);
        var active = new ResidentSupport(Guid.NewGuid(), ProposalId, resident, Active: true);
        Assert.IsType<ProposalSupportWithdrawn>(Assert.Single(ProposalDecider.Decide(new WithdrawProposalSupport(ProposalId, resident), new(Given(), active), Now).Events));
        Assert.Same(Decision.NoChange, ProposalDecider.Decide(new WithdrawProposalSupport(ProposalId, resident), new(Given(), null), Now));
    }

    [Fact]
    public void A_decided_or_withdrawn_proposal_takes_no_supports_and_an_unknown_one_is_not_found()
    {
        foreach (var closed in new object[] { Accepted, Rejected, Withdrawn })
        {
            var error = Assert.Single(ProposalDecider.Decide(new SupportProposal(ProposalId, Guid.NewGuid()), new(Given(closed), null), Now).Errors);
            Assert.Equal("proposal-not-supportable", error.Code);
        }
        Assert.Equal(ErrorKind.NotFound, Assert.Single(ProposalDecider.Decide(new SupportProposal(ProposalId, Guid.NewGuid()), new(null, null), Now).Errors).Kind);
    }

    [Fact]
    public void The_threshold_is_reached_when_supports_meet_it_with_the_decision_due_after_the_city_deadline()
    {
        After().When(s => ProposalDecider.Decide(Supports(4), s, Now)).Nothing();
        After().When(s => ProposalDecider.Decide(Supports(5), s, Now)).Events(new ProposalThresholdReached(ProposalId, 5, Now.AddDays(90), Now));
    }

    [Fact]
    public void The_threshold_is_reached_only_once_and_never_after_a_decision()
    {
        After(Reached).When(s => ProposalDecider.Decide(Supports(50), s, Now)).Nothing();
        After(Accepted).When(s => ProposalDecider.Decide(Supports(50), s, Now)).Nothing();
        After(Withdrawn).When(s => ProposalDecider.Decide(Supports(50), s, Now)).Nothing();
        Scenario.Given<Proposal>().When(s => ProposalDecider.Decide(Supports(50), s, Now)).Nothing();
    }

    [Fact]
    public void Accepting_names_an_existing_commitment_or_publishes_one_but_not_both() =>
        After().When(s => ProposalDecider.Decide(Accept("Yes", Guid.CreateVersion7(),
            new Platform.Domain.Commitments.CommitmentInput("T", null, ["housing"], null, null, "Parks", null, null, null)), s, Now)).Refused("invalid-commitment", "commitment");

    [Fact]
    public void The_council_may_decide_before_and_after_the_threshold()
    {
        var commitment = Guid.CreateVersion7();
        After().When(s => ProposalDecider.Decide(Accept(" We will do it. ", commitment), s, Now))
            .Events(new ProposalAccepted(ProposalId, Official, "We will do it.", commitment, Now));
        After(Reached).When(s => ProposalDecider.Decide(Accept("Yes"), s, Now))
            .Events(new ProposalAccepted(ProposalId, Official, "Yes", null, Now));
        After(Reached).When(s => ProposalDecider.Decide(new RejectProposal(ProposalId, Official, "No budget"), s, Now))
            .Events(new ProposalRejected(ProposalId, Official, "No budget", Now));
    }

    [Theory]
    [InlineData("accepted")]
    [InlineData("rejected")]
    [InlineData("withdrawn")]
    public void A_decided_or_withdrawn_proposal_cannot_be_decided_or_withdrawn_again(string state)
    {
        var given = After(state switch { "accepted" => Accepted, "rejected" => Rejected, _ => Withdrawn });
        foreach (var then in new[]
                 {
                     given.When(s => ProposalDecider.Decide(Accept("Yes"), s, Now)),
                     given.When(s => ProposalDecider.Decide(new RejectProposal(ProposalId, Official, "No"), s, Now)),
                     given.When(s => ProposalDecider.Decide(new WithdrawProposal(ProposalId, Author), s, Now)),
                 })
        {
            Assert.Equal(ErrorKind.Conflict, then.Refused($"proposal-{state}").Kind);
            Assert.Single(then.Decision.Errors);
        }
    }

    [Fact]
    public void Decisions_need_their_text_and_a_real_commitment_id()
    {
        After().When(s => ProposalDecider.Decide(Accept(" "), s, Now)).Refused("invalid-decision", "decision");
        After().When(s => ProposalDecider.Decide(Accept("Yes", Guid.Empty), s, Now)).Refused("invalid-commitmentId", "commitmentId");
        After().When(s => ProposalDecider.Decide(Accept(new string('x', ProposalRules.DecisionMaxLength + 1)), s, Now)).Refused("invalid-decision", "decision");
        After().When(s => ProposalDecider.Decide(new RejectProposal(ProposalId, Official, null), s, Now)).Refused("invalid-reason", "reason");
        After().When(s => ProposalDecider.Decide(new RejectProposal(ProposalId, Official, new string('x', ProposalRules.DecisionMaxLength + 1)), s, Now))
            .Refused("invalid-reason", "reason");
    }

    [Fact]
    public void An_unknown_proposal_cannot_be_decided() =>
        Scenario.Given<Proposal>().When(s => ProposalDecider.Decide(Accept("Yes"), s, Now)).Refused("proposal-not-found");

    [Fact]
    public void Only_the_author_withdraws()
    {
        After(Reached).When(s => ProposalDecider.Decide(new WithdrawProposal(ProposalId, Author), s, Now)).Events(new ProposalWithdrawn(ProposalId, Now));
        Assert.Equal(ErrorKind.Forbidden,
            After().When(s => ProposalDecider.Decide(new WithdrawProposal(ProposalId, Guid.NewGuid()), s, Now)).Refused("not-the-author").Kind);
        Scenario.Given<Proposal>().When(s => ProposalDecider.Decide(new WithdrawProposal(ProposalId, Author), s, Now)).Refused("proposal-not-found");
    }

    [Fact]
    public void A_support_stream_of_a_proposal_is_the_same_kind_as_that_of_a_concern()
    {
        var resident = Guid.NewGuid();
        var state = Evolution<ResidentSupport>.Fold([new ProposalSupported(ProposalId, resident, Now)])!;
        Assert.True(state.Active);
        Assert.Equal(PersonalStream.Id(ProposalId, resident), state.Id);
        var withdrawn = Evolution<ResidentSupport>.Then(state, new ProposalSupportWithdrawn(ProposalId, resident, Now))!;
        Assert.False(withdrawn.Active);
        Assert.True(Evolution<ResidentSupport>.Then(withdrawn, new ProposalSupported(ProposalId, resident, Now))!.Active); // supported again
        Assert.Equal(ProposalId, state.ItemId);
    }
}
