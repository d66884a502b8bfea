using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Platform.Api.Accounts;
using Platform.Api.Cities;
using Platform.Api.Infrastructure;
using Platform.Domain;
using Platform.Domain.Concerns;
using Platform.Projections.Concerns;
using Wolverine.Http;

namespace Platform.Api.Concerns;

/// <summary>
/// Residents support concerns, and take their support back. Each resident's support of a concern is
/// its own tiny stream (see <see cref="PersonalStream"/>), so supports of one popular concern never
/// contend on the concern's stream, and a duplicate is stopped by the stream's primary key.
/// </summary>
public static class SupportConcernEndpoint
{
    private static readonly DomainError SupportChanged = DomainError.Conflict("support-changed", "The support changed meanwhile.");

    /// <summary>
    /// Supports the concern as the calling resident. Always 200: <c>changed</c> is false when the
    /// resident already supported it (also when two requests race), so retries are harmless.
    /// </summary>
    [WolverinePost("/api/cities/{city}/concerns/{id}/supports", OperationId = "supportConcern")]
    [Authorize(Policy = Policies.Resident)]
    public static async Task<IResult> Post(Guid id, string city, ClaimsPrincipal user, CityDirectory cities, IDocumentSession session,
        SupportBatcher batcher, TimeProvider clock, CancellationToken cancellation)
    {
        if (await CityAccess.SupportRefusalAsync(user, city, cities, cancellation) is { } refused) return refused;
        var residentId = user.ParticipantId();
        var command = new SupportConcern(id, residentId);

        // Most supports are a resident's first, of a concern that accepts them: they are written at once, with the
        // concern's state checked by the database in the same transaction, together with other supports arriving at
        // the same time (group commit, see SupportBatcher). A repeat, a race or a concern that does not accept
        // supports takes the general path, which reads the concern and the resident's support and decides.
        if (await batcher.SupportAsync(session.TenantId, id, residentId, clock.GetUtcNow(), cancellation) is { } sequence)
            return Results.Ok(new SupportState(id, Supported: true, Changed: true, sequence));
        return await DecideAndAppend(id, residentId, session, cancellation, supported: true,
            (current, existing) => ConcernDecider.Decide(command, current, existing, clock.GetUtcNow()));
    }

    /// <summary>Withdraws the calling resident's support. Always 200; <c>changed</c> is false when there was none.</summary>
    [WolverineDelete("/api/cities/{city}/concerns/{id}/supports", OperationId = "withdrawConcernSupport")]
    [Authorize(Policy = Policies.Resident)]
    public static Task<IResult> Delete(Guid id, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, CancellationToken cancellation) =>
        DecideAndAppend(id, user.ParticipantId(), session, cancellation, supported: false,
            (concern, support) => ConcernDecider.Decide(new WithdrawConcernSupport(id, user.ParticipantId()), concern, support, clock.GetUtcNow()));

    private static async Task<IResult> DecideAndAppend(Guid concernId, Guid residentId, IDocumentSession session,
        CancellationToken cancellation, bool supported, Func<Concern?, ResidentSupport?, Decision> decide)
    {
        var concern = await session.LoadAsync<Concern>(concernId, cancellation);
        var stream = await session.Events.FetchForWriting<ResidentSupport>(PersonalStream.Id(concernId, residentId), cancellation);
        var decision = decide(concern, stream.Aggregate);
        if (decision.IsRefused) return Problems.Result(decision.Errors);
        if (decision.Events.Count == 0) return Results.Ok(new SupportState(concernId, supported, Changed: false));

        stream.AppendMany(decision.Events);
        // Refused when the same resident's other request won the race: its write is the one that counts.
        return await StreamWrite.CommitAsync(session, SupportChanged, cancellation) is null
            ? Results.Ok(new SupportState(concernId, supported, Changed: true, stream.Events[^1].Sequence))
            : Results.Ok(new SupportState(concernId, supported, Changed: false));
    }
}

/// <summary>The caller's support of a concern after the request.</summary>
/// <param name="Changed">False when the request changed nothing (a repeat).</param>
/// <param name="Version">When changed: the event sequence that recorded it; a concern view with this version or higher includes it.</param>
public sealed record SupportState(Guid ConcernId, bool Supported, bool Changed, long? Version = null);
