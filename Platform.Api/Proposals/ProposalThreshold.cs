using Marten;
using Platform.Api.Cities;
using Platform.Api.Infrastructure;
using Platform.Domain.Proposals;

namespace Platform.Api.Proposals;

/// <summary>
/// Records <see cref="ProposalThresholdReached"/> exactly once, without serialising supports. Supports
/// go to per-resident streams and never touch the proposal's stream; after a support commits, this check
/// reads the (committed) tally and, if it meets the threshold of a proposal still open, appends the event
/// to the proposal's stream at the version it just read. Of several supports that cross the threshold
/// together, the first append wins and the others fail their version check: a conflict means the
/// proposal moved on (threshold recorded, or decided), so there is nothing left to do. Once reached, the
/// check costs supports nothing: the proposal state they load already says so.
/// </summary>
public sealed class ProposalThreshold(IDocumentStore store, CityDirectory cities, ProposalReader reader, TimeProvider clock, ILogger<ProposalThreshold> logger)
{
    /// <param name="proposal">The proposal as the support saw it; only an open one can reach its threshold.</param>
    public async Task CheckAsync(string city, Proposal? proposal)
    {
        if (proposal is not { Status: ProposalStatus.Open }) return;
        try
        {
            await RecordIfReachedAsync(city, proposal);
        }
        catch (Exception e)
        {
            // The support itself is committed and its answer stands; the next support checks again.
            logger.LogWarning(e, "Could not check the support threshold of proposal {ProposalId} in {City}", proposal.Id, city);
        }
    }

    private async Task RecordIfReachedAsync(string city, Proposal proposal)
    {
        // Not the request's token: the support is committed already, and a client hanging up must not
        // leave a threshold it crossed unrecorded.
        var cancellation = CancellationToken.None;
        if (await reader.SupportsAsync(city, proposal.Id, cancellation) < proposal.SupportThreshold) return;

        await using var session = store.LightweightSession(city);
        var stream = await session.Events.FetchForWriting<Proposal>(proposal.Id, cancellation);
        // Read the tally again after the version: any support that committed before counts in the event.
        var supports = await reader.SupportsAsync(city, proposal.Id, cancellation);
        var days = (await cities.FindAsync(city, cancellation))?.Settings.ProposalDecisionDays ?? new CitySettings().ProposalDecisionDays;
        var decision = ProposalDecider.ReachThreshold(stream.Aggregate, supports, days, clock.GetUtcNow());
        if (decision.Events.Count == 0) return;
        stream.AppendMany(decision.Events);
        try
        {
            await session.SaveChangesAsync(cancellation);
        }
        catch (Exception e) when (WriteConflicts.IsStreamConflict(e))
        {
            // Another support recorded it first, or the council decided meanwhile: either way, done.
        }
    }
}
