using Platform.Domain.Commitments;
using Platform.Domain.Concerns;
using Platform.Domain.Proposals;
using Platform.Domain.Reference;

namespace Platform.Api.Demo;

/// <summary>
/// Demo proposals of a city, made through the same deciders as real ones, at times in the past: one past
/// its threshold awaiting the council's decision, one accepted into a new commitment (the proposal is its
/// origin), one rejected. Supports are real support streams of supporter accounts of the city (as many as
/// the city's threshold asks), so counts and thresholds read exactly as they would in use.
/// </summary>
public static class DemoProposals
{
    private static readonly Guid Official = new("00000000-0000-4000-9000-000000000001");

    public static async Task<int> SeedAsync(IDocumentStore store, Pseudonyms pseudonyms, City city, DateTimeOffset now, CancellationToken cancellation)
    {
        var threshold = city.Settings.ProposalSupportThreshold;
        // Numbers, not people: accounts without a password, residents of this city only.
        var supporters = Enumerable.Range(1, threshold + 5).Select(i => new Account
        {
            Id = Guid.CreateVersion7(), Email = $"proposal-supporter{i}@{city.Id}.demo.invalid", DisplayName = $"Supporter {i}", CreatedAt = now,
        }).ToList();
        foreach (var account in supporters) account.Grant(city.Id, CityRole.Resident);
        foreach (var account in supporters) account.EmailVerifiedAt = now;
        await using (var network = store.LightweightSession())
        {
            network.Store(supporters.ToArray());
            await network.SaveChangesAsync(cancellation);
        }

        await using var session = store.LightweightSession(city.Id);
        var zone = CityTimeZone.Of(city);

        Proposal Submit(string title, string[] rights, string district, int supports, DateTimeOffset at)
        {
            var id = Guid.CreateVersion7();
            var submitted = Accepted(ProposalDecider.Decide(
                new SubmitProposal(id, supporters[0].Id, title, $"{title} — a demo proposal of {city.Id}.", rights, ["11.2"], district) { SupportThreshold = threshold },
                null, at));
            session.Events.StartStream<Proposal>(id, submitted);
            var proposal = Evolution<Proposal>.Fold(submitted)!;
            foreach (var (resident, i) in supporters.Take(supports).Select((s, i) => (pseudonyms.Of(s.Id), i)))
                session.Events.StartStream<ResidentSupport>(PersonalStream.Id(id, resident),
                    Accepted(ProposalDecider.Decide(new SupportProposal(id, resident), new(proposal, null), at.AddHours(1 + i))));
            if (supports < threshold) return proposal;
            var reached = Accepted(ProposalDecider.Decide(new ReachProposalThreshold(id, supports) { DecisionDays = city.Settings.ProposalDecisionDays },
                proposal, at.AddDays(3)));
            session.Events.Append(id, reached);
            return Evolution<Proposal>.Then(proposal, reached[0])!;
        }

        // Past its threshold, awaiting the council's decision.
        Submit("Open the school playgrounds at weekends", ["education", "participation"], "Centre", threshold, now.AddDays(-21));

        // Accepted into a new commitment that answers it.
        var accepted = Submit("Shade and water fountains in every park", ["health"], "Riverside", threshold + 5, now.AddDays(-70));
        var commitmentId = Guid.CreateVersion7();
        var origin = new CommitmentOrigin(OriginKind.Proposal, accepted.Id);
        var publishedAt = now.AddDays(-30);
        var published = Accepted(CommitmentDecider.Decide(
            new PublishCommitment(commitmentId, Official, new CommitmentInput("Shade and fountains in the twelve city parks", "Trees, shade sails and a fountain in each park.",
                ["health"], ["11.2"], [], "Parks", DueDates.Today(publishedAt, zone).AddDays(330), 120_000m, [new OriginInput(OriginKind.Proposal, accepted.Id)]))
            { Zone = zone, KnownOrigins = new HashSet<CommitmentOrigin> { origin } },
            null, publishedAt));
        session.Events.StartStream<Commitment>(commitmentId, published);
        session.Events.Append(accepted.Id, Accepted(ProposalDecider.Decide(
            new AcceptProposal(accepted.Id, Official, "The council agrees and commits to it, parks first where residents asked.", commitmentId), accepted, publishedAt)));

        // Rejected before reaching the threshold, with the council's reason.
        var rejected = Submit("A cable car to the university", ["mobility", "participation"], "Hill", Math.Min(7, threshold - 1), now.AddDays(-40));
        session.Events.Append(rejected.Id, Accepted(ProposalDecider.Decide(
            new RejectProposal(rejected.Id, Official, "A cable car costs ten times the bus lines it would replace; the council extends line 4 instead."), rejected, now.AddDays(-12))));

        await session.SaveChangesAsync(cancellation);
        return 3;
    }

    private static IReadOnlyList<object> Accepted(Decision decision) =>
        decision.IsRefused ? throw new InvalidOperationException($"Demo proposal refused: {decision.Errors[0].Message}") : decision.Events;
}
