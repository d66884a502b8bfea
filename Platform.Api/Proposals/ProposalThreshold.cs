using Platform.Domain.Proposals;

namespace Platform.Api.Proposals;

/// <summary>
/// Records <see cref="ProposalThresholdReached"/> in the same transaction as the support that crosses the threshold,
/// exactly once. Supports go to per-resident streams and never touch the proposal's stream; while a proposal is open,
/// its supports take turns on a transaction-scoped advisory lock of the proposal, then read the committed tally: the
/// support that makes it reach the threshold sees the exact count and appends the event to the proposal's stream in
/// its own transaction. If that transaction fails, neither the support nor the event is stored. Once the threshold is
/// reached (or the proposal decided), supports load a state that says so and take no lock.
/// </summary>
public sealed class ProposalThreshold(CityDirectory cities, ProposalReader reader, TimeProvider clock)
{
    /// <summary>
    /// Call before saving a session that adds one support to <paramref name="proposal"/> (as the support saw it): begins
    /// the session's transaction, takes the proposal's turn, and appends the threshold event when this support reaches it.
    /// </summary>
    public async Task RecordWithSupportAsync(IDocumentSession session, string city, Proposal? proposal, CancellationToken cancellation)
    {
        if (proposal is not { Status: ProposalStatus.Open }) return;
        await session.BeginTransactionAsync(cancellation);
        var connection = (NpgsqlConnection)session.Connection!;
        await using (var turn = new NpgsqlCommand("select pg_advisory_xact_lock($1)", connection))
        {
            turn.Parameters.Add(new NpgsqlParameter { Value = LockKey(proposal.Id) });
            await turn.ExecuteNonQueryAsync(cancellation);
        }
        // Every support of this proposal that took its turn before has committed: the tally is exact, plus this one.
        var supports = await reader.SupportsAsync(connection, city, proposal.Id, cancellation) + 1;
        if (supports < proposal.SupportThreshold) return;

        var stream = await session.Events.FetchForWriting<Proposal>(proposal.Id, cancellation);
        var days = (await cities.FindAsync(city, cancellation))?.Settings.ProposalDecisionDays ?? new CitySettings().ProposalDecisionDays;
        var decision = ProposalDecider.Decide(new ReachProposalThreshold(proposal.Id, supports) { DecisionDays = days }, stream.Aggregate, clock.GetUtcNow());
        if (decision.Events.Count > 0) stream.AppendMany(decision.Events);
    }

    /// <summary>The advisory lock of a proposal: 64 bits of its id (a rare collision only makes two proposals take turns).</summary>
    private static long LockKey(Guid proposal) => BitConverter.ToInt64(proposal.ToByteArray(), 8) ^ 0x5072_6f70_6f73_616c; // "Proposal"
}
