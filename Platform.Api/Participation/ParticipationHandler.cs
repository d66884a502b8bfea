using Platform.Api.Proposals;
using Platform.Domain.Concerns;
using Platform.Domain.Consultations;
using Platform.Domain.Proposals;
using Platform.Domain.TownHalls;
using Platform.Projections.TownHalls;

namespace Platform.Api.Participation;

/// <summary>
/// The handler of every participation command: it sets what the city says (whether supports and votes need verified
/// residency, a verified email), says how each is written (its item, stream, gate target, lane, live view, the answer to a lost race)
/// and hands it to the <see cref="ParticipationWriter"/> with the item's decider. Both faces (the HTTP endpoints and
/// the pages) call it; an endpoint passes the request's idempotency scope, a page none.
/// </summary>
public sealed class ParticipationHandler(ParticipationWriter writer, CityDirectory cities, ProposalThreshold threshold, TimeProvider clock)
{
    public static readonly DomainError AlreadyResponded =
        DomainError.Conflict("already-responded", "You have answered this consultation already; amend your response instead.");

    public static readonly DomainError ResponseChanged =
        DomainError.Conflict("response-changed", "Your response changed while this amendment was on its way; load it and try again.");

    private static readonly Participated CityNotFound = new([DomainError.NotFound("city")], [], null, 0);

    public async Task<Participated> Handle(SupportConcern command, string city, IdempotencyScope? scope, CancellationToken cancellation)
    {
        if (await SettingsAsync(city, cancellation) is not { } settings) return CityNotFound;
        command = command with { VerifiedResidencyRequired = settings.SupportsRequireVerifiedResidency, VerifiedEmailRequired = settings.SupportsRequireVerifiedEmail };
        return await writer.WriteAsync(
            new ParticipationWrite<Concern, ResidentSupport>(city, command.ConcernId, PersonalStream.Id(command.ConcernId, command.ResidentId), command.ConcernId)
                { Lane = writer.Supports },
            state => ConcernDecider.Decide(command, state, clock.GetUtcNow()), scope, cancellation);
    }

    public Task<Participated> Handle(WithdrawConcernSupport command, string city, IdempotencyScope? scope, CancellationToken cancellation) =>
        writer.WriteAsync(
            new ParticipationWrite<Concern, ResidentSupport>(city, command.ConcernId, PersonalStream.Id(command.ConcernId, command.ResidentId), command.ConcernId)
                { Gated = false },
            state => ConcernDecider.Decide(command, state, clock.GetUtcNow()), scope, cancellation);

    /// <summary>
    /// A proposal's support is always decided on the proposal read afresh: while the proposal is open, the support that
    /// crosses the threshold records it in the same transaction (<see cref="ProposalThreshold"/>).
    /// </summary>
    public async Task<Participated> Handle(SupportProposal command, string city, IdempotencyScope? scope, CancellationToken cancellation)
    {
        if (await SettingsAsync(city, cancellation) is not { } settings) return CityNotFound;
        command = command with { VerifiedResidencyRequired = settings.SupportsRequireVerifiedResidency, VerifiedEmailRequired = settings.SupportsRequireVerifiedEmail };
        return await writer.WriteAsync(
            new ParticipationWrite<Proposal, ResidentSupport>(city, command.ProposalId, PersonalStream.Id(command.ProposalId, command.ResidentId), command.ProposalId)
                { BeforeCommit = (session, proposal, token) => threshold.RecordWithSupportAsync(session, city, proposal, token) },
            state => ProposalDecider.Decide(command, state, clock.GetUtcNow()), scope, cancellation);
    }

    public Task<Participated> Handle(WithdrawProposalSupport command, string city, IdempotencyScope? scope, CancellationToken cancellation) =>
        writer.WriteAsync(
            new ParticipationWrite<Proposal, ResidentSupport>(city, command.ProposalId, PersonalStream.Id(command.ProposalId, command.ResidentId), command.ProposalId)
                { Gated = false },
            state => ProposalDecider.Decide(command, state, clock.GetUtcNow()), scope, cancellation);

    /// <summary>A vote: its gate target is the poll (the town hall is open to votes in its open poll only); watchers see it at once.</summary>
    public async Task<Participated> Handle(CastVote command, string city, IdempotencyScope? scope, CancellationToken cancellation)
    {
        if (await SettingsAsync(city, cancellation) is not { } settings) return CityNotFound;
        command = command with { VerifiedResidencyRequired = settings.SupportsRequireVerifiedResidency, VerifiedEmailRequired = settings.SupportsRequireVerifiedEmail };
        return await writer.WriteAsync(
            new ParticipationWrite<TownHall, ResidentVote>(city, command.TownHallId, PersonalStream.Id(command.PollId, command.ResidentId), command.PollId)
            {
                Lane = writer.Votes,
                Lost = TownHallDecider.AlreadyVoted,
                View = new ViewChange(TownHallLiveRoute.View, city, command.TownHallId, 0),
            },
            state => TownHallDecider.Decide(command, state, clock.GetUtcNow()), scope, cancellation);
    }

    /// <summary>A consultation's answer (first or amended) is decided on the consultation read afresh: its questions check the answers.</summary>
    public async Task<Participated> Handle(SubmitConsultationResponse command, string city, IdempotencyScope? scope, CancellationToken cancellation)
    {
        if (await SettingsAsync(city, cancellation) is not { } settings) return CityNotFound;
        command = command with { VerifiedResidencyRequired = settings.SupportsRequireVerifiedResidency, VerifiedEmailRequired = settings.SupportsRequireVerifiedEmail };
        return await writer.WriteAsync(
            new ParticipationWrite<Consultation, ResidentResponse>(city, command.ConsultationId, PersonalStream.Id(command.ConsultationId, command.ResidentId),
                command.ConsultationId) { Lost = command.Amend ? ResponseChanged : AlreadyResponded },
            state => ConsultationDecider.Decide(command, state, clock.GetUtcNow()), scope, cancellation);
    }

    /// <summary>
    /// A support recorded on behalf of a resident met offline (assisted participation, docs/participation.md): decided
    /// by the same rules, always on the concern read afresh (no lane), with <paramref name="alongside"/> in its
    /// transaction (the assistance's event) when it writes.
    /// </summary>
    public async Task<Participated> Handle(SupportConcern command, string city, Func<IDocumentSession, CancellationToken, Task> alongside,
        CancellationToken cancellation)
    {
        if (await SettingsAsync(city, cancellation) is not { } settings) return CityNotFound;
        command = command with { VerifiedResidencyRequired = settings.SupportsRequireVerifiedResidency, VerifiedEmailRequired = settings.SupportsRequireVerifiedEmail };
        return await writer.WriteAsync(
            new ParticipationWrite<Concern, ResidentSupport>(city, command.ConcernId, PersonalStream.Id(command.ConcernId, command.ResidentId), command.ConcernId)
                { BeforeCommit = (session, _, token) => alongside(session, token) },
            state => ConcernDecider.Decide(command, state, clock.GetUtcNow()), null, cancellation);
    }

    /// <summary>A first consultation answer recorded on behalf of a resident met offline, as the support above.</summary>
    public async Task<Participated> Handle(SubmitConsultationResponse command, string city, Func<IDocumentSession, CancellationToken, Task> alongside,
        CancellationToken cancellation)
    {
        if (await SettingsAsync(city, cancellation) is not { } settings) return CityNotFound;
        command = command with { VerifiedResidencyRequired = settings.SupportsRequireVerifiedResidency, VerifiedEmailRequired = settings.SupportsRequireVerifiedEmail };
        return await writer.WriteAsync(
            new ParticipationWrite<Consultation, ResidentResponse>(city, command.ConsultationId, PersonalStream.Id(command.ConsultationId, command.ResidentId),
                command.ConsultationId) { Lost = AlreadyResponded, BeforeCommit = (session, _, token) => alongside(session, token) },
            state => ConsultationDecider.Decide(command, state, clock.GetUtcNow()), null, cancellation);
    }

    /// <summary>A proposed indicator's support: always decided on the proposal read afresh (few residents at once; no lane).</summary>
    public async Task<Participated> Handle(Domain.IndicatorProposals.SupportIndicatorProposal command, string city, IdempotencyScope? scope, CancellationToken cancellation)
    {
        if (await SettingsAsync(city, cancellation) is not { } settings) return CityNotFound;
        command = command with { VerifiedResidencyRequired = settings.SupportsRequireVerifiedResidency, VerifiedEmailRequired = settings.SupportsRequireVerifiedEmail };
        return await writer.WriteAsync(
            new ParticipationWrite<Domain.IndicatorProposals.IndicatorProposal, Domain.IndicatorProposals.IndicatorProposalSupport>(city, command.ProposalId,
                PersonalStream.Id(command.ProposalId, command.ResidentId), command.ProposalId),
            state => Domain.IndicatorProposals.IndicatorProposalDecider.Decide(command, state, clock.GetUtcNow()), scope, cancellation);
    }

    public Task<Participated> Handle(Domain.IndicatorProposals.WithdrawIndicatorProposalSupport command, string city, IdempotencyScope? scope, CancellationToken cancellation) =>
        writer.WriteAsync(
            new ParticipationWrite<Domain.IndicatorProposals.IndicatorProposal, Domain.IndicatorProposals.IndicatorProposalSupport>(city, command.ProposalId,
                PersonalStream.Id(command.ProposalId, command.ResidentId), command.ProposalId) { Gated = false },
            state => Domain.IndicatorProposals.IndicatorProposalDecider.Decide(command, state, clock.GetUtcNow()), scope, cancellation);

    /// <summary>What the city requires for supports, votes and answers (verified residency, a verified email); null when there is no such city.</summary>
    private async Task<CitySettings?> SettingsAsync(string city, CancellationToken cancellation) =>
        (await cities.FindAsync(city, cancellation))?.Settings;
}
