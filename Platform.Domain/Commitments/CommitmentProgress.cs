namespace Platform.Domain.Commitments;

/// <summary>A sub-commitment as its parent's roll-up needs it.</summary>
public sealed record ChildProgress(int Percent, decimal Weight, CommitmentPhase Phase);

/// <summary>Progress roll-up and the derived status, as pure functions of what the views hold and the clock.</summary>
public static class CommitmentProgress
{
    /// <summary>
    /// A parent's progress is the weighted mean of its sub-commitments' progress: sum(percent × weight) / sum(weight).
    /// Fulfilled children count as 100; abandoned ones drop out. Null when no child counts (the parent's own reports apply).
    /// </summary>
    public static int? RollUp(IEnumerable<ChildProgress> children)
    {
        decimal weighted = 0, weights = 0;
        foreach (var child in children)
        {
            if (child.Phase == CommitmentPhase.Abandoned) continue;
            var percent = child.Phase == CommitmentPhase.Fulfilled ? 100 : child.Percent;
            weighted += percent * child.Weight;
            weights += child.Weight;
        }
        return weights == 0 ? null : (int)Math.Round(weighted / weights, MidpointRounding.AwayFromZero);
    }

    /// <summary>
    /// Fulfilled and abandoned are final. Overdue when the scheduled check recorded it or the due date has
    /// ended by <paramref name="now"/>. At risk when more than 10 % of the time from publication to the end
    /// of the due date has elapsed and progress is more than 25 points behind the elapsed share
    /// (percent &lt; elapsed × 100 − 25). Otherwise on track.
    /// </summary>
    public static CommitmentStatus StatusOf(CommitmentPhase phase, bool overdueRecorded, int percent,
        DateTimeOffset publishedAt, DateTimeOffset dueAt, DateTimeOffset now)
    {
        if (phase == CommitmentPhase.Fulfilled) return CommitmentStatus.Fulfilled;
        if (phase == CommitmentPhase.Abandoned) return CommitmentStatus.Abandoned;
        if (overdueRecorded || now >= dueAt) return CommitmentStatus.Overdue;
        var total = (dueAt - publishedAt).TotalSeconds;
        if (total <= 0) return CommitmentStatus.OnTrack;
        var elapsed = Math.Clamp((now - publishedAt).TotalSeconds / total, 0, 1);
        return elapsed > CommitmentRules.AtRiskMinElapsed && percent < elapsed * 100 - CommitmentRules.AtRiskLagPoints
            ? CommitmentStatus.AtRisk
            : CommitmentStatus.OnTrack;
    }
}
