using Platform.Domain.Concerns;
using Platform.Domain.Organisations;

namespace Platform.Api.Organisations;

/// <summary>
/// Organisations of a city (docs/organisations.md): a member of the city registers one, its officials or a network
/// administrator verify, decline or suspend it, its members add and remove members and raise concerns on its behalf.
/// Writes answer the organisation's new view (201 with the id for a registration), or a problem: 400 bad input naming
/// the field, 403 not allowed, 404 unknown organisation, 409 wrong state, 422 outside the rules.
/// </summary>
public static class OrganisationEndpoints
{
    [WolverinePost("/api/cities/{city}/organisations", OperationId = "registerOrganisation")]
    [Authorize(Policy = Policies.Resident)]
    public static async Task<IResult> Register(string city, RegisterOrganisationRequest request, ClaimsPrincipal user, IDocumentSession session,
        OrganisationHandler handler, CancellationToken cancellation)
    {
        var command = new RegisterOrganisation(Guid.CreateVersion7(), user.AccountId(), request.Name, request.Kind, request.Description, request.Website,
            request.Groups);
        var written = await handler.Handle(command, session, cancellation);
        return written.IsRefused ? written.Problem : Results.Created($"/api/cities/{city}/organisations/{command.OrganisationId}", new CreatedId(command.OrganisationId));
    }

    /// <summary>
    /// The city's organisations: the verified ones (public), or for its officials and network administrators those of
    /// <c>status</c> (pending, declined, suspended, verified).
    /// </summary>
    [WolverineGet("/api/cities/{city}/organisations", OperationId = "listOrganisations")]
    public static async Task<IResult> List(string city, string? status, ClaimsPrincipal user, IQuerySession session, OrganisationReader reader,
        CancellationToken cancellation)
    {
        var wanted = OrganisationStatus.Verified;
        if (status is not null && (int.TryParse(status, out _) || !Enum.TryParse(status, ignoreCase: true, out wanted) || !Enum.IsDefined(wanted)))
            return Problems.Result([DomainError.Invalid("status", "Name a status: pending, verified, declined or suspended.")]);
        if (wanted != OrganisationStatus.Verified && !OrganisationReader.Verifies(user, city))
            return Problems.Result([new DomainError(ErrorKind.Forbidden, "not-a-verifier",
                "Only the city's officials and network administrators see organisations that are not verified.")]);
        return Results.Ok(await reader.ListAsync(session, wanted, cancellation));
    }

    [WolverineGet("/api/cities/{city}/organisations/{id}", OperationId = "getOrganisation")]
    public static async Task<IResult> Get(Guid id, string city, ClaimsPrincipal user, IQuerySession session, OrganisationReader reader,
        CancellationToken cancellation) =>
        await reader.FindAsync(session, city, id, user, cancellation) is { } organisation ? Results.Ok(organisation) : Problems.NotFound("organisation");

    [WolverinePost("/api/cities/{city}/organisations/{id}/verification", OperationId = "verifyOrganisation")]
    [Authorize(Policy = Policies.OrganisationVerifier)]
    public static async Task<IResult> Verify(Guid id, string city, ClaimsPrincipal user, IDocumentSession session, OrganisationHandler handler,
        OrganisationReader reader, CancellationToken cancellation) =>
        await AnswerAsync(await handler.Handle(new VerifyOrganisation(id, user.AccountId()), session, cancellation), id, city, user, session, reader, cancellation);

    [WolverinePost("/api/cities/{city}/organisations/{id}/declination", OperationId = "declineOrganisation")]
    [Authorize(Policy = Policies.OrganisationVerifier)]
    public static async Task<IResult> Decline(Guid id, string city, OrganisationReasonRequest request, ClaimsPrincipal user, IDocumentSession session,
        OrganisationHandler handler, OrganisationReader reader, CancellationToken cancellation) =>
        await AnswerAsync(await handler.Handle(new DeclineOrganisation(id, user.AccountId(), request.Reason), session, cancellation),
            id, city, user, session, reader, cancellation);

    [WolverinePost("/api/cities/{city}/organisations/{id}/suspension", OperationId = "suspendOrganisation")]
    [Authorize(Policy = Policies.OrganisationVerifier)]
    public static async Task<IResult> Suspend(Guid id, string city, OrganisationReasonRequest request, ClaimsPrincipal user, IDocumentSession session,
        OrganisationHandler handler, OrganisationReader reader, CancellationToken cancellation) =>
        await AnswerAsync(await handler.Handle(new SuspendOrganisation(id, user.AccountId(), request.Reason), session, cancellation),
            id, city, user, session, reader, cancellation);

    /// <summary>A member adds an account, by its email address, to the organisation's members.</summary>
    [WolverinePost("/api/cities/{city}/organisations/{id}/members", OperationId = "addOrganisationMember")]
    [Authorize(Policy = Policies.Resident)]
    public static async Task<IResult> AddMember(Guid id, string city, AddOrganisationMemberRequest request, ClaimsPrincipal user, IDocumentSession session,
        OrganisationHandler handler, OrganisationReader reader, CancellationToken cancellation) =>
        await AnswerAsync(await handler.Handle(new AddOrganisationMember(id, user.AccountId(), request.Email), session, cancellation),
            id, city, user, session, reader, cancellation);

    /// <summary>A member removes a member (or themselves); the last member stays.</summary>
    [WolverineDelete("/api/cities/{city}/organisations/{id}/members/{accountId}", OperationId = "removeOrganisationMember")]
    [Authorize(Policy = Policies.Resident)]
    public static async Task<IResult> RemoveMember(Guid id, Guid accountId, string city, ClaimsPrincipal user, IDocumentSession session,
        OrganisationHandler handler, OrganisationReader reader, CancellationToken cancellation) =>
        await AnswerAsync(await handler.Handle(new RemoveOrganisationMember(id, user.AccountId(), accountId), session, cancellation),
            id, city, user, session, reader, cancellation);

    /// <summary>A member of a verified organisation raises a concern on its behalf, for one of the groups it speaks for; answers 201 with the concern's id.</summary>
    [WolverinePost("/api/cities/{city}/organisations/{id}/concerns", OperationId = "raiseConcernOnBehalf")]
    [Authorize(Policy = Policies.Organisation)]
    public static async Task<IResult> RaiseOnBehalf(Guid id, string city, RaiseOnBehalfRequest request, ClaimsPrincipal user, IDocumentSession session,
        OrganisationHandler handler, CancellationToken cancellation)
    {
        var concern = new RaiseConcern(Guid.CreateVersion7(), user.AccountId(), request.Title, request.Description, request.Rights, request.SdgTargets,
            request.District);
        var written = await handler.Handle(new RaiseConcernOnBehalf(concern, id, request.Group), session, cancellation);
        return written.IsRefused ? written.Problem : Results.Created($"/api/cities/{city}/concerns/{concern.ConcernId}", new CreatedId(concern.ConcernId));
    }

    private static async Task<IResult> AnswerAsync(Written written, Guid id, string city, ClaimsPrincipal user, IDocumentSession session,
        OrganisationReader reader, CancellationToken cancellation) =>
        await written.AnswerAsync(async () => await reader.FindAsync(session, city, id, user, cancellation));
}
