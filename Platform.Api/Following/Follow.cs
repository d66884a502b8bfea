namespace Platform.Api.Following;

/// <summary>What a resident can follow.</summary>
public enum FollowedKind
{
    Concern,
    Commitment,
}

/// <summary>
/// A resident's explicit choice about one item of a city (a document in the city's tenant): following it,
/// or — <see cref="Following"/> false — having stopped following it, which also opts out of the automatic
/// follow that supporting a linked concern gives (see docs/following.md). A preference, not a civic act,
/// so a document rather than an event stream; its id is derived from (item, resident), so a resident
/// has one per item and repeating a PUT or DELETE overwrites it.
/// </summary>
public sealed class Follow
{
    public Guid Id { get; set; }
    public Guid ResidentId { get; set; }
    public string City { get; set; } = "";
    public FollowedKind Kind { get; set; }
    public Guid ItemId { get; set; }
    public bool Following { get; set; }
    public DateTimeOffset ChangedAt { get; set; }
}
