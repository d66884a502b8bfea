using Platform.Domain.Commitments;
using Platform.Domain.GoodPractices;
using Platform.Domain.Monitoring;
using Wolverine.Attributes;

namespace Platform.Api.GoodPractices;

/// <summary>
/// The good practices' command handler: one method per command, load → decide → append → commit through
/// <see cref="StreamWrite"/>, always in the tenant of the route's city. A practice's stream lives in the tenant of the
/// city that published it (another city's practice is not found there for a revision or a withdrawal); an adoption is
/// the adopting city's own stream, one per practice (<see cref="AdoptionStream"/>).
/// </summary>
[WolverineIgnore] // called by the faces, not a Wolverine message handler
public sealed class GoodPracticeHandler(IDocumentStore store, TimeProvider clock)
{
    private static readonly DomainError PracticeChanged =
        DomainError.Conflict("practice-changed", "The practice changed while this request was on its way; load it and try again.");

    /// <summary>Publishes a new practice of the session's city, its links checked against what the city has.</summary>
    public async Task<Written> Handle(PublishPractice command, IDocumentSession session, CancellationToken cancellation)
    {
        var ready = command with { Links = await LinksAsync(session, command.Input, cancellation) };
        return await DecideAsync(session, command.PracticeId, (state, now) => GoodPracticeDecider.Decide(ready, state, now), cancellation);
    }

    public async Task<Written> Handle(RevisePractice command, IDocumentSession session, CancellationToken cancellation)
    {
        var ready = command with { Links = await LinksAsync(session, command.Input, cancellation) };
        return await DecideAsync(session, command.PracticeId, (state, now) => GoodPracticeDecider.Decide(ready, state, now), cancellation);
    }

    public Task<Written> Handle(WithdrawPractice command, IDocumentSession session, CancellationToken cancellation) =>
        DecideAsync(session, command.PracticeId, (state, now) => GoodPracticeDecider.Decide(command, state, now), cancellation);

    /// <summary>
    /// The adopting city's word, on its own adoption stream in its own tenant (the session's); the practice it names is
    /// read from the publishing city's tenant first.
    /// </summary>
    public async Task<Written> Handle(AdoptPractice command, IDocumentSession session, CancellationToken cancellation)
    {
        var ready = command with { Practice = await PracticeAsync(command.PracticeId, cancellation) };
        var now = clock.GetUtcNow();
        return await StreamWrite.DecideAsync<PracticeAdoptionState>(session, AdoptionStream.Id(command.PracticeId, command.City),
            state => GoodPracticeDecider.Decide(ready, state, now), PracticeChanged, cancellation);
    }

    public Task<Written> Handle(UndoPracticeAdoption command, IDocumentSession session, CancellationToken cancellation)
    {
        var now = clock.GetUtcNow();
        return StreamWrite.DecideAsync<PracticeAdoptionState>(session, AdoptionStream.Id(command.PracticeId, command.City),
            state => GoodPracticeDecider.Decide(command, state, now), PracticeChanged, cancellation);
    }

    /// <summary>The state of a practice, in whichever city's tenant it lives (its view says which).</summary>
    private async Task<GoodPractice?> PracticeAsync(Guid id, CancellationToken cancellation)
    {
        await using var query = store.QuerySession();
        if (await GoodPracticeReader.ViewAsync(query, id, cancellation) is not { } view) return null;
        await using var publisher = store.QuerySession(view.City);
        return await publisher.LoadAsync<GoodPractice>(id, cancellation);
    }

    private Task<Written> DecideAsync(IDocumentSession session, Guid id, Func<GoodPractice?, DateTimeOffset, Decision> decide, CancellationToken cancellation)
    {
        var now = clock.GetUtcNow();
        return StreamWrite.DecideAsync<GoodPractice>(session, id, state => decide(state, now), PracticeChanged, cancellation);
    }

    /// <summary>
    /// Which of the indicators and commitments the input names belong to the session's city: the indicators it adopted
    /// (its series, their ids derived from city and code) and the commitments it published (in its tenant only).
    /// </summary>
    private static async Task<CityLinks> LinksAsync(IQuerySession session, PracticeInput input, CancellationToken cancellation)
    {
        var city = session.TenantId;
        var codes = (input.IndicatorCodes ?? []).Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c!).Distinct(StringComparer.Ordinal)
            .Take(GoodPracticeRules.MaxIndicators + 1).ToArray();
        var seriesIds = codes.Select(code => SeriesStream.Id(city, code)).ToArray();
        var indicators = seriesIds.Length == 0 ? [] : (await session.LoadManyAsync<IndicatorSeries>(cancellation, seriesIds)).Select(s => s.Code);
        var ids = (input.CommitmentIds ?? []).Where(id => id is { } g && g != Guid.Empty).Select(id => id!.Value).Distinct()
            .Take(GoodPracticeRules.MaxCommitments + 1).ToArray();
        var commitments = ids.Length == 0 ? [] : (await session.LoadManyAsync<Commitment>(cancellation, ids)).Select(c => c.Id);
        return new CityLinks(indicators.ToHashSet(StringComparer.Ordinal), commitments.ToHashSet());
    }
}
