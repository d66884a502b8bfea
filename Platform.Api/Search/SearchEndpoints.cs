namespace Platform.Api.Search;

/// <summary>The search of a city: public, like the lists it searches (hidden, withdrawn and draft items are never found).</summary>
public static class SearchEndpoints
{
    /// <summary>
    /// The city's concerns, proposals, commitments and consultations matching the words <c>q</c>, best match first,
    /// each with a highlighted snippet; stemmed in <c>lang</c> (en, fr, nl, uk; by default the request's language),
    /// filtered by <c>kind</c>, <c>right</c> and <c>status</c>; <c>page</c> from 1, <c>pageSize</c> up to 100.
    /// </summary>
    [WolverineGet("/api/cities/{city}/search", OperationId = "search")]
    public static async Task<IResult> Get(string city, string? q, string? lang, string? kind, string? right, string? status,
        string? page, string? pageSize, HttpRequest request, SearchReader reader, CancellationToken cancellation)
    {
        var errors = new List<DomainError>();
        var query = SearchQuery.Parse(q, lang, kind, right, status, page, pageSize, AcceptedLanguage(request),
            SearchQuery.DefaultPageSize, errors);
        return errors.Count > 0 ? Problems.Result(errors) : Results.Ok(await reader.PageAsync(city, query, cancellation));
    }

    /// <summary>The caller's preferred language of the four (the API has no page language): the first the Accept-Language header ranks, or English.</summary>
    private static string AcceptedLanguage(HttpRequest request) =>
        request.GetTypedHeaders().AcceptLanguage
            .OrderByDescending(l => l.Quality ?? 1)
            .Select(l => l.Value.Value?.Split('-')[0].ToLowerInvariant())
            .FirstOrDefault(l => l is not null && WebSetup.Languages.Contains(l)) ?? "en";
}
