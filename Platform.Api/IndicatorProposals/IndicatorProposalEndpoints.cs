using Platform.Api.Participation;
using Platform.Domain.IndicatorProposals;

namespace Platform.Api.IndicatorProposals;

/// <summary>
/// Co-created indicators: a resident (or an account of a verified organisation) of the city proposes an indicator,
/// residents support it, officials of the city put it to a consultation, then adopt it into the city's set or decline
/// it with a reason. Reads are public; the author is never shown, only whether a resident or an organisation proposed it.
/// </summary>
public static class IndicatorProposalEndpoints
{
    /// <summary>The city's proposals, newest first; <c>status</c> (open, inConsultation, adopted, declined), <c>page</c> from 1, <c>pageSize</c> up to 100.</summary>
    [WolverineGet("/api/cities/{city}/indicator-proposals", OperationId = "listIndicatorProposals")]
    public static async Task<IResult> List(string city, string? status, int? page, int? pageSize, ClaimsPrincipal user, IQuerySession session,
        IndicatorProposalReader reader, CancellationToken cancellation)
    {
        var errors = new List<DomainError>();
        IndicatorProposalStatus? byStatus = null;
        if (status is not null)
        {
            if (Enum.TryParse<IndicatorProposalStatus>(status, ignoreCase: true, out var s) && !int.TryParse(status, out _)) byStatus = s;
            else errors.Add(DomainError.Invalid("status", "The status is open, inConsultation, adopted or declined."));
        }
        var (p, size) = (page ?? 1, pageSize ?? IndicatorProposalReader.DefaultPageSize);
        Paging.Check(p, size, IndicatorProposalReader.MaxPageSize, errors);
        if (errors.Count > 0) return Problems.Result(errors);
        return Results.Ok(await reader.PageAsync(session, byStatus, p, size, user, cancellation));
    }

    [WolverineGet("/api/cities/{city}/indicator-proposals/{id}", OperationId = "getIndicatorProposal")]
    public static async Task<IResult> Get(Guid id, string city, ClaimsPrincipal user, IQuerySession session, IndicatorProposalReader reader,
        CancellationToken cancellation) =>
        await reader.FindAsync(session, id, user, cancellation) is { } proposal ? Results.Ok(proposal) : Problems.NotFound("indicator-proposal");

    /// <summary>Proposes an indicator as the caller: as an organisation when the caller holds the organisation role in the city, else as a resident. 201 with the new id.</summary>
    [WolverinePost("/api/cities/{city}/indicator-proposals", OperationId = "proposeIndicator")]
    [Authorize(Policy = Policies.Resident)]
    public static async Task<IResult> Propose(string city, IndicatorProposalInput input, ClaimsPrincipal user, IDocumentSession session,
        IndicatorProposalHandler handler, CancellationToken cancellation)
    {
        var command = new ProposeIndicator(Guid.CreateVersion7(), user.AccountId(), IndicatorProposalHandler.ProposerOf(user, city), input);
        var written = await handler.Handle(command, session, cancellation);
        return written.IsRefused ? written.Problem
            : Results.Created($"/api/cities/{city}/indicator-proposals/{command.ProposalId}", new ProposedIndicator(command.ProposalId));
    }

    /// <summary>Supports the proposal as the calling resident: always 200, <c>changed</c> false for a repeat.</summary>
    [WolverinePost("/api/cities/{city}/indicator-proposals/{id}/supports", OperationId = "supportIndicatorProposal")]
    [Authorize(Policy = Policies.Resident)]
    public static async Task<IResult> Support(Guid id, string city, ClaimsPrincipal user, HttpContext http, ParticipationHandler handler,
        CancellationToken cancellation)
    {
        var command = new SupportIndicatorProposal(id, user.ParticipantId())
            { VerifiedResident = user.HoldsRole(city, CityRole.VerifiedResident), VerifiedEmail = user.HasVerifiedEmail() };
        var done = await handler.Handle(command, city, http.Features.Get<IdempotencyScope>(), cancellation);
        return done.IsRefused ? done.Problem : Results.Ok(new IndicatorProposalSupportState(id, Supported: true, done.Changed));
    }

    [WolverineDelete("/api/cities/{city}/indicator-proposals/{id}/supports", OperationId = "withdrawIndicatorProposalSupport")]
    [Authorize(Policy = Policies.Resident)]
    public static async Task<IResult> Unsupport(Guid id, string city, ClaimsPrincipal user, HttpContext http, ParticipationHandler handler,
        CancellationToken cancellation)
    {
        var done = await handler.Handle(new WithdrawIndicatorProposalSupport(id, user.ParticipantId()), city, http.Features.Get<IdempotencyScope>(), cancellation);
        return done.IsRefused ? done.Problem : Results.Ok(new IndicatorProposalSupportState(id, Supported: false, done.Changed));
    }

    /// <summary>Puts the proposal to a consultation of the city (400 naming <c>consultationId</c> when the city has none of that id).</summary>
    [WolverinePost("/api/cities/{city}/indicator-proposals/{id}/consultation", OperationId = "putIndicatorProposalToConsultation")]
    [Authorize(Policy = Policies.Official)]
    public static async Task<IResult> Consult(Guid id, string city, ConsultationLinkRequest request, ClaimsPrincipal user, IDocumentSession session,
        IndicatorProposalHandler handler, IndicatorProposalReader reader, CancellationToken cancellation) =>
        await (await handler.Handle(new PutIndicatorProposalToConsultation(id, user.AccountId(), request.ConsultationId), session, cancellation))
            .AnswerAsync(() => reader.FindAsync(session, id, user, cancellation));

    /// <summary>Adopts the proposal: the city's series is adopted in the same transaction, naming the proposal as its origin.</summary>
    [WolverinePost("/api/cities/{city}/indicator-proposals/{id}/adoption", OperationId = "adoptIndicatorProposal")]
    [Authorize(Policy = Policies.Official)]
    public static async Task<IResult> Adopt(Guid id, string city, AdoptIndicatorProposalRequest request, ClaimsPrincipal user, IDocumentSession session,
        IndicatorProposalHandler handler, IndicatorProposalReader reader, CancellationToken cancellation) =>
        await (await handler.Handle(id, user.AccountId(), request, session, cancellation)).AnswerAsync(() => reader.FindAsync(session, id, user, cancellation));

    [WolverinePost("/api/cities/{city}/indicator-proposals/{id}/decline", OperationId = "declineIndicatorProposal")]
    [Authorize(Policy = Policies.Official)]
    public static async Task<IResult> Decline(Guid id, string city, DeclineIndicatorProposalRequest request, ClaimsPrincipal user, IDocumentSession session,
        IndicatorProposalHandler handler, IndicatorProposalReader reader, CancellationToken cancellation) =>
        await (await handler.Handle(new DeclineIndicatorProposal(id, user.AccountId(), request.Reason), session, cancellation))
            .AnswerAsync(() => reader.FindAsync(session, id, user, cancellation));
}
