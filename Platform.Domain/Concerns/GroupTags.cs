namespace Platform.Domain.Concerns;

/// <summary>
/// The groups a concern affects (codes of <see cref="Groups"/>), as tagged by its author when raising it or by the
/// city's officials later: the whole set each time (an empty set clears it).
/// </summary>
public sealed record ConcernGroupsTagged(Guid ConcernId, string[] Groups, Guid TaggedBy, DateTimeOffset TaggedAt);

/// <summary>An official of the city tags the concern with the groups it affects (replacing the set it had).</summary>
public sealed record TagConcernGroups(Guid ConcernId, Guid OfficialId, IReadOnlyList<string>? Groups);

/// <summary>The rules of a concern's groups.</summary>
public static class ConcernGroupTagging
{
    /// <summary>The most groups one concern is tagged with.</summary>
    public const int MaxGroups = 5;

    /// <summary>At most <see cref="MaxGroups"/> codes, each known (an unknown one is named <c>groups[i]</c>).</summary>
    public static void CheckGroups(IReadOnlyList<string>? groups, List<DomainError> errors) =>
        Check.Codes(groups, "groups", MaxGroups, Platform.Domain.Groups.IsKnown, "is not a known group", errors);

    /// <summary>The event tagging a concern being raised, when its author named groups (null: none named).</summary>
    public static ConcernGroupsTagged? AtRaising(RaiseConcern command, DateTimeOffset now) =>
        command.Groups is { Count: > 0 } groups ? new ConcernGroupsTagged(command.ConcernId, Distinct(groups), command.AuthorId, now) : null;

    public static Decision Decide(TagConcernGroups command, Concern? concern, DateTimeOffset now)
    {
        if (concern is null) return Decision.Refuse(DomainError.NotFound("concern"));
        var errors = new List<DomainError>();
        if (command.Groups is null) errors.Add(DomainError.Invalid("groups", "Name the groups the concern affects (an empty list clears them)."));
        CheckGroups(command.Groups, errors);
        if (errors.Count > 0) return Decision.Refuse(errors);
        var groups = Distinct(command.Groups!);
        if (groups.Order(StringComparer.Ordinal).SequenceEqual(concern.Groups.Order(StringComparer.Ordinal))) return Decision.NoChange;
        return Decision.Accept(new ConcernGroupsTagged(concern.Id, groups, command.OfficialId, now));
    }

    private static string[] Distinct(IReadOnlyList<string> groups) => groups.Distinct(StringComparer.Ordinal).ToArray();
}
