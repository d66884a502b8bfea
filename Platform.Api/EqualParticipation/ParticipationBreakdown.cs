using Platform.Domain.EqualParticipation;

namespace Platform.Api.EqualParticipation;

/// <summary>
/// A number of people as it may be shown: <see cref="Count"/> when at least <see cref="Groups.SmallestShown"/>; else a
/// null count and <see cref="FewerThan"/> (10), never the number, so no one is singled out. Both null: withheld, a
/// number of at least 10 not shown because a smaller group's number would follow from it (<see cref="SmallGroups"/>).
/// </summary>
public sealed record PeopleCount(long? Count, int? FewerThan)
{
    public static PeopleCount Of(long people) => people >= Groups.SmallestShown ? new(people, null) : new(null, Groups.SmallestShown);

    /// <summary>A number withheld by secondary suppression.</summary>
    public static readonly PeopleCount Withheld = new(null, null);

    /// <summary>The count as <paramref name="shown"/> says it may be shown.</summary>
    public static PeopleCount As(long people, SmallGroups.Shown shown) => shown switch
    {
        SmallGroups.Shown.Number => new(people, null),
        SmallGroups.Shown.FewerThan => new(null, Groups.SmallestShown),
        _ => Withheld,
    };
}

/// <summary>
/// One group of a dimension in one activity: how many took part; their share of those who said (null unless every
/// group of the dimension is shown: a share beside a hidden group would give its number away); and the group's share
/// of the city's population (null when not entered).
/// </summary>
public sealed record GroupFigure(string Group, PeopleCount People, double? SharePercent, double? PopulationPercent);

/// <summary>One dimension of one activity: its groups, and the people who did not say (no profile, or no answer to it).</summary>
public sealed record DimensionFigures(string Dimension, IReadOnlyList<GroupFigure> Groups, PeopleCount NotSaid);

/// <summary>One activity (raising, supporting, voting, answering): the distinct people who took part, broken down by each dimension.</summary>
public sealed record ActivityFigures(string Activity, PeopleCount People, IReadOnlyList<DimensionFigures> Dimensions);

/// <summary>
/// Who takes part in a city, against its population shares (docs/participation.md). <paramref name="Population"/>
/// is the source of the shares (null: none entered).
/// </summary>
public sealed record ParticipationBreakdown(string City, DateTimeOffset AsOf, int SmallestShown, PopulationSource? Population,
    IReadOnlyList<ActivityFigures> Activities);

/// <summary>The activities counted, in the order pages show them.</summary>
public static class Activities
{
    public const string Raising = "raising";
    public const string Supporting = "supporting";
    public const string Voting = "voting";
    public const string Answering = "answering";

    public static readonly IReadOnlyList<string> All = [Raising, Supporting, Voting, Answering];

    /// <summary>The name of the group of districts the city does not name (in its population shares).</summary>
    public const string OtherDistricts = "other";
}
