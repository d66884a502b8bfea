using Platform.Domain.GoodPractices;

namespace Platform.Api.GoodPractices;

/// <summary>The adopting city's note, the body of an adoption.</summary>
public sealed record AdoptionRequest(string? Note);

/// <summary>Why the practice is withdrawn (optional).</summary>
public sealed record WithdrawalRequest(string? Reason);

/// <summary>
/// The writes of the good-practice library. A city's officials publish, revise and withdraw its practices (the route's
/// city is the publisher); an official of another city says their city (the route's) adopted a practice, or takes it back.
/// </summary>
public static class GoodPracticeEndpoints
{
    /// <summary>201 with the practice; 400 naming the field; 422 naming <c>indicatorCodes[i]</c> or <c>commitmentIds[i]</c> that are not the city's.</summary>
    [WolverinePost("/api/cities/{city}/practices", OperationId = "publishPractice")]
    [Authorize(Policy = Policies.Official)]
    public static async Task<IResult> Publish(PracticeInput body, string city, ClaimsPrincipal user, GoodPracticeHandler handler,
        IDocumentSession session, GoodPracticeReader reader, CancellationToken cancellation)
    {
        var id = Guid.CreateVersion7();
        var written = await handler.Handle(new PublishPractice(id, city, user.AccountId(), body), session, cancellation);
        if (written.IsRefused) return written.Problem;
        return Results.Created($"/api/network/practices/{id}", await reader.OwnAsync(session, id, cancellation));
    }

    /// <summary>A new version of one of the city's practices (the earlier ones are kept); the same content again changes nothing.</summary>
    [WolverinePost("/api/cities/{city}/practices/{id}/revisions", OperationId = "revisePractice")]
    [Authorize(Policy = Policies.Official)]
    public static async Task<IResult> Revise(PracticeInput body, Guid id, ClaimsPrincipal user, GoodPracticeHandler handler,
        IDocumentSession session, GoodPracticeReader reader, CancellationToken cancellation) =>
        await (await handler.Handle(new RevisePractice(id, user.AccountId(), body), session, cancellation))
            .AnswerAsync(() => reader.OwnAsync(session, id, cancellation));

    /// <summary>Takes one of the city's practices out of the library (again: no change).</summary>
    [WolverinePost("/api/cities/{city}/practices/{id}/withdrawal", OperationId = "withdrawPractice")]
    [Authorize(Policy = Policies.Official)]
    public static async Task<IResult> Withdraw(WithdrawalRequest body, Guid id, ClaimsPrincipal user, GoodPracticeHandler handler,
        IDocumentSession session, GoodPracticeReader reader, CancellationToken cancellation) =>
        await (await handler.Handle(new WithdrawPractice(id, user.AccountId(), body.Reason), session, cancellation))
            .AnswerAsync(() => reader.OwnAsync(session, id, cancellation));

    /// <summary>The route's city adopted another city's practice <paramref name="id"/> (once: again changes nothing); 422 for its own.</summary>
    [WolverinePut("/api/cities/{city}/adopted-practices/{id}", OperationId = "adoptPractice")]
    [Authorize(Policy = Policies.Official)]
    public static async Task<IResult> Adopt(AdoptionRequest body, Guid id, string city, ClaimsPrincipal user, GoodPracticeHandler handler,
        IDocumentSession session, GoodPracticeReader reader, CancellationToken cancellation) =>
        await (await handler.Handle(new AdoptPractice(id, city, user.AccountId(), body.Note), session, cancellation))
            .AnswerAsync(() => reader.FindAsync(session, id, cancellation));

    /// <summary>The route's city no longer says it adopted practice <paramref name="id"/> (never said so: no change).</summary>
    [WolverineDelete("/api/cities/{city}/adopted-practices/{id}", OperationId = "undoPracticeAdoption")]
    [Authorize(Policy = Policies.Official)]
    public static async Task<IResult> Undo(Guid id, string city, ClaimsPrincipal user, GoodPracticeHandler handler,
        IDocumentSession session, CancellationToken cancellation)
    {
        var written = await handler.Handle(new UndoPracticeAdoption(id, city, user.AccountId()), session, cancellation);
        return written.IsRefused ? written.Problem : Results.Ok(new AdoptionState(id, city, false));
    }
}

/// <summary>Whether the city now says it adopted the practice.</summary>
public sealed record AdoptionState(Guid PracticeId, string City, bool Adopted);

/// <summary>The reads of the library: public, across the network.</summary>
public static class GetGoodPracticeEndpoints
{
    /// <summary>The network's library, the newest first: <c>right</c>, <c>city</c> (the publisher), <c>q</c> (words of the title), <c>page</c>, <c>pageSize</c> up to 100.</summary>
    [WolverineGet("/api/network/practices", OperationId = "listPractices")]
    public static async Task<IResult> List(string? right, string? city, string? q, int? page, int? pageSize, IQuerySession session,
        GoodPracticeReader reader, CancellationToken cancellation)
    {
        var errors = new List<DomainError>();
        var query = PracticeQuery.Parse(right, city, q, page, pageSize, errors);
        return errors.Count > 0 ? Problems.Result(errors) : Results.Ok(await reader.LibraryAsync(session, query, cancellation));
    }

    /// <summary>One practice with every version and its adoptions; 404 when unknown or withdrawn.</summary>
    [WolverineGet("/api/network/practices/{id}", OperationId = "getPractice")]
    public static async Task<IResult> Get(Guid id, IQuerySession session, GoodPracticeReader reader, CancellationToken cancellation) =>
        await reader.FindAsync(session, id, cancellation) is { } practice ? Results.Ok(practice) : Problems.NotFound("practice");

    /// <summary>The practices the city published (in the library) and those it adopted.</summary>
    [WolverineGet("/api/cities/{city}/practices", OperationId = "listCityPractices")]
    public static Task<CityPractices> OfCity(string city, IQuerySession session, GoodPracticeReader reader, CancellationToken cancellation) =>
        reader.CityAsync(session, city, cancellation);
}
