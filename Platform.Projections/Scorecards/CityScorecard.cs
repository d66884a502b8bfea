using Platform.Domain.Commitments;
using Platform.Domain.Concerns;
using Platform.Domain.Consultations;
using Platform.Domain.Proposals;

namespace Platform.Projections.Scorecards;

/// <summary>
/// What the council of one city did with what residents brought to it: the city scorecard, kept by an
/// async projection of the city's events (<see cref="CityScorecardProjection"/>). It holds counters plus
/// the little per-item state the figures need (when each unanswered concern falls due, how long each
/// answered one took), so that <see cref="Figures"/> can work out medians and deadline figures without
/// ever reading events. Deadline figures depend on "now" and on the city's response days, which is why
/// they are computed at read time from this document rather than stored.
/// </summary>
public sealed class CityScorecard
{
    /// <summary>The city slug (one scorecard per city).</summary>
    public string Id { get; set; } = "";

    /// <summary>The highest event sequence reflected.</summary>
    public long Version { get; set; }

    public DateTimeOffset? UpdatedAt { get; set; }

    public int ConcernsRaised { get; set; }

    /// <summary>Raised concerns with no answer yet that are not closed (resolved, declined, withdrawn).</summary>
    public Dictionary<Guid, PendingConcern> PendingConcerns { get; set; } = [];

    /// <summary>One entry per answered concern: how long its first answer took, and how long it was allowed.</summary>
    public List<AnswerTime> Answers { get; set; } = [];

    /// <summary>The concerns residents' contests reopened (each once, however often).</summary>
    public List<Guid> ReopenedConcerns { get; set; } = [];

    public int ProposalsReachedThreshold { get; set; }

    /// <summary>Proposals past the threshold awaiting the council's decision, with their decision deadline.</summary>
    public Dictionary<Guid, DateTimeOffset> ProposalsAwaitingDecision { get; set; } = [];

    public int ProposalsDecided { get; set; }
    public int ProposalsDecidedWithinDeadline { get; set; }

    public Dictionary<Guid, CommitmentStanding> Commitments { get; set; } = [];

    public int ConsultationsHeld { get; set; }

    /// <summary>Residents' responses (first submissions; amendments are not new responses), per consultation.</summary>
    public Dictionary<Guid, long> ConsultationResponses { get; set; } = [];

    /// <summary>The consultations that closed.</summary>
    public List<Guid> ClosedConsultations { get; set; } = [];

    /// <summary>Folds one event into the scorecard; events it does not know are ignored.</summary>
    public void Apply(object data, long sequence, DateTimeOffset timestamp)
    {
        switch (data)
        {
            case ConcernRaised e:
                ConcernsRaised++;
                PendingConcerns[e.ConcernId] = new PendingConcern(e.RaisedAt, null);
                break;
            case ConcernAcknowledged e when PendingConcerns.TryGetValue(e.ConcernId, out var pending):
                PendingConcerns[e.ConcernId] = pending with { ResponseDue = e.ResponseDue };
                break;
            case ConcernAnswered e when PendingConcerns.Remove(e.ConcernId, out var pending):
                Answers.Add(new AnswerTime(
                    (e.AnsweredAt - pending.RaisedAt).TotalDays,
                    pending.ResponseDue is { } due ? (due - pending.RaisedAt).TotalDays : null));
                break;
            case ConcernDeclined e: PendingConcerns.Remove(e.ConcernId); break;
            case ConcernResolved e: PendingConcerns.Remove(e.ConcernId); break;
            case ConcernWithdrawn e: PendingConcerns.Remove(e.ConcernId); break;
            case ConcernReopened e:
                // Owed an answer again, by the new deadline: it counts as pending (and past the deadline) from the reopening.
                if (!ReopenedConcerns.Contains(e.ConcernId)) ReopenedConcerns.Add(e.ConcernId);
                PendingConcerns[e.ConcernId] = new PendingConcern(e.ReopenedAt, e.ResponseDue);
                break;

            case ProposalThresholdReached e:
                if (ProposalsAwaitingDecision.TryAdd(e.ProposalId, e.DecisionDue)) ProposalsReachedThreshold++;
                break;
            case ProposalAccepted e: Decided(e.ProposalId, e.AcceptedAt); break;
            case ProposalRejected e: Decided(e.ProposalId, e.RejectedAt); break;
            case ProposalWithdrawn e: ProposalsAwaitingDecision.Remove(e.ProposalId); break;

            case CommitmentPublished e:
                Commitments[e.CommitmentId] = new CommitmentStanding(e.DueDate, CommitmentStandingStatus.OnTrack, null)
                {
                    PublishedAt = e.PublishedAt, DueAt = e.DueAt, ParentId = e.ParentId, Weight = e.Weight,
                };
                break;
            case CommitmentProgressReported e when Commitments.TryGetValue(e.CommitmentId, out var c):
                Commitments[e.CommitmentId] = c with { Percent = e.Percent };
                break;
            case CommitmentOverdue e when Commitments.TryGetValue(e.CommitmentId, out var c) && c.IsActive:
                Commitments[e.CommitmentId] = c with { Status = CommitmentStandingStatus.Overdue };
                break;
            case CommitmentDeadlineChanged e when Commitments.TryGetValue(e.CommitmentId, out var c) && c.IsActive:
                // A new deadline lifts the recorded "overdue", as in the commitment's own state: it is judged
                // against the new date (and the read-time rule sees it overdue again once that date has ended).
                Commitments[e.CommitmentId] = c with { DueDate = e.NewDueDate, DueAt = e.NewDueAt, Status = CommitmentStandingStatus.OnTrack };
                break;
            case CommitmentFulfilled e when Commitments.TryGetValue(e.CommitmentId, out var c) && c.IsActive:
                Commitments[e.CommitmentId] = c with
                {
                    Status = CommitmentStandingStatus.Fulfilled,
                    FulfilledOnTime = DateOnly.FromDateTime(e.FulfilledAt.UtcDateTime) <= c.DueDate,
                };
                break;
            case CommitmentAbandoned e when Commitments.TryGetValue(e.CommitmentId, out var c) && c.IsActive:
                Commitments[e.CommitmentId] = c with { Status = CommitmentStandingStatus.Abandoned };
                break;

            case ConsultationResponseSubmitted { Amended: false } e:
                ConsultationResponses[e.ConsultationId] = ConsultationResponses.GetValueOrDefault(e.ConsultationId) + 1;
                break;
            case ConsultationClosed e when !ClosedConsultations.Contains(e.ConsultationId):
                ConsultationsHeld++;
                ClosedConsultations.Add(e.ConsultationId);
                break;

            default:
                return;
        }
        Version = Math.Max(Version, sequence);
        UpdatedAt = timestamp;
    }

    /// <summary>
    /// The commitment's status as of <paramref name="now"/>, by the same rule as the commitment view
    /// (<see cref="CommitmentProgress.StatusOf"/>), with a parent's progress rolled up from its
    /// sub-commitments' standings, which this document holds too.
    /// </summary>
    private CommitmentStatus LiveStatus(Guid id, CommitmentStanding c, DateTimeOffset now)
    {
        var phase = c.Phase;
        if (c.DueAt == default) // kept before "at risk" was counted; a projection rebuild fills it in
            return c.Status == CommitmentStandingStatus.Overdue ? CommitmentStatus.Overdue : phase switch
            {
                CommitmentPhase.Fulfilled => CommitmentStatus.Fulfilled,
                CommitmentPhase.Abandoned => CommitmentStatus.Abandoned,
                _ => CommitmentStatus.OnTrack,
            };
        var rolledUp = c.ParentId is null
            ? CommitmentProgress.RollUp(Commitments.Values.Where(s => s.ParentOf(id)).Select(s => new ChildProgress(s.Percent, s.Weight, s.Phase)))
            : null;
        return CommitmentProgress.StatusOf(phase, c.Status == CommitmentStandingStatus.Overdue, rolledUp ?? c.Percent, c.PublishedAt, c.DueAt, now);
    }

    private void Decided(Guid proposalId, DateTimeOffset at)
    {
        if (!ProposalsAwaitingDecision.Remove(proposalId, out var due)) return; // decided before the threshold: not owed
        ProposalsDecided++;
        if (at <= due) ProposalsDecidedWithinDeadline++;
    }

    /// <summary>The scorecard's figures as of <paramref name="now"/>, for a city giving <paramref name="concernResponseDays"/> to answer an unacknowledged concern.</summary>
    public ScorecardFigures Figures(DateTimeOffset now, int concernResponseDays)
    {
        var answeredOnTime = Answers.Count(a => a.Days <= (a.AllowedDays ?? concernResponseDays));
        var openPastDeadline = PendingConcerns.Values.Count(p => (p.ResponseDue ?? p.RaisedAt.AddDays(concernResponseDays)) < now);
        var awaitingPastDeadline = ProposalsAwaitingDecision.Values.Count(due => due < now);
        var commitments = Commitments.Values;
        var live = Commitments.Select(c => LiveStatus(c.Key, c.Value, now)).ToList();
        var fulfilled = commitments.Count(c => c.Status == CommitmentStandingStatus.Fulfilled);
        var responsesToHeld = ClosedConsultations.Sum(id => ConsultationResponses.GetValueOrDefault(id));

        return new ScorecardFigures(
            new ConcernFigures(
                Raised: ConcernsRaised,
                Answered: Answers.Count,
                AnsweredWithinDeadline: answeredOnTime,
                AnsweredWithinDeadlinePercent: Percent(answeredOnTime, Answers.Count + openPastDeadline),
                MedianDaysToFirstAnswer: Median(Answers.Select(a => a.Days)),
                OpenPastDeadline: openPastDeadline,
                Reopened: ReopenedConcerns.Count),
            new ProposalFigures(
                ReachedThreshold: ProposalsReachedThreshold,
                Decided: ProposalsDecided,
                DecidedWithinDeadline: ProposalsDecidedWithinDeadline,
                AwaitingDecisionPastDeadline: awaitingPastDeadline,
                DecidedWithinDeadlinePercent: Percent(ProposalsDecidedWithinDeadline, ProposalsDecided + awaitingPastDeadline)),
            new CommitmentFigures(
                Published: commitments.Count,
                OnTrack: live.Count(s => s == CommitmentStatus.OnTrack),
                AtRisk: live.Count(s => s == CommitmentStatus.AtRisk),
                Overdue: live.Count(s => s == CommitmentStatus.Overdue),
                Fulfilled: fulfilled,
                Abandoned: commitments.Count(c => c.Status == CommitmentStandingStatus.Abandoned),
                FulfilledOnTime: commitments.Count(c => c.FulfilledOnTime == true),
                OnTimeFulfilmentPercent: Percent(commitments.Count(c => c.FulfilledOnTime == true), fulfilled)),
            new ConsultationFigures(
                Held: ConsultationsHeld,
                Responses: ConsultationResponses.Values.Sum(),
                ResponsesToHeld: responsesToHeld,
                AverageResponsesPerHeld: ConsultationsHeld == 0 ? null : Round((double)responsesToHeld / ConsultationsHeld)));
    }

    /// <summary>Percent with one decimal; null when nothing counts yet (0 of 0 is no score, not 0 %).</summary>
    public static double? Percent(int part, int whole) => whole == 0 ? null : Round(100.0 * part / whole);

    /// <summary>The median with one decimal: the middle value, or the mean of the two middle values.</summary>
    public static double? Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0) return null;
        var mid = sorted.Length / 2;
        return Round(sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2);
    }

    private static double Round(double value) => Math.Round(value, 1, MidpointRounding.AwayFromZero);
}

/// <summary>An unanswered, unclosed concern: when it was raised, and when its answer is due if acknowledged.</summary>
public sealed record PendingConcern(DateTimeOffset RaisedAt, DateTimeOffset? ResponseDue);

/// <summary>An answered concern: days from raising to first answer, and days allowed (from the acknowledgement; null: the city's default).</summary>
public sealed record AnswerTime(double Days, double? AllowedDays);

public enum CommitmentStandingStatus
{
    OnTrack,
    Overdue,
    Fulfilled,
    Abandoned,
}

/// <summary>
/// Where a commitment stands, for the scorecard's counts. <see cref="Status"/> is what events recorded
/// (OnTrack meaning "active, not recorded overdue"); "at risk" and a due date that has just ended are
/// derived at read time from the other fields, like the commitment view does.
/// </summary>
public sealed record CommitmentStanding(DateOnly DueDate, CommitmentStandingStatus Status, bool? FulfilledOnTime)
{
    public DateTimeOffset PublishedAt { get; init; }
    /// <summary>When the due date in force ends in the city.</summary>
    public DateTimeOffset DueAt { get; init; }
    /// <summary>The last progress reported on the commitment itself.</summary>
    public int Percent { get; init; }
    public Guid? ParentId { get; init; }
    public decimal Weight { get; init; } = 1;

    public bool IsActive => Status is CommitmentStandingStatus.OnTrack or CommitmentStandingStatus.Overdue;

    public CommitmentPhase Phase => Status switch
    {
        CommitmentStandingStatus.Fulfilled => CommitmentPhase.Fulfilled,
        CommitmentStandingStatus.Abandoned => CommitmentPhase.Abandoned,
        _ => CommitmentPhase.Active,
    };

    public bool ParentOf(Guid id) => ParentId == id;
}
