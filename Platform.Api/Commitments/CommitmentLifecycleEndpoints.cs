using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Platform.Api.Accounts;
using Platform.Api.Cities;
using Platform.Api.Infrastructure;
using Platform.Domain;
using Platform.Domain.Commitments;
using Wolverine;
using Wolverine.Http;

namespace Platform.Api.Commitments;

/// <summary>
/// What officials of the city do with a published commitment. Each answers 200 with the commitment's new
/// view, or a problem: 404 unknown commitment, 409 when it is fulfilled or abandoned, 400 naming the field.
/// </summary>
public static class CommitmentLifecycleEndpoints
{
    [WolverinePost("/api/cities/{city}/commitments/{id}/milestones", OperationId = "planCommitmentMilestone")]
    [Authorize(Policy = Policies.Official)]
    public static Task<IResult> PlanMilestone(Guid id, string city, PlanMilestone command, ClaimsPrincipal user, IDocumentSession session,
        CommitmentReader reader, TimeProvider clock, CancellationToken cancellation) =>
        DecideAsync(id, city, session, reader, cancellation,
            c => CommitmentDecider.Decide(command, c, Guid.CreateVersion7(), user.AccountId(), clock.GetUtcNow()));

    [WolverinePost("/api/cities/{city}/commitments/{id}/progress", OperationId = "reportCommitmentProgress")]
    [Authorize(Policy = Policies.Official)]
    public static Task<IResult> ReportProgress(Guid id, string city, ReportProgress command, ClaimsPrincipal user, IDocumentSession session,
        CommitmentReader reader, TimeProvider clock, CancellationToken cancellation) =>
        DecideAsync(id, city, session, reader, cancellation, c => CommitmentDecider.Decide(command, c, user.AccountId(), clock.GetUtcNow()));

    /// <summary>Moves the due date (a reason is required and kept in the history) and schedules the overdue check for the new date; the old check goes stale.</summary>
    [WolverinePost("/api/cities/{city}/commitments/{id}/deadline", OperationId = "changeCommitmentDeadline")]
    [Authorize(Policy = Policies.Official)]
    public static async Task<IResult> ChangeDeadline(Guid id, string city, ChangeDeadline command, ClaimsPrincipal user, IDocumentSession session,
        CityDirectory cities, IMessageBus bus, CommitmentReader reader, TimeProvider clock, CancellationToken cancellation)
    {
        var zone = CityTimeZone.Of(await cities.FindAsync(city, cancellation));
        var now = clock.GetUtcNow();
        return await DecideAsync(id, city, session, reader, cancellation, c => CommitmentDecider.Decide(command, c, user.AccountId(), now, zone),
            async events =>
            {
                var changed = events.OfType<CommitmentDeadlineChanged>().Single();
                await CheckCommitmentDueHandler.ScheduleAsync(bus, new CheckCommitmentDue(city, id, changed.NewDueDate), changed.NewDueAt, now);
            });
    }

    [WolverinePost("/api/cities/{city}/commitments/{id}/fulfilment", OperationId = "fulfilCommitment")]
    [Authorize(Policy = Policies.Official)]
    public static Task<IResult> Fulfil(Guid id, string city, FulfilCommitment command, ClaimsPrincipal user, IDocumentSession session,
        CommitmentReader reader, TimeProvider clock, CancellationToken cancellation) =>
        DecideAsync(id, city, session, reader, cancellation, c => CommitmentDecider.Decide(command, c, user.AccountId(), clock.GetUtcNow()));

    [WolverinePost("/api/cities/{city}/commitments/{id}/abandonment", OperationId = "abandonCommitment")]
    [Authorize(Policy = Policies.Official)]
    public static Task<IResult> Abandon(Guid id, string city, AbandonCommitment command, ClaimsPrincipal user, IDocumentSession session,
        CommitmentReader reader, TimeProvider clock, CancellationToken cancellation) =>
        DecideAsync(id, city, session, reader, cancellation, c => CommitmentDecider.Decide(command, c, user.AccountId(), clock.GetUtcNow()));

    private static readonly DomainError CommitmentChanged =
        DomainError.Conflict("commitment-changed", "The commitment changed while this request was on its way; load it and try again.");

    private static async Task<IResult> DecideAsync(Guid id, string city, IDocumentSession session, CommitmentReader reader,
        CancellationToken cancellation, Func<Commitment?, Decision> decide, Func<IReadOnlyList<object>, Task>? alongside = null)
    {
        var written = await StreamWrite.DecideAsync(session, id, decide, CommitmentChanged, cancellation, alongside);
        return written.IsRefused ? written.Problem : Results.Ok(await reader.LoadAsync(session, city, id, cancellation));
    }
}
