using Platform.Domain.Concerns;
using Platform.Domain.Open311;

namespace Platform.Api.Open311;

/// <summary>
/// The fields of a <c>POST requests</c> form that the platform reads, checked before the concern's own rules: the service,
/// a location (a point or an address), the description and the district attribute. Every error names its parameter; the
/// status is 404 for an unknown service, else 400.
/// </summary>
public sealed record Open311Input(string? ServiceCode, string? Description, string? District, string? Address, double? Latitude, double? Longitude)
{
    public List<string> Errors { get; } = [];
    public int Status { get; private set; } = StatusCodes.Status400BadRequest;

    /// <summary>The attribute codes a request may give (<c>attribute[district]</c>).</summary>
    private static readonly string[] Attributes = [GeoReportReader.DistrictAttribute];

    public static Open311Input Read(IFormCollection form)
    {
        var errors = new List<string>();
        string? Field(string name)
        {
            if (GeoReportEndpoints.Single(form, name, out var value) is { } repeated) errors.Add(repeated);
            return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        }

        var service = Field("service_code");
        var description = Field("description");
        var district = Field($"attribute[{GeoReportReader.DistrictAttribute}]");
        var address = Field("address_string");
        var lat = Coordinate(Field("lat"), "lat", 90, errors);
        var lon = Coordinate(Field("long"), "long", 180, errors);
        var addressId = Field("address_id");

        var notFound = false;
        if (service is null) errors.Add("service_code: the service is required (see services).");
        else if (GeoReportReader.Service(service) is null)
        {
            errors.Add($"service_code: '{service}' is not a service of this city.");
            notFound = true;
        }
        if (description is null) errors.Add("description: describe the problem; its first line becomes the concern's title.");
        if (address is { Length: > Open311Rules.AddressMaxLength }) errors.Add($"address_string: at most {Open311Rules.AddressMaxLength} characters.");
        if ((lat is null) != (lon is null) && !errors.Any(e => e.StartsWith("lat:") || e.StartsWith("long:")))
            errors.Add(lat is null ? "lat: give lat with long." : "long: give long with lat.");
        if (lat is null && lon is null && address is null && !errors.Any(e => e.StartsWith("lat:") || e.StartsWith("long:")))
            errors.Add(addressId is null
                ? "lat, long or address_string: a location is required (lat and long, or address_string)."
                : "address_id: this city has no address ids; give lat and long, or address_string.");
        foreach (var name in form.Keys.Where(k => k.StartsWith("attribute[", StringComparison.Ordinal)))
            if (!Attributes.Any(a => name == $"attribute[{a}]")) errors.Add($"{name}: not an attribute of this service (see its definition).");

        var input = new Open311Input(service, description, district, address, lat, lon);
        input.Errors.AddRange(errors);
        // An unknown service alone is a 404, as the specification's service definition answers it; with other mistakes, a 400.
        if (notFound && errors.Count == 1) input.Status = StatusCodes.Status404NotFound;
        return input;
    }

    private static double? Coordinate(string? text, string name, double limit, List<string> errors)
    {
        if (text is null) return null;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) && Math.Abs(value) <= limit)
            return value;
        errors.Add($"{name}: a decimal number of degrees between -{limit} and {limit} (WGS84).");
        return null;
    }

    /// <summary>The Open311 parameter of a concern's field, for the concern rules' refusals.</summary>
    public static string ParameterOf(string? field) => field switch
    {
        "title" or "description" => "description",
        "district" => $"attribute[{GeoReportReader.DistrictAttribute}]",
        null => "request",
        _ when field.StartsWith("rights", StringComparison.Ordinal) => "service_code",
        _ => field,
    };
}

/// <summary>The filters of <c>GET requests</c>, checked: each error names its parameter (404 for an unknown service, else 400).</summary>
public sealed record Open311Filters(IReadOnlyList<Guid>? Ids, DateTimeOffset Start, DateTimeOffset End, IReadOnlyList<string> Services, IReadOnlyList<ConcernStatus> Statuses)
{
    public List<string> Errors { get; } = [];
    public int Status { get; private set; } = StatusCodes.Status400BadRequest;

    public static Open311Filters Read(string? ids, string? services, string? start, string? end, string? status, DateTimeOffset now)
    {
        var errors = new List<string>();
        var notFound = false;
        IReadOnlyList<Guid>? idList = null;
        if (!string.IsNullOrWhiteSpace(ids))
        {
            var parts = List(ids);
            var parsed = parts.Select(p => Guid.TryParse(p, out var id) ? id : (Guid?)null).ToList();
            if (parts.Count > Open311Rules.MaxRequestIds) errors.Add($"service_request_id: at most {Open311Rules.MaxRequestIds} ids.");
            else if (parsed.Any(p => p is null)) errors.Add($"service_request_id: '{parts[parsed.FindIndex(p => p is null)]}' is not a request id.");
            else idList = parsed.Select(p => p!.Value).Distinct().ToList();
        }

        var codes = List(services);
        foreach (var code in codes.Where(c => GeoReportReader.Service(c) is null))
        {
            errors.Add($"service_code: '{code}' is not a service of this city.");
            notFound = true;
        }

        var statuses = new List<ConcernStatus>();
        foreach (var name in List(status))
        {
            if (name.Equals("open", StringComparison.OrdinalIgnoreCase)) statuses.AddRange(GeoReportReader.Open);
            else if (name.Equals("closed", StringComparison.OrdinalIgnoreCase)) statuses.AddRange(GeoReportReader.Closed);
            else errors.Add($"status: '{name}' is not a status (open or closed).");
        }

        var from = Date(start, "start_date", errors);
        var to = Date(end, "end_date", errors);
        var window = TimeSpan.FromDays(Open311Rules.WindowDays);
        var last = to ?? (from is { } f && f + window < now ? f + window : now);
        var first = from ?? last - window;
        if (from is not null && to is not null && to < from) errors.Add("end_date: it comes before start_date.");
        else if (last - first > window) errors.Add($"end_date: start_date and end_date may be at most {Open311Rules.WindowDays} days apart.");

        var filters = new Open311Filters(idList, first, last, codes, statuses.Distinct().ToList());
        filters.Errors.AddRange(errors);
        if (notFound && errors.All(e => e.StartsWith("service_code:"))) filters.Status = StatusCodes.Status404NotFound;
        return filters;
    }

    private static List<string> List(string? text) =>
        (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    private static DateTimeOffset? Date(string? text, string name, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (DateTimeOffset.TryParse(text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
            && date.Year is > 1900 and < 3000) return date;
        errors.Add($"{name}: '{text}' is not a W3C date-time (such as 2026-12-07T10:30:00Z).");
        return null;
    }
}
