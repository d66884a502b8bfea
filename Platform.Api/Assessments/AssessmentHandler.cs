using Platform.Domain.Assessments;
using Platform.Projections.Assessments;

namespace Platform.Api.Assessments;

/// <summary>
/// The writes of assessment cycles, peer reviews and recognition, for both faces. Every change goes through the cycle's
/// stream with a version check, so two people changing the same cycle at once cannot both succeed on a stale state:
/// the loser is refused with a conflict and tries again. The handler adds what only it knows: the city's open cycle,
/// and whether a reviewing city is a city of the network.
/// </summary>
public sealed class AssessmentHandler(CityDirectory cities, TimeProvider clock)
{
    private static readonly DomainError Changed =
        DomainError.Conflict("assessment-changed", "Someone changed this assessment at the same moment; reload it and try again.");

    /// <summary>Starts a cycle; of two officials starting the same cycle at once, the stream's primary key lets one through.</summary>
    public async Task<Written> Handle(StartAssessment command, IDocumentSession session, CancellationToken cancellation)
    {
        var open = await session.Query<AssessmentView>().Where(a => a.Stage == AssessmentStage.Draft).Select(a => a.Cycle).FirstOrDefaultAsync(cancellation);
        var cycle = AssessmentRules.NormaliseCycle(command.Cycle);
        return await StreamWrite.DecideAsync<Assessment>(session, command.AssessmentId,
            state => AssessmentDecider.Decide(command with { OpenCycle = open }, state, clock.GetUtcNow()),
            DomainError.Conflict("cycle-exists", $"The city already has an assessment for cycle {cycle}."), cancellation);
    }

    public Task<Written> Handle(AssessElement command, IDocumentSession session, CancellationToken cancellation) =>
        Write(session, command.AssessmentId, state => AssessmentDecider.Decide(command, state, clock.GetUtcNow()), cancellation);

    public Task<Written> Handle(SubmitAssessment command, IDocumentSession session, CancellationToken cancellation) =>
        Write(session, command.AssessmentId, state => AssessmentDecider.Decide(command, state, clock.GetUtcNow()), cancellation);

    public async Task<Written> Handle(AssignPeerReviewer command, IDocumentSession session, CancellationToken cancellation)
    {
        var reviewer = command.ReviewerCity?.Trim();
        var exists = !string.IsNullOrEmpty(reviewer) && await cities.ExistsAsync(reviewer, cancellation);
        return await Write(session, command.AssessmentId,
            state => AssessmentDecider.Decide(command with { ReviewerCityExists = exists }, state, clock.GetUtcNow()), cancellation);
    }

    public Task<Written> Handle(RecordFinding command, IDocumentSession session, CancellationToken cancellation) =>
        Write(session, command.AssessmentId, state => AssessmentDecider.Decide(command, state, clock.GetUtcNow()), cancellation);

    public Task<Written> Handle(DraftRecommendation command, IDocumentSession session, CancellationToken cancellation) =>
        Write(session, command.AssessmentId, state => AssessmentDecider.Decide(command, state, clock.GetUtcNow()), cancellation);

    public Task<Written> Handle(SubmitPeerReview command, IDocumentSession session, CancellationToken cancellation) =>
        Write(session, command.AssessmentId, state => AssessmentDecider.Decide(command, state, clock.GetUtcNow()), cancellation);

    public Task<Written> Handle(AnswerRecommendation command, IDocumentSession session, CancellationToken cancellation) =>
        Write(session, command.AssessmentId, state => AssessmentDecider.Decide(command, state, clock.GetUtcNow()), cancellation);

    public Task<Written> Handle(ReportFollowUp command, IDocumentSession session, CancellationToken cancellation) =>
        Write(session, command.AssessmentId, state => AssessmentDecider.Decide(command, state, clock.GetUtcNow()), cancellation);

    public Task<Written> Handle(LinkCommitment command, IDocumentSession session, CancellationToken cancellation) =>
        Write(session, command.AssessmentId, state => AssessmentDecider.Decide(command, state, clock.GetUtcNow()), cancellation);

    public Task<Written> Handle(AwardRecognition command, IDocumentSession session, CancellationToken cancellation) =>
        Write(session, command.AssessmentId, state => AssessmentDecider.Decide(command, state, clock.GetUtcNow()), cancellation);

    /// <summary>Records the city's declaration, once; of two officials declaring at once, the stream's primary key lets one through.</summary>
    public Task<Written> Handle(DeclareHumanRightsCommitment command, IDocumentSession session, CancellationToken cancellation) =>
        StreamWrite.DecideAsync<CommitmentDeclaration>(session, command.DeclarationId, state => RecognitionStages.Decide(command, state, clock.GetUtcNow()),
            DomainError.Conflict("commitment-declared", "The city declared its commitment already."), cancellation);

    private static Task<Written> Write(IDocumentSession session, Guid id, Func<Assessment?, Decision> decide, CancellationToken cancellation) =>
        StreamWrite.DecideAsync(session, id, decide, Changed, cancellation);
}

/// <summary>Reads the caller of an assessment endpoint from the claims: the account and the cities it is an official of.</summary>
public static class AssessmentCallers
{
    private static readonly string OfficialSuffix = ":" + CityRole.Official;

    public static AssessmentCaller Caller(this ClaimsPrincipal user)
    {
        var cities = user.Claims
            .Where(c => c.Type == PlatformClaims.CityRoleClaim && c.Value.EndsWith(OfficialSuffix, StringComparison.Ordinal))
            .Select(c => c.Value[..^OfficialSuffix.Length])
            .ToHashSet(StringComparer.Ordinal);
        var id = user.IsSignedIn() ? user.AccountId() : Guid.Empty;
        return new AssessmentCaller(id, cities);
    }
}

/// <summary>
/// The cycle an endpoint acts on, as its route names it, and who acts: the one answer of every assessment write, the
/// problem of a refusal or the cycle as the caller may now see it.
/// </summary>
public sealed record AssessmentRoute(string City, string Cycle, AssessmentCaller Caller)
{
    public static AssessmentRoute Of(string city, string? cycle, ClaimsPrincipal user) => new(city, cycle ?? "", user.Caller());

    /// <summary>The cycle's stream.</summary>
    public Guid Id => AssessmentStream.Of(City, Cycle);

    /// <summary>The problem of a refused write; else the cycle's details (200, or what <paramref name="respond"/> makes of them), 404 when the caller may not see it.</summary>
    public async Task<IResult> AnswerAsync(Task<Written> write, IQuerySession session, AssessmentReader reader, CancellationToken cancellation,
        Func<AssessmentDetails, IResult>? respond = null)
    {
        var written = await write;
        if (written.IsRefused) return written.Problem;
        var details = await reader.FindAsync(session, City, Cycle, Caller, cancellation);
        return details is null ? Problems.NotFound("assessment") : respond?.Invoke(details) ?? Results.Ok(details);
    }
}
