using Platform.Domain.UnRecommendations;
using Platform.Projections.Commitments;

namespace Platform.Api.UnRecommendations;

/// <summary>
/// The writes of a city's UN recommendations, for both faces: every change goes through the city's register with a
/// version check (two officials writing at once: the later one is refused with a conflict and tries again). The handler
/// adds what only it knows: whether a commitment id names a commitment of the city (the session is the city's).
/// </summary>
public sealed class UnRecommendationHandler(TimeProvider clock)
{
    private static readonly DomainError Changed =
        DomainError.Conflict("un-recommendations-changed", "Someone changed the city's UN recommendations at the same moment; reload and try again.");

    public Task<Written> Handle(RecordUnRecommendation command, IDocumentSession session, CancellationToken cancellation) =>
        Write(session, command.RegisterId, register => UnRecommendationDecider.Decide(command, register, clock.GetUtcNow()), cancellation);

    /// <summary>Imports a file's rows, all or none; answers the decision too, which tells how many were recorded.</summary>
    public async Task<(Written Written, Decision? Decision)> Handle(ImportUnRecommendations command, IDocumentSession session, CancellationToken cancellation)
    {
        Decision? decision = null;
        var written = await Write(session, command.RegisterId,
            register => decision = UnRecommendationDecider.Decide(command, register, clock.GetUtcNow()), cancellation);
        return (written, decision);
    }

    public Task<Written> Handle(AnswerUnRecommendation command, IDocumentSession session, CancellationToken cancellation) =>
        Write(session, command.RegisterId, register => UnRecommendationDecider.Decide(command, register, clock.GetUtcNow()), cancellation);

    public Task<Written> Handle(ReportUnRecommendationFollowUp command, IDocumentSession session, CancellationToken cancellation) =>
        Write(session, command.RegisterId, register => UnRecommendationDecider.Decide(command, register, clock.GetUtcNow()), cancellation);

    public async Task<Written> Handle(LinkUnRecommendationToCommitment command, IDocumentSession session, CancellationToken cancellation)
    {
        var ofCity = command.CommitmentId is { } id && id != Guid.Empty && await session.LoadAsync<CommitmentView>(id, cancellation) is not null;
        return await Write(session, command.RegisterId,
            register => UnRecommendationDecider.Decide(command with { CommitmentOfCity = ofCity }, register, clock.GetUtcNow()), cancellation);
    }

    private static Task<Written> Write(IDocumentSession session, Guid id, Func<UnRecommendationRegister?, Decision> decide, CancellationToken cancellation) =>
        StreamWrite.DecideAsync(session, id, decide, Changed, cancellation);
}
