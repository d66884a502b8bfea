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
    private static readonly DomainError AssessmentChanged =
        DomainError.Conflict("assessment-changed", "Someone changed this assessment at the same moment; reload it and try again.");

    public static async Task<IResult> WriteAsync(string city, string cycle, IDocumentSession session, AssessmentReader reader,
        AssessmentCaller caller, CancellationToken cancellation, Func<Assessment?, Decision> decide, Func<AssessmentDetails, IResult>? respond = null)
    {
        var normalised = AssessmentRules.NormaliseCycle(cycle);
        if (normalised is null) return Problems.NotFound("assessment");
        var written = await StreamWrite.DecideAsync(session, AssessmentStream.Id(city, normalised), decide, AssessmentChanged, cancellation);
        if (written.IsRefused) return written.Problem;
        var details = await reader.FindAsync(session, city, normalised, caller, cancellation);
        return details is null ? Problems.NotFound("assessment") : respond?.Invoke(details) ?? Results.Ok(details);
    }
}
