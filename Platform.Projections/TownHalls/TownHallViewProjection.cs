using Platform.Domain.TownHalls;

namespace Platform.Projections.TownHalls;

/// <summary>Inline projection of a TownHall stream into <see cref="TownHallView"/>.</summary>
public partial class TownHallViewProjection : SingleStreamProjection<TownHallView, Guid>
{
    public static TownHallView Create(IEvent<TownHallScheduled> e) => new()
    {
        Id = e.Data.TownHallId,
        Title = e.Data.Title,
        Description = e.Data.Description,
        StartsAt = e.Data.StartsAt,
        Location = e.Data.Location,
        District = e.Data.District,
        Status = TownHallStatus.Scheduled,
        ScheduledAt = e.Data.ScheduledAt,
        Sequence = e.Sequence,
    };

    public static void Apply(IEvent<TownHallOpened> e, TownHallView view)
    {
        view.Status = TownHallStatus.Open;
        view.OpenedAt = e.Data.OpenedAt;
        view.Sequence = e.Sequence;
    }

    public static void Apply(IEvent<TownHallPollOpened> e, TownHallView view)
    {
        view.Polls.Add(new PollView(e.Data.PollId, e.Data.Question, e.Data.Options, e.Data.OpenedAt, null));
        view.Sequence = e.Sequence;
    }

    public static void Apply(IEvent<TownHallPollClosed> e, TownHallView view)
    {
        var index = view.Polls.FindIndex(p => p.Id == e.Data.PollId);
        if (index >= 0) view.Polls[index] = view.Polls[index] with { ClosedAt = e.Data.ClosedAt };
        view.Sequence = e.Sequence;
    }

    public static void Apply(IEvent<TownHallClosed> e, TownHallView view)
    {
        view.Status = TownHallStatus.Closed;
        view.ClosedAt = e.Data.ClosedAt;
        view.Minutes = e.Data.Minutes;
        view.CommitmentIds = e.Data.CommitmentIds;
        view.Sequence = e.Sequence;
    }
}
