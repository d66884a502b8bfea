namespace Platform.Domain.Assessments;

/// <summary>
/// Who acts on an assessment, as its rules need it: the account and the cities where it is an official.
/// Peer reviews cross cities, so a route-city role check alone cannot tell a reviewer from the reviewed.
/// </summary>
public sealed record AssessmentCaller(Guid Id, IReadOnlySet<string> OfficialOf)
{
    public bool IsOfficialOf(string city) => OfficialOf.Contains(city);
}
