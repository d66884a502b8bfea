using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Platform.Api.Accounts;
using Platform.Api.Infrastructure;
using Platform.Domain;
using Platform.Domain.Assessments;
using Platform.Domain.Reference;
using Platform.Projections.Assessments;
using Wolverine.Http;

namespace Platform.Api.Assessments;

/// <summary>An official starts the city's assessment cycle (one open, i.e. unsubmitted, cycle per city at a time).</summary>
public static class StartAssessmentEndpoint
{
    [WolverinePost("/api/cities/{city}/assessments", OperationId = "startAssessment")]
    [Authorize(Policy = Policies.Official)]
    public static async Task<IResult> Post(StartAssessment command, string city, ClaimsPrincipal user, IDocumentSession session,
        AssessmentReader reader, FrameworkCatalogue framework, TimeProvider clock, CancellationToken cancellation)
    {
        var cycle = AssessmentRules.NormaliseCycle(command.Cycle);
        var existing = cycle is null ? null : await session.LoadAsync<AssessmentView>(AssessmentStream.Id(city, cycle), cancellation);
        var open = await session.Query<AssessmentView>().Where(a => a.Stage == AssessmentStage.Draft).Select(a => a.Cycle)
            .FirstOrDefaultAsync(cancellation);
        var caller = user.Caller();
        var decision = AssessmentDecider.Decide(command, city, existing is not null, open, caller, clock.GetUtcNow(), framework);
        if (decision.IsRefused) return Problems.Result(decision.Errors);

        var started = (AssessmentStarted)decision.Events[0];
        session.Events.StartStream<Assessment>(started.AssessmentId, decision.Events);
        if (await StreamWrite.CommitAsync(session, DomainError.Conflict("cycle-exists", $"The city already has an assessment for cycle {started.Cycle}."),
                cancellation) is { } lost)
            return lost.Problem;
        var details = await reader.FindAsync(session, city, started.Cycle, caller, cancellation);
        return Results.Created($"/api/cities/{city}/assessments/{started.Cycle}", details);
    }
}
