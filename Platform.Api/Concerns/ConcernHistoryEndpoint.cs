using Platform.Domain.Concerns;

namespace Platform.Api.Concerns;

/// <summary>One entry of a concern's history: when, what, and the role of who did it (never who).</summary>
public sealed record ConcernHistoryEntry(long Version, long Sequence, DateTimeOffset At, string Event, string ActorRole, string? Details);

/// <summary>Every event of a concern, in order. Hidden concerns' history is for the city's officials and moderators.</summary>
public static class ConcernHistoryEndpoint
{
    [WolverineGet("/api/cities/{city}/concerns/{id}/history", OperationId = "getConcernHistory")]
    public static async Task<IResult> Get(Guid id, string city, ClaimsPrincipal user, IQuerySession session, Accounts.Pseudonyms pseudonyms,
        CancellationToken cancellation)
    {
        var concern = await session.LoadAsync<Concern>(id, cancellation);
        if (concern is null || concern.Status == ConcernStatus.Hidden && !ConcernQuery.MaySeeHidden(user, city))
            return Problems.NotFound("concern");

        var events = await session.Events.FetchStreamAsync(id, token: cancellation);
        // Contests and escalations are recorded under the resident's pseudonym: the author's tells the author from a supporter.
        var author = events.Select(e => e.Data).OfType<ConcernRaised>().Select(r => r.Anonymous ? r.AuthorId : pseudonyms.Of(r.AuthorId)).FirstOrDefault();
        var raisedBy = events.Select(e => e.Data).OfType<ConcernRaised>().Select(r => r.AuthorId).FirstOrDefault();
        return Results.Ok(events.Select(e => e.Data is ConcernGroupsTagged tagged
            ? Tagged(e.Version, e.Sequence, e.Timestamp, tagged, raisedBy)
            : Entry(e.Version, e.Sequence, e.Timestamp, e.Data, author)).ToList());
    }

    /// <summary>The groups a concern affects, tagged by its author when raising it or by an official later.</summary>
    private static ConcernHistoryEntry Tagged(long version, long sequence, DateTimeOffset at, ConcernGroupsTagged tagged, Guid raisedBy) =>
        new(version, sequence, at, "groups-tagged", tagged.TaggedBy == raisedBy ? "author" : "official", string.Join(", ", tagged.Groups));

    private static string Resident(Guid who, Guid author) => who == author ? "author" : "supporter";

    private static ConcernHistoryEntry Entry(long version, long sequence, DateTimeOffset at, object data, Guid author) => data switch
    {
        ConcernRaised r => new(version, sequence, at, "raised", r.Anonymous ? "anonymous resident" : "resident", r.Title),
        ConcernAcknowledged a => new(version, sequence, at, "acknowledged", "official", $"{a.Department}; answer due {a.ResponseDue:yyyy-MM-dd}"),
        ConcernAnswered a => new(version, sequence, at, "answered", "official", a.Answer),
        ConcernDeclined d => new(version, sequence, at, "declined", "official", d.Reason),
        ConcernResolved r => new(version, sequence, at, "resolved", "official", r.Note),
        ConcernHidden h => new(version, sequence, at, "hidden", "moderator", h.Reason),
        ConcernRestored r => new(version, sequence, at, "restored", "moderator", r.Reason),
        ConcernRedacted r => new(version, sequence, at, "redacted", "moderator", r.Reason),
        ConcernWithdrawn => new(version, sequence, at, "withdrawn", "author", null),
        ConcernContested c => new(version, sequence, at, "contested", Resident(c.ContestedBy, author), c.Reason),
        ConcernReopened r => new(version, sequence, at, "reopened", "residents", $"{r.Reason}; answer due {r.ResponseDue:yyyy-MM-dd}"),
        ConcernEscalated e => new(version, sequence, at, "escalated", Resident(e.EscalatedBy, author), e.Reason),
        EscalationFindingRecorded f => new(version, sequence, at, "finding-recorded", "independent body", $"{f.Outcome}: {f.Finding}"),
        ConcernLinkedToCommitment l => new(version, sequence, at, "linked-to-commitment", "official", l.CommitmentId.ToString()),
        Platform.Domain.EqualParticipation.ParticipationAssisted a => new(version, sequence, at,
            a.ItemKind == Platform.Domain.EqualParticipation.AssistanceRules.Concern ? "raised-with-help" : "support-recorded-with-help", a.AssistedAs,
            $"recorded with the help of an {a.AssistedAs} of the city"),
        Platform.Domain.Organisations.ConcernRaisedOnBehalf o => new(version, sequence, at, "raised-on-behalf", "organisation", $"{o.OrganisationId}; {o.Group}"),
        _ => new(version, sequence, at, data.GetType().Name, "system", null),
    };
}
