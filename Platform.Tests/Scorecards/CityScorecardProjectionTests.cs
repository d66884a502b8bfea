using Platform.Domain.Commitments;
using Platform.Domain.Concerns;
using Platform.Domain.Consultations;
using Platform.Domain.Proposals;
using Platform.Projections.Scorecards;

namespace Platform.Tests.Scorecards;

/// <summary>Events fed straight into a city's store; the scorecard (and the city's part of the network overview) asserted number by number.</summary>
[Collection(IntegrationCollection.Name)]
public class CityScorecardProjectionTests(AppFixture app)
{
    private static readonly DateTimeOffset Jan1 = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Far = new(2099, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly Guid Official = Guid.CreateVersion7();

    private static (Guid, object[]) Concern(DateTimeOffset raisedAt, params Func<Guid, object>[] then)
    {
        var id = Guid.CreateVersion7();
        object raised = new ConcernRaised(id, "A concern", "", ["housing"], [], null, Guid.CreateVersion7(), false, raisedAt);
        return (id, [raised, .. then.Select(f => f(id))]);
    }

    private static Func<Guid, object> Acknowledged(DateTimeOffset due) => id => new ConcernAcknowledged(id, Official, "Housing", due, Jan1.AddHours(1));
    private static Func<Guid, object> Answered(DateTimeOffset at) => id => new ConcernAnswered(id, Official, "Our answer", at);

    private static (Guid, object[]) Proposal(DateTimeOffset? decisionDue, params Func<Guid, object>[] then)
    {
        var id = Guid.CreateVersion7();
        var events = new List<object> { new ProposalSubmitted(id, "A proposal", "", ["housing"], [], null, Guid.CreateVersion7(), 10, Jan1) };
        if (decisionDue is { } due) events.Add(new ProposalThresholdReached(id, 10, due, Jan1.AddDays(1)));
        events.AddRange(then.Select(f => f(id)));
        return (id, events.ToArray());
    }

    private static DateTimeOffset EndOf(DateOnly day) => new(day.ToDateTime(TimeOnly.MaxValue), TimeSpan.Zero);

    private static (Guid, object[]) Commitment(DateOnly due, params Func<Guid, object>[] then)
    {
        var id = Guid.CreateVersion7();
        object published = new CommitmentPublished(id, "A commitment", "", ["housing"], [], [], "Housing", due, EndOf(due), null, [], null, 1m, Official, Jan1);
        return (id, [published, .. then.Select(f => f(id))]);
    }

    private static (Guid, object[]) Response(Guid consultation, bool amended = false) =>
        (Guid.CreateVersion7(), [new ConsultationResponseSubmitted(consultation, Guid.CreateVersion7(), [], amended, Jan1.AddDays(2))]);

    [Fact]
    public async Task The_scorecard_counts_concerns_proposals_commitments_and_consultations_by_their_rules()
    {
        var city = await app.NewCityAsync(concernResponseDays: 30);
        var q1 = Guid.CreateVersion7();
        var q2 = Guid.CreateVersion7();
        var resident = Guid.CreateVersion7();

        var version = await app.AppendAsync(city,
            // Concerns: answered after 1, 2, 5.5 (all within the city's 30 days) and 10 days (acknowledged with 4 days: late).
            Concern(Jan1, Answered(Jan1.AddDays(2))),
            Concern(Jan1, Acknowledged(Jan1.AddDays(4)), Answered(Jan1.AddDays(10))),
            Concern(Jan1, Answered(Jan1.AddDays(5.5))),
            Concern(Jan1, Answered(Jan1.AddDays(1))),
            Concern(Jan1),                                        // open, unacknowledged, 30 days long gone: past deadline
            Concern(Jan1, Acknowledged(Far)),                     // open, due in 2099: not past deadline
            Concern(Jan1, id => new ConcernDeclined(id, Official, "Not ours", Jan1.AddDays(3))), // closed without answer
            Concern(Far),                                         // raised "in 2099": its 30 days have not passed
            // Proposals: decided in time, decided late, awaiting past deadline, awaiting in time, decided without the threshold.
            Proposal(Jan1.AddDays(60), id => new ProposalAccepted(id, Official, "Yes", null, Jan1.AddDays(30))),
            Proposal(Jan1.AddDays(60), id => new ProposalRejected(id, Official, "No", Jan1.AddDays(90))),
            Proposal(Jan1.AddDays(60)),
            Proposal(Far),
            Proposal(null, id => new ProposalAccepted(id, Official, "Yes", null, Jan1.AddDays(5))),
            // Commitments.
            Commitment(new DateOnly(2024, 6, 30), id => new CommitmentFulfilled(id, "https://e.org", null, Official, new DateTimeOffset(2024, 6, 30, 23, 0, 0, TimeSpan.Zero))),
            Commitment(new DateOnly(2024, 5, 1),
                id => new CommitmentOverdue(id, new DateOnly(2024, 5, 1), Jan1.AddMonths(4)),
                id => new CommitmentFulfilled(id, "https://e.org", null, Official, new DateTimeOffset(2024, 7, 1, 9, 0, 0, TimeSpan.Zero))),
            Commitment(new DateOnly(2024, 5, 1), id => new CommitmentOverdue(id, new DateOnly(2024, 5, 1), Jan1.AddMonths(4))),
            Commitment(new DateOnly(2024, 5, 1), id => new CommitmentAbandoned(id, "No budget", Official, Jan1.AddMonths(2))),
            Commitment(new DateOnly(2099, 1, 1)),
            Commitment(new DateOnly(2024, 5, 1),
                id => new CommitmentOverdue(id, new DateOnly(2024, 5, 1), Jan1.AddMonths(4)),
                id => new CommitmentDeadlineChanged(id, new DateOnly(2024, 5, 1), new DateOnly(2099, 1, 1), EndOf(new DateOnly(2099, 1, 1)), "Funding moved", Official, Jan1.AddMonths(5))),
            // Consultations: q1 (3 residents, one amends) closes; q2 (2 residents) stays open.
            Response(q1), Response(q1), (resident, [new ConsultationResponseSubmitted(q1, resident, [], false, Jan1)]),
            (Guid.CreateVersion7(), [new ConsultationResponseSubmitted(q1, resident, [], true, Jan1.AddDays(1))]),
            Response(q2), Response(q2),
            (q1, [new ConsultationClosed(q1, Jan1.AddDays(10))]));

        var scorecard = await app.WaitForAsync<CityScorecard>(city, version, s => s.Version);
        Assert.Equal(version, scorecard.Version);
        var figures = scorecard.Figures(DateTimeOffset.UtcNow, 30);

        Assert.Equal(new ConcernFigures(Raised: 8, Answered: 4, AnsweredWithinDeadline: 3, AnsweredWithinDeadlinePercent: 60.0,
            MedianDaysToFirstAnswer: 3.8, OpenPastDeadline: 1), figures.Concerns);
        Assert.Equal(new ProposalFigures(ReachedThreshold: 4, Decided: 2, DecidedWithinDeadline: 1, AwaitingDecisionPastDeadline: 1,
            DecidedWithinDeadlinePercent: 33.3), figures.Proposals);
        Assert.Equal(new CommitmentFigures(Published: 6, OnTrack: 2, AtRisk: 0, Overdue: 1, Fulfilled: 2, Abandoned: 1, FulfilledOnTime: 1,
            OnTimeFulfilmentPercent: 50.0), figures.Commitments);
        Assert.Equal(new ConsultationFigures(Held: 1, Responses: 5, ResponsesToHeld: 3, AverageResponsesPerHeld: 3.0), figures.Consultations);

        // The network overview holds the same scorecard for this city.
        var overview = await app.WaitForAsync<NetworkOverview>(NetworkOverview.DocumentId, version, o => o.Version);
        Assert.Equal(version, overview.Cities[city].Version);
        Assert.Equal(figures, overview.Cities[city].Figures(DateTimeOffset.UtcNow, 30));
    }

    [Fact]
    public async Task At_risk_and_overdue_are_derived_at_read_time_by_the_commitment_views_rule_with_roll_up()
    {
        var city = await app.NewCityAsync();
        var due = new DateOnly(2024, 12, 31);
        var parent = Guid.CreateVersion7();
        (Guid, object[]) Child(int percent)
        {
            var id = Guid.CreateVersion7();
            return (id, [new CommitmentPublished(id, "Part", "", ["housing"], [], [], "Housing", due, EndOf(due), null, [], parent, 1m, Official, Jan1),
                         new CommitmentProgressReported(id, percent, "", null, Official, Jan1.AddDays(10), parent)]);
        }
        var version = await app.AppendAsync(city,
            Commitment(due),                                                                                   // no progress
            Commitment(due, id => new CommitmentProgressReported(id, 30, "", null, Official, Jan1.AddDays(10))),  // 30 %
            (parent, [new CommitmentPublished(parent, "Whole", "", ["housing"], [], [], "Housing", due, EndOf(due), null, [], null, 1m, Official, Jan1)]),
            Child(80), Child(0),                                                                               // parent rolls up to 40 %
            Commitment(new DateOnly(2024, 3, 31)));                                                            // due date ended, no event yet

        var scorecard = await app.WaitForAsync<CityScorecard>(city, version, s => s.Version);
        // On 1 July about half the time has elapsed: "at risk" below 50 − 25 = 25 %.
        var july = scorecard.Figures(new DateTimeOffset(2024, 7, 1, 0, 0, 0, TimeSpan.Zero), 30).Commitments;
        Assert.Equal((6, 3, 2, 1), (july.Published, july.OnTrack, july.AtRisk, july.Overdue));
        // In January less than 10 % has elapsed: nothing is at risk yet; the March one is not yet due.
        var january = scorecard.Figures(Jan1.AddDays(20), 30).Commitments;
        Assert.Equal((6, 6, 0, 0), (january.Published, january.OnTrack, january.AtRisk, january.Overdue));

        // The same rule as the commitment view's, for the parent: rolled-up 40 % on 1 July.
        Assert.Equal(CommitmentStatus.OnTrack,
            CommitmentProgress.StatusOf(CommitmentPhase.Active, false, 40, Jan1, EndOf(due), new DateTimeOffset(2024, 7, 1, 0, 0, 0, TimeSpan.Zero)));
        Assert.Equal(CommitmentStatus.AtRisk,
            CommitmentProgress.StatusOf(CommitmentPhase.Active, false, 0, Jan1, EndOf(due), new DateTimeOffset(2024, 7, 1, 0, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public async Task An_empty_city_has_no_percentages_and_a_longer_response_time_moves_the_deadline_figures()
    {
        var city = await app.NewCityAsync();
        var version = await app.AppendAsync(city,
            Concern(Jan1, Answered(Jan1.AddDays(40))),
            Concern(Jan1));

        var scorecard = await app.WaitForAsync<CityScorecard>(city, version, s => s.Version);
        var thirtyDays = scorecard.Figures(DateTimeOffset.UtcNow, 30).Concerns;
        Assert.Equal(new ConcernFigures(2, 1, 0, 0.0, 40.0, 1), thirtyDays);
        // Judged on 2024-01-20 with 60 days: the answer was in time and the open one is not yet due.
        var sixtyDays = scorecard.Figures(Jan1.AddDays(20), 60).Concerns;
        Assert.Equal(new ConcernFigures(2, 1, 1, 100.0, 40.0, 0), sixtyDays);

        var empty = new CityScorecard().Figures(DateTimeOffset.UtcNow, 30);
        Assert.Null(empty.Concerns.AnsweredWithinDeadlinePercent);
        Assert.Null(empty.Concerns.MedianDaysToFirstAnswer);
        Assert.Null(empty.Proposals.DecidedWithinDeadlinePercent);
        Assert.Null(empty.Commitments.OnTimeFulfilmentPercent);
        Assert.Null(empty.Consultations.AverageResponsesPerHeld);
    }
}
