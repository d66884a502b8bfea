using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Platform.Api.Accounts;
using Platform.Api.Cities;
using Platform.Api.Infrastructure;
using Platform.Domain;
using Platform.Domain.Concerns;
using Platform.Domain.Consultations;
using Wolverine.Http;

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
    public static async Task<IResult> Post(Guid id, string city, ResponseBody body, ClaimsPrincipal user, CityDirectory cities,
        IDocumentSession session, TimeProvider clock, CancellationToken cancellation)
    {
        if (await CityAccess.SupportRefusalAsync(user, city, cities, cancellation) is { } refused) return refused;
        var residentId = user.ParticipantId();
        var consultation = await session.LoadAsync<Consultation>(id, cancellation);
        var streamId = PersonalStream.Id(id, residentId);
        var existing = await session.Events.FetchLatest<ResidentResponse>(streamId, cancellation);
        var decision = ConsultationDecider.Decide(new SubmitConsultationResponse(id, residentId, body.Answers), consultation, existing, clock.GetUtcNow());
        if (decision.IsRefused) return Problems.Result(decision.Errors);

        session.Events.StartStream<ResidentResponse>(streamId, decision.Events);
        // Refused when the same resident's other first response won the race.
        if (await StreamWrite.CommitAsync(session, AlreadyResponded, cancellation) is { } lost) return lost.Problem;
        var submitted = (ConsultationResponseSubmitted)decision.Events[0];
        return Results.Created($"/api/cities/{city}/consultations/{id}/responses/mine", MyResponse.Of(submitted, version: 1));
    }

    /// <summary>Replaces the calling resident's response while the consultation is open: 200, or 404 when there is none.</summary>
    [WolverinePut("/api/cities/{city}/consultations/{id}/responses/mine", OperationId = "amendConsultationResponse")]
    [Authorize(Policy = Policies.Resident)]
    public static async Task<IResult> Put(Guid id, string city, ResponseBody body, ClaimsPrincipal user, CityDirectory cities,
        IDocumentSession session, TimeProvider clock, CancellationToken cancellation)
    {
        if (await CityAccess.SupportRefusalAsync(user, city, cities, cancellation) is { } refused) return refused;
        var residentId = user.ParticipantId();
        var consultation = await session.LoadAsync<Consultation>(id, cancellation);
        var stream = await session.Events.FetchForWriting<ResidentResponse>(PersonalStream.Id(id, residentId), cancellation);
        var decision = ConsultationDecider.Decide(new SubmitConsultationResponse(id, residentId, body.Answers, Amend: true), consultation, stream.Aggregate, clock.GetUtcNow());
        if (decision.IsRefused) return Problems.Result(decision.Errors);

        stream.AppendMany(decision.Events);
        if (await StreamWrite.CommitAsync(session,
                DomainError.Conflict("response-changed", "Your response changed while this amendment was on its way; load it and try again."), cancellation) is { } lost)
            return lost.Problem;
        return Results.Ok(MyResponse.Of((ConsultationResponseSubmitted)decision.Events[0], (stream.CurrentVersion ?? 0) + 1));
    }

    /// <summary>The calling resident's own response (404 when they have not answered).</summary>
    [WolverineGet("/api/cities/{city}/consultations/{id}/responses/mine", OperationId = "getMyConsultationResponse")]
    [Authorize(Policy = Policies.Resident)]
    public static async Task<IResult> Get(Guid id, ClaimsPrincipal user, IQuerySession session, CancellationToken cancellation)
    {
        var streamId = PersonalStream.Id(id, user.ParticipantId());
        var response = await session.Events.AggregateStreamAsync<ResidentResponse>(streamId, token: cancellation);
        if (response is null) return Problems.NotFound("response");
        var state = await session.Events.FetchStreamStateAsync(streamId, cancellation);
        return Results.Ok(new MyResponse(id, response.Answers, response.Amendments > 0, response.SubmittedAt, state?.Version ?? 0));
    }

    private static readonly DomainError AlreadyResponded =
        DomainError.Conflict("already-responded", "You have answered this consultation already; amend your response instead.");
}

/// <summary>A resident's answers.</summary>
public sealed record ResponseBody(IReadOnlyList<AnswerInput?>? Answers);

/// <summary>The caller's own response; <paramref name="Version"/> counts the submissions in its stream.</summary>
public sealed record MyResponse(Guid ConsultationId, ConsultationAnswer[] Answers, bool Amended, DateTimeOffset SubmittedAt, long Version)
{
    public static MyResponse Of(ConsultationResponseSubmitted e, long version) => new(e.ConsultationId, e.Answers, e.Amended, e.SubmittedAt, version);
}
