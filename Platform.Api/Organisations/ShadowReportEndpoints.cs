using Platform.Domain.Organisations;

namespace Platform.Api.Organisations;

/// <summary>
/// Shadow reports (docs/organisations.md): a verified organisation's commentary on the city's annual report of a year.
/// Its members publish and correct it; moderators hide it for the platform's content rules (with a public reason) and
/// restore it. There is no route by which the council edits or hides one.
/// </summary>
public static class ShadowReportEndpoints
{
    /// <summary>A member of the verified organisation publishes a shadow report; answers 201 with its id.</summary>
    [WolverinePost("/api/cities/{city}/organisations/{id}/shadow-reports", OperationId = "publishShadowReport")]
    [Authorize(Policy = Policies.Organisation)]
    public static async Task<IResult> Publish(Guid id, string city, PublishShadowReportRequest request, ClaimsPrincipal user, IDocumentSession session,
        OrganisationHandler handler, CancellationToken cancellation)
    {
        var command = new PublishShadowReport(Guid.CreateVersion7(), id, user.AccountId(), request.Year, request.Draft());
        var written = await handler.Handle(command, session, cancellation);
        return written.IsRefused ? written.Problem
            : Results.Created($"/api/cities/{city}/reports/{request.Year}/shadow/{command.ReportId}", new CreatedId(command.ReportId));
    }

    /// <summary>The shadow reports on the city's report of <c>year</c>, as the public sees them.</summary>
    [WolverineGet("/api/cities/{city}/reports/{year}/shadow", OperationId = "listShadowReports")]
    public static async Task<IResult> List(string city, string year, IQuerySession session, TimeProvider clock, CancellationToken cancellation)
    {
        if (Reports.ReportPage.CheckYear(year, clock.GetUtcNow(), out var y) is { } invalid) return Problems.Result([invalid]);
        return Results.Ok(await OrganisationReader.ShadowReportsAsync(session, city, y, cancellation));
    }

    /// <summary>One shadow report with every version.</summary>
    [WolverineGet("/api/cities/{city}/reports/{year}/shadow/{id}", OperationId = "getShadowReport")]
    public static async Task<IResult> Get(Guid id, string city, string year, ClaimsPrincipal user, IQuerySession session, OrganisationReader reader,
        TimeProvider clock, CancellationToken cancellation)
    {
        if (Reports.ReportPage.CheckYear(year, clock.GetUtcNow(), out var y) is { } invalid) return Problems.Result([invalid]);
        return await reader.ShadowReportAsync(session, city, y, id, user, cancellation) is { } report ? Results.Ok(report) : Problems.NotFound("shadow-report");
    }

    /// <summary>A member of the publishing organisation publishes a corrected version; the earlier ones stay.</summary>
    [WolverinePost("/api/cities/{city}/reports/{year}/shadow/{id}/versions", OperationId = "correctShadowReport")]
    [Authorize(Policy = Policies.Organisation)]
    public static Task<IResult> Correct(Guid id, string city, string year, CorrectShadowReportRequest request, ClaimsPrincipal user, IDocumentSession session,
        OrganisationHandler handler, OrganisationReader reader, TimeProvider clock, CancellationToken cancellation) =>
        WriteAsync(id, city, year, user, session, reader, clock, cancellation, () => handler.Handle(new CorrectShadowReport(id, user.AccountId(), request.Note, request.Draft()),
            session, cancellation));

    /// <summary>A moderator hides the shadow report for breaking the platform's content rules; the reason is public.</summary>
    [WolverinePost("/api/cities/{city}/reports/{year}/shadow/{id}/hiding", OperationId = "hideShadowReport")]
    [Authorize(Policy = Policies.Moderator)]
    public static Task<IResult> Hide(Guid id, string city, string year, ModerateShadowReportRequest request, ClaimsPrincipal user, IDocumentSession session,
        OrganisationHandler handler, OrganisationReader reader, TimeProvider clock, CancellationToken cancellation) =>
        WriteAsync(id, city, year, user, session, reader, clock, cancellation,
            () => handler.Handle(new HideShadowReport(id, user.AccountId(), request.Reason), session, cancellation));

    /// <summary>A moderator shows the hidden shadow report again; the reason is public.</summary>
    [WolverinePost("/api/cities/{city}/reports/{year}/shadow/{id}/restoration", OperationId = "restoreShadowReport")]
    [Authorize(Policy = Policies.Moderator)]
    public static Task<IResult> Restore(Guid id, string city, string year, ModerateShadowReportRequest request, ClaimsPrincipal user, IDocumentSession session,
        OrganisationHandler handler, OrganisationReader reader, TimeProvider clock, CancellationToken cancellation) =>
        WriteAsync(id, city, year, user, session, reader, clock, cancellation,
            () => handler.Handle(new RestoreShadowReport(id, user.AccountId(), request.Reason), session, cancellation));

    /// <summary>A write of a shadow report of the route's year (another year's report is not found there), answered with its new view.</summary>
    private static async Task<IResult> WriteAsync(Guid id, string city, string year, ClaimsPrincipal user, IDocumentSession session, OrganisationReader reader,
        TimeProvider clock, CancellationToken cancellation, Func<Task<Written>> write)
    {
        if (Reports.ReportPage.CheckYear(year, clock.GetUtcNow(), out var y) is { } invalid) return Problems.Result([invalid]);
        if (await session.LoadAsync<ShadowReport>(id, cancellation) is not { } report || report.Year != y) return Problems.NotFound("shadow-report");
        return await (await write()).AnswerAsync(async () => await reader.ShadowReportAsync(session, city, y, id, user, cancellation));
    }
}
