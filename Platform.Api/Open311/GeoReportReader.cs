using Platform.Domain.Concerns;
using Platform.Domain.Open311;
using Platform.Domain.Reference;
using Platform.Projections.Concerns;

namespace Platform.Api.Open311;

/// <summary>
/// What GeoReport v2 reads, in the specification's records: the services (the rights of the reference catalogue), a
/// service's definition (its one attribute, the district), and the city's concerns as service requests, read from the
/// concern views of the session's city with the location their Open311 request gave, if any. Hidden concerns are never
/// read; a redacted one shows its masked text and no location.
/// </summary>
public sealed class GeoReportReader(CityDirectory cities)
{
    /// <summary>The one attribute every service takes: the district, as the concern's own district field.</summary>
    public const string DistrictAttribute = "district";

    public static IReadOnlyList<Right> Services { get; } = ReferenceCatalogue.Default.Rights.Values.OrderBy(r => r.Code, StringComparer.Ordinal).ToList();

    public static Right? Service(string? code) => code is not null && ReferenceCatalogue.Default.Rights.TryGetValue(code, out var right) ? right : null;

    public static GeoReportRecord ServiceRecord(Right right) => GeoReportRecord.Of(
        ("service_code", right.Code),
        ("service_name", right.Name),
        ("description", Description(right)),
        ("metadata", true),
        ("type", "realtime"),
        ("keywords", string.Join(", ", right.OhchrAttributes.Select(a => a.Replace(",", "")))),
        ("group", right.UdhrArticles.Count > 0 ? $"UDHR article {right.UdhrArticles[0]}" : "Other rights"));

    public static GeoReportRecord Definition(Right right) => GeoReportRecord.Of(
        ("service_code", right.Code),
        ("attributes", new GeoReportList("attribute",
        [
            GeoReportRecord.Of(
                ("variable", true),
                ("code", DistrictAttribute),
                ("datatype", "string"),
                ("required", false),
                ("datatype_description", $"The district or neighbourhood of the city, at most {ConcernRules.DistrictMaxLength} characters."),
                ("order", 1),
                ("description", "District")),
        ])));

    private static string Description(Right right)
    {
        var articles = right.UdhrArticles.Count == 0 ? "" : $" (Universal Declaration of Human Rights, article {string.Join(", ", right.UdhrArticles)})";
        return $"A rights concern about {right.Name.ToLowerInvariant()}{articles}.";
    }

    /// <summary>The city's notice on every request: how long the council takes to answer (the city's setting).</summary>
    public async Task<(string Notice, int Days)> NoticeAsync(string city, CancellationToken cancellation)
    {
        var days = (await cities.FindAsync(city, cancellation))?.Settings.ConcernResponseDays ?? new CitySettings().ConcernResponseDays;
        return ($"The council answers a concern within {days} days of taking it up. Follow it on the platform.", days);
    }

    /// <summary>The visible concerns of <paramref name="ids"/>, newest first.</summary>
    public async Task<IReadOnlyList<GeoReportRecord>> ByIdsAsync(IQuerySession session, string city, IReadOnlyList<Guid> ids, CancellationToken cancellation)
    {
        var array = ids.ToArray();
        var views = await session.Query<ConcernView>().Where(v => v.Id.IsOneOf(array) && !v.Hidden)
            .OrderByDescending(v => v.RaisedAt).ToListAsync(cancellation);
        return await RecordsAsync(session, city, views, cancellation);
    }

    /// <summary>The visible concerns raised in [<paramref name="start"/>, <paramref name="end"/>], of the services and statuses asked (all when empty), newest first, at most <see cref="Open311Rules.MaxRequests"/>.</summary>
    public async Task<IReadOnlyList<GeoReportRecord>> WindowAsync(IQuerySession session, string city, DateTimeOffset start, DateTimeOffset end,
        IReadOnlyList<string> services, IReadOnlyList<ConcernStatus> statuses, CancellationToken cancellation)
    {
        var query = session.Query<ConcernView>().Where(v => !v.Hidden && v.RaisedAt >= start && v.RaisedAt <= end);
        if (statuses.Count > 0)
        {
            var wanted = statuses.ToArray();
            query = query.Where(v => v.Status.IsOneOf(wanted));
        }
        if (services.Count > 0)
        {
            var codes = services.ToArray();
            query = query.Where(v => v.Rights.Any(r => codes.Contains(r)));
        }
        var views = await query.OrderByDescending(v => v.RaisedAt).Take(Open311Rules.MaxRequests).ToListAsync(cancellation);
        return await RecordsAsync(session, city, views, cancellation);
    }

    private async Task<IReadOnlyList<GeoReportRecord>> RecordsAsync(IQuerySession session, string city, IReadOnlyList<ConcernView> views, CancellationToken cancellation)
    {
        if (views.Count == 0) return [];
        var ids = views.Select(v => v.Id).ToArray();
        var locations = (await session.Query<Open311Request>().Where(r => r.ConcernId.IsOneOf(ids)).ToListAsync(cancellation))
            .GroupBy(r => r.ConcernId).ToDictionary(g => g.Key, g => g.First());
        var (notice, days) = await NoticeAsync(city, cancellation);
        return views.Select(v => Record(v, v.RedactionReason is null ? locations.GetValueOrDefault(v.Id) : null, notice, days)).ToList();
    }

    /// <summary>The open statuses of GeoReport: the council has not closed the concern (it still takes supports).</summary>
    public static readonly IReadOnlyList<ConcernStatus> Open = Enum.GetValues<ConcernStatus>().Where(s => s != ConcernStatus.Hidden && Concern.AcceptsSupportWhen(s)).ToList();

    /// <summary>The closed statuses: declined, resolved, withdrawn.</summary>
    public static readonly IReadOnlyList<ConcernStatus> Closed = Enum.GetValues<ConcernStatus>().Where(s => s != ConcernStatus.Hidden && !Concern.AcceptsSupportWhen(s)).ToList();

    private static GeoReportRecord Record(ConcernView v, Open311Request? location, string notice, int days)
    {
        var service = Service(v.Rights.FirstOrDefault());
        var notes = v.Status switch
        {
            ConcernStatus.Answered => v.Answer,
            ConcernStatus.Declined => v.DeclineReason,
            ConcernStatus.Resolved => v.ResolutionNote ?? v.Answer,
            ConcernStatus.Acknowledged => $"Taken up by {v.Department}.",
            _ => null,
        };
        var open = Open.Contains(v.Status);
        return GeoReportRecord.Of(
            ("service_request_id", v.Id.ToString()),
            ("status", open ? "open" : "closed"),
            ("status_notes", notes),
            ("service_name", service?.Name),
            ("service_code", service?.Code),
            ("description", DescriptionOf(v)),
            ("agency_responsible", v.Department),
            ("service_notice", notice),
            ("requested_datetime", v.RaisedAt),
            ("updated_datetime", v.UpdatedAt),
            ("expected_datetime", v.ResponseDue ?? (open ? v.RaisedAt.AddDays(days) : null)),
            ("address", location?.Address),
            ("address_id", null),
            ("zipcode", null),
            ("lat", location?.Latitude),
            ("long", location?.Longitude),
            ("media_url", null));
    }

    /// <summary>A concern's text as one description: an Open311 request's own description (its title is the description's start), else title and description.</summary>
    private static string DescriptionOf(ConcernView v)
    {
        if (string.IsNullOrEmpty(v.Description)) return v.Title;
        return v.Description.StartsWith(v.Title.TrimEnd('…'), StringComparison.Ordinal) ? v.Description : $"{v.Title}\n\n{v.Description}";
    }
}
