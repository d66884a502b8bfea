namespace Platform.Api.EqualParticipation;

/// <summary>
/// Assisted participation (docs/participation.md): the city's officials and organisations record a concern, a support
/// or a consultation answer on behalf of a resident met offline, with the resident's consent noted. Residents, and
/// officials or organisations of another city, get 403.
/// </summary>
public static class AssistanceEndpoints
{
    /// <summary>Raises a concern on behalf of the resident: 201 with its id (and a new offline resident's id).</summary>
    [WolverinePost("/api/cities/{city}/assisted/concerns", OperationId = "raiseAssistedConcern")]
    [Authorize(Policy = Policies.OfficialOrOrganisation)]
    public static async Task<IResult> Concern(string city, AssistedConcernRequest request, ClaimsPrincipal user, IDocumentSession session,
        AssistanceHandler handler, CancellationToken cancellation)
    {
        var (done, errors) = await handler.RaiseAsync(request, user.AccountId(), AssistanceHandler.AssistedAs(user, city), session, cancellation);
        return done is null ? Problems.Result(errors) : Results.Created($"/api/cities/{city}/concerns/{done.ItemId}", done);
    }

    /// <summary>Supports the concern on behalf of the resident: 200; <c>changed</c> is false when they supported it already.</summary>
    [WolverinePost("/api/cities/{city}/concerns/{id}/assisted-supports", OperationId = "supportConcernAssisted")]
    [Authorize(Policy = Policies.OfficialOrOrganisation)]
    public static async Task<IResult> Support(Guid id, string city, AssistedSupportRequest request, ClaimsPrincipal user, IDocumentSession session,
        AssistanceHandler handler, CancellationToken cancellation)
    {
        var (done, errors) = await handler.SupportAsync(id, city, request, user.AccountId(), AssistanceHandler.AssistedAs(user, city), session, cancellation);
        return done is null ? Problems.Result(errors) : Results.Ok(done);
    }

    /// <summary>Answers the consultation on behalf of the resident (a first answer): 201, or 409 <c>already-responded</c>.</summary>
    [WolverinePost("/api/cities/{city}/consultations/{id}/assisted-responses", OperationId = "respondToConsultationAssisted")]
    [Authorize(Policy = Policies.OfficialOrOrganisation)]
    public static async Task<IResult> Answer(Guid id, string city, AssistedResponseRequest request, ClaimsPrincipal user, IDocumentSession session,
        AssistanceHandler handler, CancellationToken cancellation)
    {
        var (done, errors) = await handler.AnswerAsync(id, city, request, user.AccountId(), AssistanceHandler.AssistedAs(user, city), session, cancellation);
        return done is null ? Problems.Result(errors) : Results.Created($"/api/cities/{city}/consultations/{id}", done);
    }

    /// <summary>
    /// Erases an offline resident's record (their name or initials), at their request to an official of the city: 204.
    /// What was recorded on their behalf stays, under the record's id, which then names no one; 404 when the city has no
    /// such record.
    /// </summary>
    [WolverineDelete("/api/cities/{city}/offline-residents/{id}", OperationId = "eraseOfflineResident")]
    [Authorize(Policy = Policies.Official)]
    public static async Task<IResult> Erase(Guid id, IDocumentSession session, CancellationToken cancellation) =>
        await AssistanceHandler.EraseOfflineResidentAsync(id, session, cancellation) ? Results.NoContent() : Problems.NotFound("offlineResident");
}
