using Platform.Api.Monitoring;
using Platform.Domain.UnRecommendations;

namespace Platform.Api.UnRecommendations;

/// <summary>
/// The city's UN recommendations (the Universal Periodic Review, the treaty bodies) that concern local government:
/// officials of the city record them one by one or import a file, answer each (supported or noted), report follow-up
/// and link supported ones to the city's commitments; anyone reads them. Every write is a thin face of
/// <see cref="UnRecommendationHandler"/>, as the pages are.
/// </summary>
public static class UnRecommendationEndpoints
{
    /// <summary>The list, in the order recorded, filtered by <c>source</c>, <c>right</c> and <c>response</c> (supported, noted, none); paged.</summary>
    [WolverineGet("/api/cities/{city}/un-recommendations", OperationId = "listUnRecommendations")]
    public static async Task<IResult> List(string city, string? source, string? right, string? response, int? page, int? pageSize,
        IQuerySession session, UnRecommendationReader reader, CancellationToken cancellation)
    {
        var query = UnRecommendationReader.Query(source, right, response, page, pageSize, out var errors);
        if (errors.Count > 0) return Problems.Result(errors);
        return Results.Ok(await reader.ListAsync(session, city, query, cancellation));
    }

    [WolverineGet("/api/cities/{city}/un-recommendations/{id}", OperationId = "getUnRecommendation")]
    public static async Task<IResult> Get(string city, Guid id, IQuerySession session, UnRecommendationReader reader, CancellationToken cancellation) =>
        await reader.FindAsync(session, city, id, cancellation) is { } details ? Results.Ok(details) : Problems.NotFound("un-recommendation");

    /// <summary>Records one recommendation: 201 with it; 409 when the same source, cycle and paragraph (or text) is recorded already.</summary>
    [WolverinePost("/api/cities/{city}/un-recommendations", OperationId = "recordUnRecommendation")]
    [Authorize(Policy = Policies.Official)]
    public static async Task<IResult> Record(RecordUnRecommendationRequest body, string city, ClaimsPrincipal user, UnRecommendationHandler handler,
        IDocumentSession session, UnRecommendationReader reader, CancellationToken cancellation)
    {
        var command = new RecordUnRecommendation(UnRecommendationRules.RegisterOf(city), city, Guid.CreateVersion7(), user.AccountId(), body.Input());
        var written = await handler.Handle(command, session, cancellation);
        if (written.IsRefused) return written.Problem;
        return Results.Created($"/api/cities/{city}/un-recommendations/{command.RecommendationId}",
            await reader.FindAsync(session, city, command.RecommendationId, cancellation));
    }

    /// <summary>
    /// A CSV file (text/csv body; header row: source, cycle or session, paragraph or symbol, text, rights, sdgTargets). All rows
    /// or none: a problem answers a row-by-row report (line, column, problem: 400 for a file not in the layout, 422 for
    /// rows that cannot be taken) and records nothing; over 1 MB, 413. Rows recorded by an earlier import are left as they are.
    /// </summary>
    [WolverinePost("/api/cities/{city}/un-recommendations/import", OperationId = "importUnRecommendations")]
    [Authorize(Policy = Policies.Official)]
    public static async Task<IResult> Import(string city, HttpRequest request, ClaimsPrincipal user, IDocumentSession session,
        UnRecommendationHandler handler, CancellationToken cancellation)
    {
        if (await ImportReport.ReadAsync(request.Body, request.ContentLength, UnRecommendationRules.MaxImportBytes, cancellation) is not { } text)
            return ImportReport.TooLarge(UnRecommendationFiles.TooLarge);
        var command = UnRecommendationFiles.Command(city, user.AccountId(), text);
        var (written, decision) = await handler.Handle(command, session, cancellation);
        if (written.IsRefused) return ImportReport.Problem(written, UnRecommendationFiles.MalformedTitle);
        var imported = UnRecommendationDecider.Imported(decision!);
        return Results.Ok(new UnRecommendationImport(imported, command.Rows.Count - imported));
    }

    [WolverinePost("/api/cities/{city}/un-recommendations/{id}/response", OperationId = "answerUnRecommendation")]
    [Authorize(Policy = Policies.Official)]
    public static async Task<IResult> Answer(AnswerUnRecommendationRequest body, string city, Guid id, ClaimsPrincipal user, UnRecommendationHandler handler,
        IDocumentSession session, UnRecommendationReader reader, CancellationToken cancellation) =>
        await AnswerAsync(handler.Handle(new AnswerUnRecommendation(UnRecommendationRules.RegisterOf(city), id, user.AccountId(), body.Response, body.Note),
            session, cancellation), session, reader, city, id, cancellation);

    [WolverinePost("/api/cities/{city}/un-recommendations/{id}/follow-ups", OperationId = "reportUnRecommendationFollowUp")]
    [Authorize(Policy = Policies.Official)]
    public static async Task<IResult> FollowUp(ReportUnRecommendationFollowUpRequest body, string city, Guid id, ClaimsPrincipal user,
        UnRecommendationHandler handler, IDocumentSession session, UnRecommendationReader reader, CancellationToken cancellation) =>
        await AnswerAsync(handler.Handle(new ReportUnRecommendationFollowUp(UnRecommendationRules.RegisterOf(city), id, user.AccountId(), body.Text, body.Date,
            body.Status), session, cancellation), session, reader, city, id, cancellation);

    /// <summary>Links a supported recommendation to a commitment of the city (422 naming <c>commitmentId</c> for any other id).</summary>
    [WolverinePost("/api/cities/{city}/un-recommendations/{id}/commitments", OperationId = "linkUnRecommendationToCommitment")]
    [Authorize(Policy = Policies.Official)]
    public static async Task<IResult> Link(LinkUnRecommendationRequest body, string city, Guid id, ClaimsPrincipal user, UnRecommendationHandler handler,
        IDocumentSession session, UnRecommendationReader reader, CancellationToken cancellation) =>
        await AnswerAsync(handler.Handle(new LinkUnRecommendationToCommitment(UnRecommendationRules.RegisterOf(city), id, user.AccountId(), body.CommitmentId),
            session, cancellation), session, reader, city, id, cancellation);

    private static async Task<IResult> AnswerAsync(Task<Written> write, IQuerySession session, UnRecommendationReader reader, string city, Guid id,
        CancellationToken cancellation)
    {
        var written = await write;
        if (written.IsRefused) return written.Problem;
        return await reader.FindAsync(session, city, id, cancellation) is { } details ? Results.Ok(details) : Problems.NotFound("un-recommendation");
    }
}
