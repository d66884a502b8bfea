using Microsoft.Extensions.Primitives;
using Platform.Api.Concerns;
using Platform.Domain.Concerns;
using Platform.Domain.Open311;

namespace Platform.Api.Open311;

/// <summary>
/// Open311 GeoReport v2 at <c>/open311/v2/{city}/</c>, in JSON and XML (the path's extension): the services (the rights of the
/// catalogue), a service's definition, a new service request (a concern raised through <see cref="ConcernHandler"/>, the
/// platform's own path, for a client app holding a key of the city), and the city's concerns as service requests.
/// Refusals answer the specification's error list with 400, 403, 404 or 429, each description naming the parameter.
/// </summary>
public static class GeoReportEndpoints
{
    private const string Base = "/open311/v2/{city}";

    /// <summary>Every service: one per right of the reference catalogue.</summary>
    [WolverineGet(Base + "/services.{format}", OperationId = "open311Services")]
    public static IResult Services(string city, string format, string? jurisdiction_id) =>
        Checked(city, format, jurisdiction_id, out var answer) is { } refused ? refused
            : GeoReportAnswer.List(answer, new GeoReportList("service", GeoReportReader.Services.Select(GeoReportReader.ServiceRecord).ToList()), "services");

    /// <summary>One service's definition: its attributes (the district).</summary>
    [WolverineGet(Base + "/services/{service_code}.{format}", OperationId = "open311ServiceDefinition")]
    public static IResult Definition(string city, string service_code, string format, string? jurisdiction_id)
    {
        if (Checked(city, format, jurisdiction_id, out var answer) is { } refused) return refused;
        return GeoReportReader.Service(service_code) is { } right
            ? GeoReportAnswer.Single(answer, GeoReportReader.Definition(right), "service_definition")
            : GeoReportAnswer.Error(answer, StatusCodes.Status404NotFound, $"service_code: '{service_code}' is not a service of this city.");
    }

    /// <summary>
    /// A new service request, form-encoded as the specification says: <c>api_key</c>, <c>service_code</c>, a location
    /// (<c>lat</c> and <c>long</c>, or <c>address_string</c>), <c>description</c>, <c>attribute[district]</c>. Personal fields
    /// (email, names, phone, device and account ids) and <c>media_url</c> are not read, so not kept. Answers the new request's
    /// id and the city's notice.
    /// </summary>
    [WolverinePost(Base + "/requests.{format}", OperationId = "open311CreateRequest")]
    public static async Task<IResult> Create(string city, string format, HttpRequest request, IDocumentSession session, Open311Keys keys,
        ConcernHandler handler, GeoReportReader reader, TimeProvider clock, CancellationToken cancellation)
    {
        if (Checked(city, format, request.Query["jurisdiction_id"], out var answer) is { } refused) return refused;
        IFormCollection form;
        try
        {
            form = request.HasFormContentType ? await request.ReadFormAsync(cancellation) : FormCollection.Empty;
        }
        catch (Exception e) when (e is InvalidDataException or IOException or BadHttpRequestException)
        {
            return GeoReportAnswer.Error(answer, StatusCodes.Status400BadRequest, "The request body is not a readable form (application/x-www-form-urlencoded).");
        }
        if (Single(form, "api_key", out var key) is { } repeated) return GeoReportAnswer.Error(answer, 400, repeated);
        if (string.IsNullOrEmpty(key))
            return GeoReportAnswer.Error(answer, StatusCodes.Status403Forbidden, "api_key: a key is required to submit requests; the city's officials issue them.");
        if (await keys.ActiveClientAsync(session, key, cancellation) is not { } client)
            return GeoReportAnswer.Error(answer, StatusCodes.Status403Forbidden, "api_key: this key is not valid in this city (unknown or revoked).");
        if (keys.Throttle(client.Id) is { } wait)
        {
            var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
            request.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            return GeoReportAnswer.Error(answer, StatusCodes.Status429TooManyRequests, $"api_key: too many requests with this key; try again in {seconds} seconds.");
        }

        var input = Open311Input.Read(form);
        if (input.Errors.Count > 0) return GeoReportAnswer.Errors(answer, input.Status, input.Errors);

        var command = new RaiseConcern(Guid.CreateVersion7(), client.Id, Open311Rules.TitleFrom(input.Description), input.Description,
            [input.ServiceCode!], null, input.District, Anonymous: true);
        // The request's own stream, committed with the concern or not at all (a refused concern commits nothing).
        session.Events.StartStream<Open311Request>(Open311Request.StreamOf(command.ConcernId, client.Id),
            new Open311RequestReceived(command.ConcernId, client.Id, input.Address, input.Latitude, input.Longitude, clock.GetUtcNow()));
        var written = await handler.Handle(command, session, cancellation);
        if (written.IsRefused)
            return GeoReportAnswer.Errors(answer, Problems.StatusOf(written.Errors[0].Kind), written.Errors.Select(e => $"{Open311Input.ParameterOf(e.Field)}: {e.Message}"));

        var (notice, _) = await reader.NoticeAsync(city, cancellation);
        return GeoReportAnswer.List(answer, new GeoReportList("request",
            [GeoReportRecord.Of(("service_request_id", command.ConcernId.ToString()), ("service_notice", notice), ("account_id", null))]), "service_requests");
    }

    /// <summary>
    /// The city's service requests, newest first: those of <c>service_request_id</c> (a comma-separated list; the other filters
    /// are then ignored), else those raised between <c>start_date</c> and <c>end_date</c> (at most 90 days apart; by default
    /// the last 90 days), of <c>service_code</c> and <c>status</c> (open, closed; comma-separated lists), at most 1000.
    /// </summary>
    [WolverineGet(Base + "/requests.{format}", OperationId = "open311ListRequests")]
    public static async Task<IResult> List(string city, string format, string? jurisdiction_id, string? service_request_id, string? service_code,
        string? start_date, string? end_date, string? status, IQuerySession session, GeoReportReader reader, TimeProvider clock, CancellationToken cancellation)
    {
        if (Checked(city, format, jurisdiction_id, out var answer) is { } refused) return refused;
        var filters = Open311Filters.Read(service_request_id, service_code, start_date, end_date, status, clock.GetUtcNow());
        if (filters.Errors.Count > 0) return GeoReportAnswer.Errors(answer, filters.Status, filters.Errors);
        var records = filters.Ids is { } ids
            ? await reader.ByIdsAsync(session, city, ids, cancellation)
            : await reader.WindowAsync(session, city, filters.Start, filters.End, filters.Services, filters.Statuses, cancellation);
        return GeoReportAnswer.List(answer, new GeoReportList("request", records), "service_requests");
    }

    /// <summary>One service request: its status, the council's notes, department and dates, and the location it was given.</summary>
    [WolverineGet(Base + "/requests/{service_request_id}.{format}", OperationId = "open311GetRequest")]
    public static async Task<IResult> Get(string city, string service_request_id, string format, string? jurisdiction_id, IQuerySession session,
        GeoReportReader reader, CancellationToken cancellation)
    {
        if (Checked(city, format, jurisdiction_id, out var answer) is { } refused) return refused;
        var found = Guid.TryParse(service_request_id, out var id) ? await reader.ByIdsAsync(session, city, [id], cancellation) : [];
        return found.Count == 0
            ? GeoReportAnswer.Error(answer, StatusCodes.Status404NotFound, $"service_request_id: '{service_request_id}' is not a request of this city.")
            : GeoReportAnswer.List(answer, new GeoReportList("request", found), "service_requests");
    }

    /// <summary>
    /// The format of the path (an unknown one is refused in JSON, naming <c>format</c>) and the <c>jurisdiction_id</c>, which may
    /// only name the route's city: null when both are fine.
    /// </summary>
    private static IResult? Checked(string city, string format, string? jurisdiction, out GeoReportFormat answer)
    {
        answer = GeoReportAnswer.FormatOf(format) ?? GeoReportFormat.Json;
        if (GeoReportAnswer.FormatOf(format) is null)
            return GeoReportAnswer.Error(answer, StatusCodes.Status400BadRequest, $"format: '{format}' is not a format of this endpoint (json or xml).");
        if (!string.IsNullOrEmpty(jurisdiction) && !string.Equals(jurisdiction, city, StringComparison.OrdinalIgnoreCase))
            return GeoReportAnswer.Error(answer, StatusCodes.Status400BadRequest, $"jurisdiction_id: this endpoint serves the jurisdiction '{city}' only.");
        return null;
    }

    /// <summary>The one value of a form field (null when absent); a field given twice is refused (answered its description).</summary>
    internal static string? Single(IFormCollection form, string name, out string? value)
    {
        var values = form.TryGetValue(name, out var found) ? found : StringValues.Empty;
        value = values.Count == 1 ? values[0] : null;
        return values.Count > 1 ? $"{name}: give it once." : null;
    }
}
