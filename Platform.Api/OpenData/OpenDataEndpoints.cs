
namespace Platform.Api.OpenData;

/// <summary>Open data: the data dictionary, and every public view as CSV or JSON (<c>?format=csv</c>, JSON by default).</summary>
public static class OpenDataEndpoints
{
    [WolverineGet("/api/open-data", OperationId = "getOpenDataDictionary")]
    public static object Dictionary(OpenDataCatalogue catalogue) => new
    {
        Formats = new[] { "json", "csv" },
        Conventions = "CSV: UTF-8, comma-separated, a header row of field names, RFC 4180 quoting. Cells: numbers in invariant culture, instants in ISO 8601 UTC, " +
                      "dates yyyy-MM-dd, codes in camelCase, lists ';'-separated, empty for no value. JSON: {dataset, count, rows} with the same cells.",
        Datasets = catalogue.Sets.Select(s => new
        {
            s.Name, s.Scope, s.Title, s.Description, s.View,
            Json = s.Url + "?format=json",
            Csv = s.Url + "?format=csv",
            s.Fields,
        }),
        Files = OpenDataCatalogue.OpenSdgFiles,
    };

    [WolverineGet("/api/cities/{city}/open-data/{dataset}", OperationId = "getCityOpenData")]
    public static Task<IResult> City(string city, string dataset, string? format, IQuerySession session, OpenDataCatalogue catalogue, HttpContext context) =>
        ServeAsync(catalogue, OpenDataScope.City, city, dataset, format, session, context);

    [WolverineGet("/api/open-data/{dataset}", OperationId = "getNetworkOpenData")]
    public static Task<IResult> Network(string dataset, string? format, IQuerySession session, OpenDataCatalogue catalogue, HttpContext context) =>
        ServeAsync(catalogue, OpenDataScope.Network, null, dataset, format, session, context);

    private static async Task<IResult> ServeAsync(OpenDataCatalogue catalogue, OpenDataScope scope, string? city, string dataset, string? format, IQuerySession session, HttpContext context)
    {
        var set = catalogue.Sets.FirstOrDefault(s => s.Scope == scope && s.Name == dataset);
        if (set is null) return Problems.NotFound("dataset");
        var kind = (format ?? "json").Trim().ToLowerInvariant();
        if (kind is not ("json" or "csv")) return Problems.Result([DomainError.Invalid("format", "The format is json or csv.")]);

        var rows = (await set.Rows(new OpenDataRequest(city, session, context.RequestAborted))).ToList();
        var file = city is null ? set.Name : $"{city}-{set.Name}";
        if (kind == "csv")
        {
            context.Response.Headers.ContentDisposition = $"attachment; filename=\"{file}.csv\"";
            return Results.Text(OpenDataCells.Csv(set.Fields, rows), "text/csv; charset=utf-8");
        }
        return Results.Json(new { Dataset = set.Name, City = city, Count = rows.Count, Rows = OpenDataCells.Json(set.Fields, rows) });
    }
}
