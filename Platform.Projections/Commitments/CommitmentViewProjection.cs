using Platform.Domain.Commitments;

namespace Platform.Projections.Commitments;

/// <summary>Inline projection of a Commitment stream into <see cref="CommitmentView"/>.</summary>
public partial class CommitmentViewProjection : SingleStreamProjection<CommitmentView, Guid>
{
    public static CommitmentView Create(IEvent<CommitmentPublished> e)
    {
        var d = e.Data;
        var view = new CommitmentView
        {
            Id = d.CommitmentId,
            ParentId = d.ParentId,
            Weight = d.Weight,
            Title = d.Title,
            Description = d.Description,
            Rights = d.Rights,
            SdgTargets = d.SdgTargets,
            IndicatorCodes = d.IndicatorCodes,
            Department = d.Department,
            DepartmentKey = d.Department.ToLowerInvariant(),
            DueDate = d.DueDate,
            DueAt = d.DueAt,
            OriginalDueDate = d.DueDate,
            Budget = d.Budget,
            Origins = d.Origins,
            OriginKeys = d.Origins.SelectMany(o => new[] { $"{Kind(o.Kind)}:{o.Id}", o.Id.ToString() }).Distinct().ToArray(),
            Phase = CommitmentPhase.Active,
            OfficialId = d.OfficialId,
            PublishedAt = d.PublishedAt,
        };
        Record(view, e, "published", d.PublishedAt, new()
        {
            ["title"] = d.Title, ["department"] = d.Department, ["dueDate"] = d.DueDate.ToString("yyyy-MM-dd"),
            ["budget"] = d.Budget, ["parentId"] = d.ParentId, ["weight"] = d.Weight, ["officialId"] = d.OfficialId,
        });
        return view;
    }

    public static void Apply(IEvent<CommitmentMilestonePlanned> e, CommitmentView view)
    {
        view.Milestones.Add(new MilestoneEntry(e.Data.MilestoneId, e.Data.Title, e.Data.DueDate, e.Data.PlannedAt));
        Record(view, e, "milestonePlanned", e.Data.PlannedAt, new()
        {
            ["milestoneId"] = e.Data.MilestoneId, ["title"] = e.Data.Title, ["dueDate"] = e.Data.DueDate.ToString("yyyy-MM-dd"), ["officialId"] = e.Data.OfficialId,
        });
    }

    public static void Apply(IEvent<CommitmentProgressReported> e, CommitmentView view)
    {
        view.ReportedPercent = e.Data.Percent;
        view.ProgressReportedAt = e.Data.ReportedAt;
        Record(view, e, "progressReported", e.Data.ReportedAt, new()
        {
            ["percent"] = e.Data.Percent, ["note"] = e.Data.Note, ["evidenceUrl"] = e.Data.EvidenceUrl, ["officialId"] = e.Data.OfficialId,
        });
    }

    public static void Apply(IEvent<CommitmentDeadlineChanged> e, CommitmentView view)
    {
        view.DueDate = e.Data.NewDueDate;
        view.DueAt = e.Data.NewDueAt;
        // The commitment is judged against the new date; the overdue spell stays in the timeline.
        view.OverdueRecorded = false;
        view.OverdueSince = null;
        view.DeadlineChanges.Add(new DeadlineChange(e.Data.PreviousDueDate, e.Data.NewDueDate, e.Data.Reason, e.Data.ChangedAt));
        Record(view, e, "deadlineChanged", e.Data.ChangedAt, new()
        {
            ["previousDueDate"] = e.Data.PreviousDueDate.ToString("yyyy-MM-dd"), ["newDueDate"] = e.Data.NewDueDate.ToString("yyyy-MM-dd"),
            ["reason"] = e.Data.Reason, ["officialId"] = e.Data.OfficialId,
        });
    }

    public static void Apply(IEvent<CommitmentFulfilled> e, CommitmentView view)
    {
        view.Phase = CommitmentPhase.Fulfilled;
        view.FulfilmentEvidenceUrl = e.Data.EvidenceUrl;
        view.FulfilledAt = e.Data.FulfilledAt;
        Record(view, e, "fulfilled", e.Data.FulfilledAt, new()
        {
            ["evidenceUrl"] = e.Data.EvidenceUrl, ["note"] = e.Data.Note, ["officialId"] = e.Data.OfficialId,
        });
    }

    public static void Apply(IEvent<CommitmentAbandoned> e, CommitmentView view)
    {
        view.Phase = CommitmentPhase.Abandoned;
        view.AbandonReason = e.Data.Reason;
        view.AbandonedAt = e.Data.AbandonedAt;
        Record(view, e, "abandoned", e.Data.AbandonedAt, new() { ["reason"] = e.Data.Reason, ["officialId"] = e.Data.OfficialId });
    }

    public static void Apply(IEvent<CommitmentOverdue> e, CommitmentView view)
    {
        view.OverdueRecorded = true;
        view.OverdueSince = e.Data.RecordedAt;
        Record(view, e, "overdue", e.Data.RecordedAt, new() { ["dueDate"] = e.Data.DueDate.ToString("yyyy-MM-dd") });
    }

    public static void Apply(IEvent<CommitmentOriginLinked> e, CommitmentView view)
    {
        var o = e.Data.Origin;
        view.Origins = [.. view.Origins, o];
        view.OriginKeys = view.OriginKeys.Concat([$"{Kind(o.Kind)}:{o.Id}", o.Id.ToString()]).Distinct().ToArray();
        Record(view, e, "originLinked", e.Data.LinkedAt, new() { ["kind"] = Kind(o.Kind), ["id"] = o.Id, ["officialId"] = e.Data.OfficialId });
    }

    public static string Kind(OriginKind kind) => kind == OriginKind.TownHall ? "townHall" : kind.ToString().ToLowerInvariant();

    private static void Record(CommitmentView view, IEvent e, string kind, DateTimeOffset at, Dictionary<string, object?> details)
    {
        view.Timeline.Add(new TimelineEntry(kind, at, e.Sequence,
            details.ToDictionary(d => d.Key, d => d.Value is null ? null : Convert.ToString(d.Value, System.Globalization.CultureInfo.InvariantCulture))));
        view.UpdatedAt = at;
        view.Sequence = e.Sequence;
    }
}
