using Platform.Domain.Proposals;

namespace Platform.Api.Proposals;

/// <summary>One entry of a proposal's history: when, what, and the role of who did it (never who).</summary>
public sealed record ProposalHistoryEntry(long Version, long Sequence, DateTimeOffset At, string Event, string ActorRole, string? Details);

/// <summary>Every event of a proposal's own stream, in order (supports live in their own streams and show as the count).</summary>
public static class ProposalHistoryEndpoint
{
    [WolverineGet("/api/cities/{city}/proposals/{id}/history", OperationId = "getProposalHistory")]
    public static async Task<IResult> Get(Guid id, IQuerySession session, CancellationToken cancellation)
    {
        var events = await session.Events.FetchStreamAsync(id, token: cancellation);
        if (events.Count == 0 || events[0].Data is not ProposalSubmitted) return Problems.NotFound("proposal");
        return Results.Ok(events.Select(e => Entry(e.Version, e.Sequence, e.Timestamp, e.Data)).ToList());
    }

    private static ProposalHistoryEntry Entry(long version, long sequence, DateTimeOffset at, object data) => data switch
    {
        ProposalSubmitted s => new(version, sequence, at, "submitted", "resident", s.Title),
        ProposalThresholdReached t => new(version, sequence, at, "threshold-reached", "system", $"{t.Supports} supports; decision due {t.DecisionDue:yyyy-MM-dd}"),
        ProposalAccepted a => new(version, sequence, at, "accepted", "official", a.CommitmentId is { } c ? $"{a.Decision} (commitment {c})" : a.Decision),
        ProposalRejected r => new(version, sequence, at, "rejected", "official", r.Reason),
        ProposalWithdrawn => new(version, sequence, at, "withdrawn", "author", null),
        _ => new(version, sequence, at, data.GetType().Name, "system", null),
    };
}
