using Marten;
using Platform.Api.Infrastructure;
using Platform.Domain;
using Platform.Domain.Assessments;

namespace Platform.Api.Assessments;

/// <summary>
/// Every change to an existing cycle goes through its stream with a version check, so two people changing
/// the same cycle at once cannot both succeed on a stale state: the loser gets 409 and tries again.
/// </summary>
public static class AssessmentWrites
{
    public static async Task<IResult> WriteAsync(string city, string cycle, IDocumentSession session, AssessmentReader reader,
        AssessmentCaller caller, CancellationToken cancellation, Func<Assessment?, Decision> decide, Func<AssessmentDetails, IResult>? respond = null)
    {
        var normalised = AssessmentRules.NormaliseCycle(cycle);
        if (normalised is null) return Problems.NotFound("assessment");
        var stream = await session.Events.FetchForWriting<Assessment>(AssessmentStream.Id(city, normalised), cancellation);
        var decision = decide(stream.Aggregate);
        if (decision.IsRefused) return Problems.Result(decision.Errors);

        if (decision.Events.Count > 0)
        {
            stream.AppendMany(decision.Events);
            try
            {
                await session.SaveChangesAsync(cancellation);
            }
            catch (Exception e) when (WriteConflicts.IsStreamConflict(e))
            {
                return Problems.Result([DomainError.Conflict("assessment-changed", "Someone changed this assessment at the same moment; reload it and try again.")]);
            }
        }
        var details = await reader.FindAsync(session, city, normalised, caller, cancellation);
        return details is null ? Problems.NotFound("assessment") : respond?.Invoke(details) ?? Results.Ok(details);
    }
}
