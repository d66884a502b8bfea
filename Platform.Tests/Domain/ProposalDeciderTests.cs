using Platform.Domain;
using Platform.Domain.Concerns;
using Platform.Domain.Proposals;
using Platform.Domain.Reference;

namespace Platform.Tests.Domain;

/// <summary>Given / when / then on the proposal rules, with no database.</summary>
public class ProposalDeciderTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);
    private static readonly ReferenceCatalogue Catalogue = ReferenceCatalogue.Default;
    private static readonly Guid ProposalId = Guid.CreateVersion7();
    private static readonly Guid Author = Guid.NewGuid();
    private static readonly Guid Official = Guid.NewGuid();

    private static SubmitProposal Valid => new("  Step-free tram stops  ", "All of them.", ["mobility", "disability-inclusion", "mobility"], ["11.2"], " Tang Hall ");

    private static readonly ProposalSubmitted Submitted = new(ProposalId, "t", "", ["housing"], [], null, Author, 5, Now);

    /// <summary>The state after <paramref name="events"/>, as the inline snapshot would hold it.</summary>
    private static Proposal Given(params object[] events)
    {
        var state = Proposal.Create(Submitted);
        foreach (var e in events)
            state = e switch
            {
                ProposalThresholdReached t => state.Apply(t),
                ProposalAccepted a => state.Apply(a),
                ProposalRejected r => state.Apply(r),
                ProposalWithdrawn w => state.Apply(w),
                _ => throw new ArgumentException(e.GetType().Name),
            };
        return state;
    }

    private static readonly ProposalThresholdReached Reached = new(ProposalId, 5, Now.AddDays(90), Now);
    private static readonly ProposalAccepted Accepted = new(ProposalId, Official, "Yes", null, Now);
    private static readonly ProposalRejected Rejected = new(ProposalId, Official, "No budget", Now);
    private static readonly ProposalWithdrawn Withdrawn = new(ProposalId, Now);

    [Fact]
    public void Submitting_a_valid_proposal_records_it_trimmed_with_the_city_threshold()
    {
        var decision = ProposalDecider.Decide(Valid, ProposalId, Author, 250, Now, Catalogue);

        var submitted = Assert.IsType<ProposalSubmitted>(Assert.Single(decision.Events));
        Assert.Equal(new ProposalSubmitted(ProposalId, "Step-free tram stops", "All of them.", submitted.Rights, submitted.SdgTargets, "Tang Hall", Author, 250, Now), submitted);
        Assert.Equal(["mobility", "disability-inclusion"], submitted.Rights);
        Assert.Equal(["11.2"], submitted.SdgTargets);
    }

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
        var decision = ProposalDecider.Decide(command, ProposalId, Author, 100, Now, Catalogue);

        Assert.Empty(decision.Events);
        var error = Assert.Single(decision.Errors);
        Assert.Equal(ErrorKind.Invalid, error.Kind);
        Assert.Equal(field, error.Field);
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
        Assert.Same(Decision.NoChange, ProposalDecider.ReachThreshold(Given(), 4, 90, Now));
        var reached = Assert.IsType<ProposalThresholdReached>(Assert.Single(ProposalDecider.ReachThreshold(Given(), 5, 90, Now).Events));
        Assert.Equal(new ProposalThresholdReached(ProposalId, 5, Now.AddDays(90), Now), reached);
    }

    [Fact]
    public void The_threshold_is_reached_only_once_and_never_after_a_decision()
    {
        Assert.Same(Decision.NoChange, ProposalDecider.ReachThreshold(Given(Reached), 50, 90, Now));
        Assert.Same(Decision.NoChange, ProposalDecider.ReachThreshold(Given(Accepted), 50, 90, Now));
        Assert.Same(Decision.NoChange, ProposalDecider.ReachThreshold(Given(Withdrawn), 50, 90, Now));
        Assert.Same(Decision.NoChange, ProposalDecider.ReachThreshold(null, 50, 90, Now));
    }

    [Fact]
    public void Accepting_names_an_existing_commitment_or_publishes_one_but_not_both()
    {
        var both = ProposalDecider.Accept(Given(), new AcceptProposal("Yes", Guid.CreateVersion7(),
            new Platform.Domain.Commitments.PublishCommitment("T", null, ["housing"], null, null, "Parks", null, null, null)), Official, Now);
        Assert.Equal("commitment", Assert.Single(both.Errors).Field);
    }

    [Fact]
    public void The_council_may_decide_before_and_after_the_threshold()
    {
        var commitment = Guid.CreateVersion7();
        Assert.Equal(new ProposalAccepted(ProposalId, Official, "We will do it.", commitment, Now),
            Assert.Single(ProposalDecider.Accept(Given(), new AcceptProposal(" We will do it. ", commitment), Official, Now).Events));
        Assert.Equal(new ProposalAccepted(ProposalId, Official, "Yes", null, Now),
            Assert.Single(ProposalDecider.Accept(Given(Reached), new AcceptProposal("Yes", null), Official, Now).Events));
        Assert.Equal(new ProposalRejected(ProposalId, Official, "No budget", Now),
            Assert.Single(ProposalDecider.Reject(Given(Reached), new RejectProposal("No budget"), Official, Now).Events));
    }

    [Theory]
    [InlineData("accepted")]
    [InlineData("rejected")]
    [InlineData("withdrawn")]
    public void A_decided_or_withdrawn_proposal_cannot_be_decided_or_withdrawn_again(string state)
    {
        var given = Given(state switch { "accepted" => Accepted, "rejected" => Rejected, _ => Withdrawn });
        foreach (var decision in new[]
                 {
                     ProposalDecider.Accept(given, new AcceptProposal("Yes", null), Official, Now),
                     ProposalDecider.Reject(given, new RejectProposal("No"), Official, Now),
                     ProposalDecider.Withdraw(given, Author, Now),
                 })
        {
            var error = Assert.Single(decision.Errors);
            Assert.Equal(ErrorKind.Conflict, error.Kind);
            Assert.Equal($"proposal-{state}", error.Code);
        }
    }

    [Fact]
    public void Decisions_need_their_text_and_a_real_commitment_id()
    {
        Assert.Equal("decision", Assert.Single(ProposalDecider.Accept(Given(), new AcceptProposal(" ", null), Official, Now).Errors).Field);
        Assert.Equal("commitmentId", Assert.Single(ProposalDecider.Accept(Given(), new AcceptProposal("Yes", Guid.Empty), Official, Now).Errors).Field);
        Assert.Equal("decision", Assert.Single(ProposalDecider.Accept(Given(), new AcceptProposal(new string('x', ProposalRules.DecisionMaxLength + 1), null), Official, Now).Errors).Field);
        Assert.Equal("reason", Assert.Single(ProposalDecider.Reject(Given(), new RejectProposal(null), Official, Now).Errors).Field);
    }

    [Fact]
    public void Only_the_author_withdraws()
    {
        Assert.Equal(new ProposalWithdrawn(ProposalId, Now), Assert.Single(ProposalDecider.Withdraw(Given(Reached), Author, Now).Events));
        var error = Assert.Single(ProposalDecider.Withdraw(Given(), Guid.NewGuid(), Now).Errors);
        Assert.Equal(ErrorKind.Forbidden, error.Kind);
        Assert.Equal(ErrorKind.NotFound, Assert.Single(ProposalDecider.Withdraw(null, Author, Now).Errors).Kind);
    }

    [Fact]
    public void A_support_stream_of_a_proposal_is_the_same_kind_as_that_of_a_concern()
    {
        var resident = Guid.NewGuid();
        var state = ResidentSupport.Create(PersonalStream.Id(ProposalId, resident), new ProposalSupported(ProposalId, resident, Now));
        Assert.True(state.Active);
        Assert.False(state.Apply(new ProposalSupportWithdrawn(ProposalId, resident, Now)).Active);
        Assert.Equal(ProposalId, state.ItemId);
    }
}
