using Platform.Domain.Concerns;
using Wolverine.Attributes;

namespace Platform.Api.Concerns;

/// <summary>
/// The concern feature's writes, for both faces: each command is decided on its concern's stream in the session's
/// city (its tenant) through <see cref="StreamWrite"/>, with what only the server knows added to the command first
/// (the author's pseudonym, the city's response deadline). Supports have their own writer (<see cref="SupportConcernEndpoint"/>).
/// </summary>
[WolverineIgnore] // called directly by the faces, not a message handler
public sealed class ConcernHandler(Pseudonyms pseudonyms, CityDirectory cities, PersonalData data, TimeProvider clock, Web.PageCache.PageChanges pages)
{
    /// <summary>Another write of the concern came first: the caller should look again.</summary>
    public static readonly DomainError ConcernChanged = DomainError.Conflict("concern-changed", "The concern changed meanwhile; reload it and try again.");

    /// <summary>Starts the concern's stream. An anonymous concern is stored under its author's pseudonym: no account id in clear (docs/privacy.md).</summary>
    public Task<Written> Handle(RaiseConcern command, IDocumentSession session, CancellationToken cancellation) =>
        DecideAsync(command with { AuthorId = pseudonyms.AuthorOf(command.AccountId, command.Anonymous) }, command.ConcernId, ConcernDecider.Decide, session, cancellation);

    /// <summary>The answer is due after the city's response deadline (its setting).</summary>
    public async Task<Written> Handle(AcknowledgeConcern command, IDocumentSession session, CancellationToken cancellation) =>
        await DecideAsync(command with { ResponseDays = await ResponseDaysAsync(session, cancellation) }, command.ConcernId, ConcernDecider.Decide, session, cancellation);

    /// <summary>
    /// A contest, under the caller's pseudonym, with whether they support the concern now and the city's response days
    /// (the new deadline if the contest reopens it).
    /// </summary>
    public async Task<Written> Handle(ContestConcern command, IDocumentSession session, CancellationToken cancellation)
    {
        var pseudonym = pseudonyms.Of(command.AccountId);
        var supporter = await SupportsAsync(session, command.ConcernId, pseudonym, cancellation);
        var days = await ResponseDaysAsync(session, cancellation);
        return await DecideAsync(command with { Pseudonym = pseudonym, Supporter = supporter, ResponseDays = days }, command.ConcernId, ConcernDecider.Decide,
            session, cancellation);
    }

    /// <summary>An escalation, under the caller's pseudonym, with whether they support the concern now.</summary>
    public async Task<Written> Handle(EscalateConcern command, IDocumentSession session, CancellationToken cancellation)
    {
        var pseudonym = pseudonyms.Of(command.AccountId);
        var supporter = await SupportsAsync(session, command.ConcernId, pseudonym, cancellation);
        return await DecideAsync(command with { Pseudonym = pseudonym, Supporter = supporter }, command.ConcernId, ConcernDecider.Decide, session, cancellation);
    }

    public Task<Written> Handle(RecordEscalationFinding command, IDocumentSession session, CancellationToken cancellation) =>
        DecideAsync(command, command.ConcernId, ConcernDecider.Decide, session, cancellation);

    /// <summary>Whether the resident of <paramref name="pseudonym"/> supports the concern now (their own support stream).</summary>
    public static async Task<bool> SupportsAsync(IQuerySession session, Guid concernId, Guid pseudonym, CancellationToken cancellation) =>
        await session.Events.AggregateStreamAsync<ResidentSupport>(PersonalStream.Id(concernId, pseudonym), token: cancellation) is { Active: true };

    private async Task<int> ResponseDaysAsync(IDocumentSession session, CancellationToken cancellation) =>
        (await cities.FindAsync(session.TenantId, cancellation))?.Settings.ConcernResponseDays ?? new CitySettings().ConcernResponseDays;

    /// <summary>An official tags the concern with the groups it affects (docs/participation.md).</summary>
    public Task<Written> Handle(TagConcernGroups command, IDocumentSession session, CancellationToken cancellation) =>
        DecideAsync(command, command.ConcernId, ConcernGroupTagging.Decide, session, cancellation);

    public Task<Written> Handle(AnswerConcern command, IDocumentSession session, CancellationToken cancellation) =>
        DecideAsync(command, command.ConcernId, ConcernDecider.Decide, session, cancellation);

    public Task<Written> Handle(DeclineConcern command, IDocumentSession session, CancellationToken cancellation) =>
        DecideAsync(command, command.ConcernId, ConcernDecider.Decide, session, cancellation);

    public Task<Written> Handle(ResolveConcern command, IDocumentSession session, CancellationToken cancellation) =>
        DecideAsync(command, command.ConcernId, ConcernDecider.Decide, session, cancellation);

    public Task<Written> Handle(HideConcern command, IDocumentSession session, CancellationToken cancellation) =>
        DecideAsync(command, command.ConcernId, ConcernDecider.Decide, session, cancellation);

    public Task<Written> Handle(RestoreConcern command, IDocumentSession session, CancellationToken cancellation) =>
        DecideAsync(command, command.ConcernId, ConcernDecider.Decide, session, cancellation);

    /// <summary>
    /// The redaction and its reason go to the concern's history, and the text is masked in the event store itself
    /// (<see cref="PersonalData.MaskConcernTextAsync"/>). A concern redacted before is refused again (409) and masked
    /// again, so a redaction interrupted between its event and its masking completes.
    /// </summary>
    public async Task<Written> Handle(RedactConcern command, IDocumentSession session, CancellationToken cancellation)
    {
        var redactedBefore = false;
        var written = await StreamWrite.DecideAsync<Concern>(session, command.ConcernId, concern =>
        {
            redactedBefore = concern is { Redacted: true };
            return ConcernDecider.Decide(command, concern, clock.GetUtcNow());
        }, ConcernChanged, cancellation);
        if (!written.IsRefused || redactedBefore)
        {
            await data.MaskConcernTextAsync(session.TenantId, command.ConcernId, cancellation);
            // The views were built again outside any session: no cached page of the city may show the text any longer.
            pages.Changed([Web.PageCache.PageScopes.City(session.TenantId)]);
        }
        return written;
    }

    /// <summary>The author is known by their account, or for an anonymous concern by their pseudonym.</summary>
    public Task<Written> Handle(WithdrawConcern command, IDocumentSession session, CancellationToken cancellation) =>
        DecideAsync(command with { Pseudonym = pseudonyms.Of(command.AccountId) }, command.ConcernId, ConcernDecider.Decide, session, cancellation);

    private Task<Written> DecideAsync<TCommand>(TCommand command, Guid concernId, Func<TCommand, Concern?, DateTimeOffset, Decision> decide,
        IDocumentSession session, CancellationToken cancellation) =>
        StreamWrite.DecideAsync<Concern>(session, concernId, concern => decide(command, concern, clock.GetUtcNow()), ConcernChanged, cancellation);
}
