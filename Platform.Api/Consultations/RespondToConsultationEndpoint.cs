using Platform.Api.Participation;
using Platform.Domain.Consultations;

namespace Platform.Api.Consultations;

/// <summary>
/// Residents answer a consultation once, and may amend their response while it is open. Each
/// resident's response is its own stream (id derived from consultation and resident, see
/// <see cref="PersonalStream"/>): responses never contend on the consultation's stream, and a
/// concurrent duplicate first response is stopped by the stream's primary key.
/// </summary>
public static class RespondToConsultationEndpoint
{
    /// <summary>The calling resident's first response: 201, or 409 <c>already-responded</c> (amend with PUT instead).</summary>
    [WolverinePost("/api/cities/{city}/consultations/{id}/responses", OperationId = "respondToConsultation")]
    [Authorize(Policy = Policies.Resident)]
    public static async Task<IResult> Post(Guid id, string city, ResponseBody body, ClaimsPrincipal user, HttpContext http,
        ParticipationHandler handler, CancellationToken cancellation)
    {
        var done = await handler.Handle(Command(id, city, body, user, amend: false), city, http.Features.Get<IdempotencyScope>(), cancellation);
        return done.IsRefused ? done.Problem
            : Results.Created($"/api/cities/{city}/consultations/{id}/responses/mine", MyResponse.Of((ConsultationResponseSubmitted)done.Events[0], done.Version));
    }

    /// <summary>Replaces the calling resident's response while the consultation is open: 200, or 404 when there is none.</summary>
    [WolverinePut("/api/cities/{city}/consultations/{id}/responses/mine", OperationId = "amendConsultationResponse")]
    [Authorize(Policy = Policies.Resident)]
    public static async Task<IResult> Put(Guid id, string city, ResponseBody body, ClaimsPrincipal user, HttpContext http,
        ParticipationHandler handler, CancellationToken cancellation)
    {
        var done = await handler.Handle(Command(id, city, body, user, amend: true), city, http.Features.Get<IdempotencyScope>(), cancellation);
        return done.IsRefused ? done.Problem : Results.Ok(MyResponse.Of((ConsultationResponseSubmitted)done.Events[0], done.Version));
    }

    /// <summary>The command of the calling resident's response (the pages build the same).</summary>
    public static SubmitConsultationResponse Command(Guid id, string city, ResponseBody body, ClaimsPrincipal user, bool amend) =>
        new(id, user.ParticipantId(), body.Answers, amend) { VerifiedResident = user.HoldsRole(city, CityRole.VerifiedResident), VerifiedEmail = user.HasVerifiedEmail() };

    /// <summary>The calling resident's own response (404 when they have not answered).</summary>
    [WolverineGet("/api/cities/{city}/consultations/{id}/responses/mine", OperationId = "getMyConsultationResponse")]
    [Authorize(Policy = Policies.Resident)]
    public static async Task<IResult> Get(Guid id, ClaimsPrincipal user, IQuerySession session, ConsultationReader reader, CancellationToken cancellation)
        => await reader.MyResponseAsync(session, id, user.ParticipantId(), cancellation) is { } response ? Results.Ok(response) : Problems.NotFound("response");
}

/// <summary>A resident's answers.</summary>
public sealed record ResponseBody(IReadOnlyList<AnswerInput?>? Answers);

/// <summary>The caller's own response; <paramref name="Version"/> counts the submissions in its stream.</summary>
public sealed record MyResponse(Guid ConsultationId, ConsultationAnswer[] Answers, bool Amended, DateTimeOffset SubmittedAt, long Version)
{
    public static MyResponse Of(ConsultationResponseSubmitted e, long version) => new(e.ConsultationId, e.Answers, e.Amended, e.SubmittedAt, version);
}
