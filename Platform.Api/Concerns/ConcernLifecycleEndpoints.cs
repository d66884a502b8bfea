using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Platform.Api.Accounts;
using Platform.Api.Cities;
using Platform.Api.Infrastructure;
using Platform.Domain;
using Platform.Domain.Concerns;
using Wolverine.Http;

namespace Platform.Api.Concerns;

/// <summary>
/// What the council (officials), moderators and the author do with a concern. Each answers 200 with the
/// concern's new view, or a problem: 404 unknown concern, 409 wrong state, 400 bad text, 403 not allowed.
/// </summary>
public static class ConcernLifecycleEndpoints
{
    [WolverinePost("/api/cities/{city}/concerns/{id}/acknowledgement", OperationId = "acknowledgeConcern")]
    [Authorize(Policy = Policies.Official)]
    public static async Task<IResult> Acknowledge(Guid id, string city, AcknowledgeConcern command, ClaimsPrincipal user, CityDirectory cities,
        IDocumentSession session, ConcernReader reader, TimeProvider clock, CancellationToken cancellation)
    {
        var days = (await cities.FindAsync(city, cancellation))?.Settings.ConcernResponseDays ?? 30;
        return await DecideAsync(id, city, user, session, reader, cancellation,
            concern => ConcernLifecycle.Acknowledge(concern, command, user.AccountId(), days, clock.GetUtcNow()));
    }

    [WolverinePost("/api/cities/{city}/concerns/{id}/answer", OperationId = "answerConcern")]
    [Authorize(Policy = Policies.Official)]
    public static Task<IResult> Answer(Guid id, string city, AnswerConcern command, ClaimsPrincipal user, IDocumentSession session,
        ConcernReader reader, TimeProvider clock, CancellationToken cancellation) =>
        DecideAsync(id, city, user, session, reader, cancellation, concern => ConcernLifecycle.Answer(concern, command, user.AccountId(), clock.GetUtcNow()));

    [WolverinePost("/api/cities/{city}/concerns/{id}/declination", OperationId = "declineConcern")]
    [Authorize(Policy = Policies.Official)]
    public static Task<IResult> Decline(Guid id, string city, DeclineConcern command, ClaimsPrincipal user, IDocumentSession session,
        ConcernReader reader, TimeProvider clock, CancellationToken cancellation) =>
        DecideAsync(id, city, user, session, reader, cancellation, concern => ConcernLifecycle.Decline(concern, command, user.AccountId(), clock.GetUtcNow()));

    [WolverinePost("/api/cities/{city}/concerns/{id}/resolution", OperationId = "resolveConcern")]
    [Authorize(Policy = Policies.Official)]
    public static Task<IResult> Resolve(Guid id, string city, ResolveConcern command, ClaimsPrincipal user, IDocumentSession session,
        ConcernReader reader, TimeProvider clock, CancellationToken cancellation) =>
        DecideAsync(id, city, user, session, reader, cancellation, concern => ConcernLifecycle.Resolve(concern, command, user.AccountId(), clock.GetUtcNow()));

    [WolverinePost("/api/cities/{city}/concerns/{id}/hiding", OperationId = "hideConcern")]
    [Authorize(Policy = Policies.Moderator)]
    public static Task<IResult> Hide(Guid id, string city, ModerateConcern command, ClaimsPrincipal user, IDocumentSession session,
        ConcernReader reader, TimeProvider clock, CancellationToken cancellation) =>
        DecideAsync(id, city, user, session, reader, cancellation, concern => ConcernLifecycle.Hide(concern, command, user.AccountId(), clock.GetUtcNow()));

    /// <summary>
    /// A moderator removes the concern's text (a privacy breach, a threat): the redaction and its reason are in the
    /// concern's history, and the text is masked in the event store itself (<see cref="PersonalData.MaskConcernTextAsync"/>).
    /// A repeat answers 409 and masks again, so a redaction interrupted between its event and its masking completes.
    /// </summary>
    [WolverinePost("/api/cities/{city}/concerns/{id}/redaction", OperationId = "redactConcern")]
    [Authorize(Policy = Policies.Moderator)]
    public static async Task<IResult> Redact(Guid id, string city, ModerateConcern command, ClaimsPrincipal user, IDocumentSession session,
        ConcernReader reader, PersonalData data, TimeProvider clock, CancellationToken cancellation)
    {
        var written = await StreamWrite.DecideAsync<Concern>(session, id,
            concern => ConcernLifecycle.Redact(concern, command, user.AccountId(), clock.GetUtcNow()), ConcernChanged, cancellation);
        var redactedBefore = written.IsRefused && written.Errors[0].Code == "concern-redacted";
        if (written.IsRefused && !redactedBefore) return written.Problem;
        await data.MaskConcernTextAsync(city, id, cancellation);
        return written.IsRefused ? written.Problem : Results.Ok(await reader.LoadAsync(session, city, id, cancellation, user.AccountId()));
    }

    [WolverinePost("/api/cities/{city}/concerns/{id}/restoration", OperationId = "restoreConcern")]
    [Authorize(Policy = Policies.Moderator)]
    public static Task<IResult> Restore(Guid id, string city, ModerateConcern command, ClaimsPrincipal user, IDocumentSession session,
        ConcernReader reader, TimeProvider clock, CancellationToken cancellation) =>
        DecideAsync(id, city, user, session, reader, cancellation, concern => ConcernLifecycle.Restore(concern, command, user.AccountId(), clock.GetUtcNow()));

    /// <summary>The author withdraws their concern (also an anonymous one).</summary>
    [WolverinePost("/api/cities/{city}/concerns/{id}/withdrawal", OperationId = "withdrawConcern")]
    [Authorize(Policy = Policies.SignedIn)]
    public static Task<IResult> Withdraw(Guid id, string city, ClaimsPrincipal user, IDocumentSession session,
        ConcernReader reader, Pseudonyms pseudonyms, TimeProvider clock, CancellationToken cancellation) =>
        DecideAsync(id, city, user, session, reader, cancellation,
            concern => ConcernLifecycle.Withdraw(concern, user.AccountId(), pseudonyms.Of(user.AccountId()), clock.GetUtcNow()));

    private static readonly DomainError ConcernChanged = DomainError.Conflict("concern-changed", "The concern changed meanwhile; reload it and try again.");

    private static async Task<IResult> DecideAsync(Guid id, string city, ClaimsPrincipal user, IDocumentSession session, ConcernReader reader,
        CancellationToken cancellation, Func<Concern?, Decision> decide)
    {
        var written = await StreamWrite.DecideAsync(session, id, decide, ConcernChanged, cancellation);
        return written.IsRefused ? written.Problem : Results.Ok(await reader.LoadAsync(session, city, id, cancellation, user.AccountId()));
    }
}
