using Platform.Domain.Concerns;
using Platform.Domain.Consultations;
using Platform.Domain.Proposals;
using Platform.Domain.TownHalls;

namespace Platform.Tests.Domain;

/// <summary>
/// What every participation decider shares: verified residency is an input (where the city requires it, a resident
/// without it is refused before anything else), and each item states the condition the participation gate reads
/// (<c>OpenToParticipation</c>), which follows the item's own rule.
/// </summary>
public class ParticipationDeciderTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 10, 0, 0, TimeSpan.Zero);
    private static readonly Guid Item = Guid.NewGuid(), Poll = Guid.NewGuid(), Resident = Guid.NewGuid(), Official = Guid.NewGuid();

    private static readonly object Raised = new ConcernRaised(Item, "Ramps", "", ["R1"], [], null, Guid.NewGuid(), false, Now);
    private static readonly object Submitted = new ProposalSubmitted(Item, "Ramps", "", ["R1"], [], null, Guid.NewGuid(), 5, Now);
    private static readonly object[] PollOpen =
    [
        new TownHallScheduled(Item, "Budget", Now, null, Official, Now), new TownHallOpened(Item, Official, Now),
        new TownHallPollOpened(Item, Poll, "Which?", ["a", "b"], Official, Now),
    ];
    private static readonly object[] ConsultationOpen =
    [
        new ConsultationDrafted(Item, "Buses", "", Official, Now),
        new ConsultationOpened(Item, Now, Now.AddDays(7), [new ConsultationQuestion("q", "Why?", QuestionKind.FreeText, [])], Official, Now),
    ];

    [Fact]
    public void Where_the_city_requires_verified_residency_an_unverified_resident_is_refused_and_a_verified_one_is_not()
    {
        Scenario.Given<Concern>(Raised).When(c => ConcernDecider.Decide(new SupportConcern(Item, Resident) { VerifiedResidencyRequired = true }, new(c, null), Now))
            .Refused("verified-residency-required");
        Scenario.Given<Proposal>(Submitted).When(p => ProposalDecider.Decide(new SupportProposal(Item, Resident) { VerifiedResidencyRequired = true }, new(p, null), Now))
            .Refused("verified-residency-required");
        Scenario.Given<TownHall>(PollOpen).When(t => TownHallDecider.Decide(new CastVote(Item, Poll, Resident, 0) { VerifiedResidencyRequired = true }, new(t, null), Now))
            .Refused("verified-residency-required");
        Scenario.Given<Consultation>(ConsultationOpen)
            .When(c => ConsultationDecider.Decide(new SubmitConsultationResponse(Item, Resident, []) { VerifiedResidencyRequired = true }, new(c, null), Now))
            .Refused("verified-residency-required");

        Scenario.Given<Concern>(Raised)
            .When(c => ConcernDecider.Decide(new SupportConcern(Item, Resident) { VerifiedResidencyRequired = true, VerifiedResident = true }, new(c, null), Now))
            .Single<ConcernSupported>();
        Scenario.Given<TownHall>(PollOpen)
            .When(t => TownHallDecider.Decide(new CastVote(Item, Poll, Resident, 1) { VerifiedResidencyRequired = true, VerifiedResident = true }, new(t, null), Now))
            .Single<TownHallVoteCast>();
    }

    [Fact]
    public void Residency_is_checked_before_the_item_so_an_unverified_resident_learns_nothing_of_it() =>
        Scenario.Given<Concern>().When(c => ConcernDecider.Decide(new SupportConcern(Item, Resident) { VerifiedResidencyRequired = true }, new(c, null), Now))
            .Refused("verified-residency-required");

    [Fact]
    public void Each_item_is_open_to_participation_exactly_while_its_rule_takes_it()
    {
        Assert.Equal(Item, Evolution<Concern>.Fold([Raised])!.OpenToParticipation);
        Assert.Null(Evolution<Concern>.Fold([Raised, new ConcernResolved(Item, Official, null, Now)])!.OpenToParticipation);
        Assert.Null(Evolution<Concern>.Fold([Raised, new ConcernHidden(Item, Official, "spam", Now)])!.OpenToParticipation);

        Assert.Equal(Item, Evolution<Proposal>.Fold([Submitted])!.OpenToParticipation);
        Assert.Null(Evolution<Proposal>.Fold([Submitted, new ProposalRejected(Item, Official, "No budget", Now)])!.OpenToParticipation);

        Assert.Equal(Poll, Evolution<TownHall>.Fold(PollOpen)!.OpenToParticipation); // a town hall takes votes in its open poll
        Assert.Null(Evolution<TownHall>.Fold([.. PollOpen, new TownHallPollClosed(Item, Poll, Official, Now)])!.OpenToParticipation);
        Assert.Null(Evolution<TownHall>.Fold(PollOpen[..2])!.OpenToParticipation);

        Assert.Equal(Item, Evolution<Consultation>.Fold(ConsultationOpen)!.OpenToParticipation);
        Assert.Null(Evolution<Consultation>.Fold(ConsultationOpen[..1])!.OpenToParticipation);
        Assert.Null(Evolution<Consultation>.Fold([.. ConsultationOpen, new ConsultationClosed(Item, Now)])!.OpenToParticipation);
    }
}
