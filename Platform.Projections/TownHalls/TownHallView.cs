using Platform.Domain.TownHalls;

namespace Platform.Projections.TownHalls;

/// <summary>
/// The public view of a town hall, kept by an inline projection of its stream. Votes never touch this
/// document (they live in residents' own streams and are counted into <see cref="VoteTally"/>), so a
/// busy poll does not become a hot row.
/// </summary>
public sealed class TownHallView
{
    public Guid Id { get; set; }
    public string Title { get; set; } = "";
    public string Description { get; set; } = "";
    public DateTimeOffset StartsAt { get; set; }
    public string? Location { get; set; }
    public string? District { get; set; }
    public TownHallStatus Status { get; set; }
    public DateTimeOffset ScheduledAt { get; set; }
    public DateTimeOffset? OpenedAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    /// <summary>Every poll, in the order they opened; at most the last one is open.</summary>
    public List<PollView> Polls { get; set; } = [];
    public string? Minutes { get; set; }
    public Guid[] CommitmentIds { get; set; } = [];
    /// <summary>The highest event sequence of the town hall's own stream reflected here.</summary>
    public long Sequence { get; set; }
}

/// <summary>A poll of a town hall, without its tally (see <see cref="VoteTally"/>).</summary>
public sealed record PollView(Guid Id, string Question, string[] Options, DateTimeOffset OpenedAt, DateTimeOffset? ClosedAt);
